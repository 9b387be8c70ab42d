/** The people screens' routes, children of the console frame. */
import type { RouteRecordRaw } from 'vue-router';

export const peopleScreens: RouteRecordRaw[] = [];
