/** The dashboard screens' routes, children of the console frame. */
import type { RouteRecordRaw } from 'vue-router';

export const dashboardScreens: RouteRecordRaw[] = [];
