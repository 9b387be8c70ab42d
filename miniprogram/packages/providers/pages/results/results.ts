/**
 * 考核结果 (`?providerId=&name=`, anyone signed in): a provider's published evaluation results (公示,
 * evaluation.list {providerId}), newest first, a page at a time to the end: year and kind, grade, outcome
 * (通报表扬 / 通报批评 / 调整等级 / 限期整改) and the rectification deadline. A tap opens one in place with its
 * published summary and problem list (evaluation.detail), and for a rectification where the provider stands
 * now. Reached from each 红星榜 row and from 本机构星级.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { appendPatch } from '../../../../utils/paging';
import { ROUTES } from '../../../../utils/routes';
import { evaluationResult, listEvaluationResults } from '../../services/providers-public.service';
import {
  isPublishedResult,
  toResultDetail,
  toResultRow,
  type ResultDetailView,
  type ResultRowView,
} from '../../view-models/evaluation-result.view-model';

/** A query value as sent by `withQuery` (encoded); a malformed one as it came. */
function decoded(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}

/** Not rendered: the provider, the last page read. */
const state = instanceState(() => ({ providerId: '', page: 0 }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.evaluationResults)],
  data: {
    missing: false,
    providerName: '',
    rows: [] as ResultRowView[],
    loading: true,
    error: '',
    loadingMore: false,
    moreError: '',
    hasMore: false,
    /** The result opened in place, '' for none. */
    openId: '',
    /** Results read in full, by evaluation id. */
    details: {} as Record<string, ResultDetailView>,
    detailLoading: false,
    detailError: '',
  },
  methods: {
    onLoad(query: { providerId?: string; name?: string }) {
      state(this).providerId = decoded(query.providerId);
      if (state(this).providerId === '') {
        this.setData({ missing: true, loading: false });
        return;
      }
      this.setData({ providerName: decoded(query.name) });
      void this.reload();
    },
    onPullDownRefresh() {
      if (this.data.missing) {
        wx.stopPullDownRefresh();
        return;
      }
      void this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      if (this.data.hasMore && !this.data.loadingMore) void this.loadMore();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.reload();
    },
    async reload() {
      try {
        const reply = await listEvaluationResults(state(this).providerId, 1);
        state(this).page = 1;
        const first = reply.items[0];
        this.setData({
          loading: false,
          error: '',
          moreError: '',
          rows: reply.items.filter(isPublishedResult).map(toResultRow),
          hasMore: reply.hasMore && reply.items.length > 0,
          ...(this.data.providerName === '' && first !== undefined
            ? { providerName: first.providerName }
            : {}),
        });
      } catch (e) {
        if (this.data.rows.length > 0) this.setData({ loading: false, moreError: messageOf(e) });
        else this.setData({ loading: false, error: messageOf(e) });
      }
    },
    async loadMore() {
      const next = state(this).page + 1;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const reply = await listEvaluationResults(state(this).providerId, next);
        state(this).page = next;
        this.setData({
          ...appendPatch(
            'rows',
            this.data.rows.length,
            reply.items.filter(isPublishedResult).map(toResultRow),
          ),
          loadingMore: false,
          hasMore: reply.hasMore && reply.items.length > 0,
        });
      } catch (e) {
        this.setData({ loadingMore: false, moreError: messageOf(e) });
      }
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.openId === id) {
        this.setData({ openId: '' });
        return;
      }
      this.setData({ openId: id, detailError: '' });
      if (this.data.details[id] === undefined) void this.loadDetail(id);
    },
    onRetryDetail() {
      if (this.data.openId !== '') void this.loadDetail(this.data.openId);
    },
    async loadDetail(id: string) {
      this.setData({ detailLoading: true, detailError: '' });
      try {
        const view = toResultDetail(await evaluationResult(id));
        this.setData({
          [`details.${id}`]: view,
          ...(this.data.openId === id ? { detailLoading: false } : {}),
        });
      } catch (e) {
        if (this.data.openId === id) this.setData({ detailLoading: false, detailError: messageOf(e) });
      }
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
    onBoard() {
      wx.navigateTo({ url: ROUTES.board });
    },
  },
});
