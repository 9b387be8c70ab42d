/**
 * 工作台 (provider staff): the provider's jobs, a page at a time (jobs → order.list), waiting ones first;
 * consent for new-order and follow-up reminders.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { listJobs } from '../../../../services/jobs/jobs.service';
import { messageOf } from '../../../../services/service-error';
import { askJobAlerts } from '../../../../services/subscribe/subscribe.service';
import { instanceState } from '../../../../utils/instance-state';
import { appendPatch, hasMoreRows } from '../../../../utils/paging';
import { showError, showToast } from '../../../../utils/toast';
import { STAFF_JOB_FILTERS, toOrderRow, type OrderRowView } from '../../../../view-models/order.view-model';

const state = instanceState(() => ({ page: 0, shownBefore: false }));

Component({
  behaviors: [elderModeBehavior],
  data: {
    filters: STAFF_JOB_FILTERS,
    status: 'created',
    loading: true,
    loadingMore: false,
    error: '',
    jobs: [] as OrderRowView[],
    hasMore: false,
  },
  methods: {
    onLoad() {
      void this.reload();
    },
    onShow() {
      if (state(this).shownBefore) void this.reload();
      state(this).shownBefore = true;
    },
    onPullDownRefresh() {
      void this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      if (this.data.hasMore && !this.data.loadingMore) void this.loadMore();
    },
    async onAskAlerts() {
      const accepted = await askJobAlerts();
      showToast(
        this,
        accepted.length > 0 ? '已开启提醒' : '未开启提醒，可稍后再开启',
        accepted.length > 0 ? 'success' : 'warning',
      );
    },
    onFilter(e: WechatMiniprogram.CustomEvent<object, object, { value: string }>) {
      const status = e.currentTarget.dataset.value;
      if (status === this.data.status) return;
      this.setData({ status, loading: true });
      void this.reload();
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      wx.navigateTo({
        url: `/packages/staff/pages/job-detail/job-detail?orderId=${e.currentTarget.dataset.id}`,
      });
    },
    async reload() {
      try {
        const reply = await listJobs(1, this.data.status || undefined);
        state(this).page = 1;
        const now = Date.now();
        const jobs = reply.items.map((o) => toOrderRow(o, now));
        this.setData({ loading: false, error: '', jobs, hasMore: hasMoreRows(0, jobs.length, reply.total) });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e), jobs: [], hasMore: false });
      }
    },
    async loadMore() {
      this.setData({ loadingMore: true });
      const next = state(this).page + 1;
      try {
        const reply = await listJobs(next, this.data.status || undefined);
        state(this).page = next;
        const now = Date.now();
        const offset = this.data.jobs.length;
        const rows = reply.items.map((o) => toOrderRow(o, now));
        this.setData({
          ...appendPatch('jobs', offset, rows),
          loadingMore: false,
          hasMore: hasMoreRows(offset, rows.length, reply.total),
        });
      } catch (e) {
        this.setData({ loadingMore: false });
        showError(this, e);
      }
    },
  },
});
