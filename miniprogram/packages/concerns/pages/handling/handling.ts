/**
 * 认领/办理: the concerns the caller handles (concern.list view claimed: claimed by them, their volunteer
 * team, their party organisation or their unit), claimed, under way or waiting for the resident's answer; a
 * tap opens the detail, where progress is updated and the concern resolved or released.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { concernListBehavior } from '../../behaviors/concern-list.behavior';

Component({
  behaviors: [elderModeBehavior, concernListBehavior, pageNoticeBehavior(ROUTES.concernHandling)],
  data: { view: 'claimed' },
  methods: {
    onFindOpen() {
      wx.navigateTo({ url: withQuery(ROUTES.concernWall, { view: 'open' }) });
    },
  },
});
