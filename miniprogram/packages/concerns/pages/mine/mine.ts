/**
 * 我的诉求: the concerns the resident filed (concern.list view mine), newest first, a page at a time to the
 * end, each with its status; a tap opens the detail (withdraw, confirm...), and back from it that row is
 * brought up to date. A confirmation left by the submit page (已提交) shows here.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { ROUTES } from '../../../../utils/routes';
import { concernListBehavior } from '../../behaviors/concern-list.behavior';

Component({
  behaviors: [elderModeBehavior, concernListBehavior, pageNoticeBehavior(ROUTES.concernMine)],
  data: { view: 'mine' },
  methods: {
    onSubmit() {
      wx.navigateTo({ url: ROUTES.concernSubmit });
    },
  },
});
