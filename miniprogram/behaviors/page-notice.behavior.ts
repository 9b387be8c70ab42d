/**
 * The notice of a page (utils/notice.ts): `data.notice`, rendered by `<notice-bar notice="{{notice}}"
 * bind:close="onNoticeClose" />` first thing in the page. A notice left for this page's route by the page the
 * user came from is taken when the page is attached or shows again (back from another page).
 */
import { takeNotice, noticeView, type NoticeView } from '../utils/notice';
import type { Route } from '../utils/routes';

export function pageNoticeBehavior(route: Route) {
  return Behavior({
    data: { notice: null as NoticeView | null },
    lifetimes: {
      attached() {
        this.takeLeftNotice();
      },
    },
    pageLifetimes: {
      show() {
        this.takeLeftNotice();
      },
    },
    methods: {
      takeLeftNotice() {
        const notice = takeNotice(route);
        if (notice !== null) this.setData({ notice: noticeView(notice) });
      },
      onNoticeClose() {
        this.setData({ notice: null });
      },
    },
  });
}
