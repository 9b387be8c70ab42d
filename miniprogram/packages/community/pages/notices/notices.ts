/**
 * 通知公告: the published notices of the resident's community and the units above it (announcement.list: the
 * city's, the county's, the street's and the community's own), pinned first then the newest, a page at a time
 * to the end (decision 0040). A tap opens the notice.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { pagedListBehavior } from '../../../../behaviors/paged-list.behavior';
import { listAnnouncements } from '../../../../services/announcements';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { toNoticeRow, type NoticeRow } from '../../../../view-models/announcement.view-model';

Component({
  behaviors: [
    elderModeBehavior,
    pageNoticeBehavior(ROUTES.communityNotices),
    pagedListBehavior({
      load: (_page, pageNo) => listAnnouncements(pageNo),
      rows: (reply) => reply.items.map(toNoticeRow),
    }),
  ],
  data: {
    rows: [] as NoticeRow[],
  },
  methods: {
    onLoad() {
      void this.reload();
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      wx.navigateTo({
        url: withQuery(ROUTES.communityNotice, { announcementId: e.currentTarget.dataset.id }),
      });
    },
  },
});
