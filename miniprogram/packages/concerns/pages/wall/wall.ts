/**
 * 心愿墙: the published concerns of the resident's community (concern.list view wall), with status, level and
 * how many others care; for party members, volunteers and workers a second tab, 可认领, of those they may
 * claim now (view open: waiting at their community or pushed up to their street, county or city). The tab
 * shows once the function answers that list for the caller (a resident is refused it), with the way to
 * 认领/办理. A tap opens the detail; back from it the list is where it was. Opened with `?view=open` it
 * starts on 可认领.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { ROUTES } from '../../../../utils/routes';
import { concernListBehavior } from '../../behaviors/concern-list.behavior';
import { listConcerns, type ConcernListView } from '../../services/concerns.service';

const TABS: ReadonlyArray<{ value: ConcernListView; label: string }> = [
  { value: 'wall', label: '心愿墙' },
  { value: 'open', label: '可认领' },
];

Component({
  behaviors: [elderModeBehavior, concernListBehavior, pageNoticeBehavior(ROUTES.concernWall)],
  data: {
    tabs: TABS,
    /** The caller may claim concerns: the 可认领 tab shows. */
    canClaim: false,
  },
  methods: {
    onLoad(query: { view?: string }) {
      // Sent to 可认领 (from 认领/办理): the caller claims; otherwise ask whether they may.
      if (query.view === 'open') this.setData({ view: 'open', canClaim: true });
      void this.reloadList();
      if (query.view !== 'open') void this.probeClaimable();
    },
    /** Whether the caller may claim at all: the open list answers them (a resident is refused it). */
    async probeClaimable() {
      try {
        await listConcerns('open', 1);
        this.setData({ canClaim: true });
      } catch {
        // Not a claimer (or not now): the wall alone.
      }
    },
    onTab(e: WechatMiniprogram.CustomEvent<object, object, { value: ConcernListView }>) {
      this.showView(e.currentTarget.dataset.value);
    },
    onSubmit() {
      wx.navigateTo({ url: ROUTES.concernSubmit });
    },
    onHandling() {
      wx.navigateTo({ url: ROUTES.concernHandling });
    },
  },
});
