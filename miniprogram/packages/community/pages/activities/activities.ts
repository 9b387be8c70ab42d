/**
 * 志愿活动: the upcoming activities of the caller's community (activity.list view upcoming), 我报名的 (mine,
 * each with where the sign-up stands) and, for whoever organises something, 我组织的 (organised: the tab shows
 * once that list has a row), as tabs; a page at a time to the end (decision 0040). Each row: title, time
 * (Asia/Shanghai), place, places left. A tap opens the activity; 我的志愿服务 opens the volunteer's record.
 * Opened with `?view=mine` or `?view=organised` it starts on that tab.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { pagedListBehavior } from '../../../../behaviors/paged-list.behavior';
import { instanceState } from '../../../../utils/instance-state';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { listActivities, type ActivityListView } from '../../services/volunteers.service';
import { toActivityRow, type ActivityRowView } from '../../view-models/activity.view-model';

type Page = WechatMiniprogram.Component.TrivialInstance;

const TABS: ReadonlyArray<{ value: ActivityListView; label: string }> = [
  { value: 'upcoming', label: '近期活动' },
  { value: 'mine', label: '我报名的' },
  { value: 'organised', label: '我组织的' },
];

const viewOf = (page: Page): ActivityListView => (page.data as { view: ActivityListView }).view;

/** Not rendered: shown before (back from an activity: read the rows shown again). */
const state = instanceState(() => ({ shownBefore: false }));

Component({
  behaviors: [
    elderModeBehavior,
    pageNoticeBehavior(ROUTES.activities),
    pagedListBehavior({
      load: (page, pageNo) => listActivities(viewOf(page), pageNo),
      rows: (reply) => reply.items.map((item) => toActivityRow(item, Date.now())),
      key: viewOf,
    }),
  ],
  data: {
    view: 'upcoming' as ActivityListView,
    rows: [] as ActivityRowView[],
    /** The tabs shown: 我组织的 only for those who organise something. */
    tabs: TABS.filter((t) => t.value !== 'organised'),
  },
  methods: {
    onLoad(query: { view?: string }) {
      const asked = TABS.find((t) => t.value === query.view);
      if (asked !== undefined) this.setData({ view: asked.value });
      if (asked?.value === 'organised') this.setData({ tabs: [...TABS] });
      void this.reload();
      if (asked?.value !== 'organised') void this.probeOrganised();
    },
    onShow() {
      if (state(this).shownBefore) void this.reloadShown();
      state(this).shownBefore = true;
    },
    /** Whether the caller organises anything: the 我组织的 tab shows when its list has a row. */
    async probeOrganised() {
      try {
        const organised = await listActivities('organised', 1);
        if (organised.items.length > 0) this.setData({ tabs: [...TABS] });
      } catch {
        // Not an organiser (or not now): the two tabs.
      }
    },
    onTab(e: WechatMiniprogram.CustomEvent<object, object, { value: ActivityListView }>) {
      const view = e.currentTarget.dataset.value;
      if (view === this.data.view) return;
      this.setData({ view, rows: [], loading: true, error: '', moreError: '', hasMore: false });
      void this.reload();
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      wx.navigateTo({ url: withQuery(ROUTES.activity, { activityId: e.currentTarget.dataset.id }) });
    },
    onMyHours() {
      wx.navigateTo({ url: ROUTES.myHours });
    },
    onShowUpcoming() {
      this.setData({ view: 'upcoming', rows: [], loading: true, error: '', moreError: '', hasMore: false });
      void this.reload();
    },
  },
});
