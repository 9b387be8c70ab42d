/**
 * 考核结果 (`?providerId=&name=`, anyone signed in): a provider's published evaluation results (公示,
 * evaluation.list {providerId}), newest first, a page at a time to the end: year and kind, grade, outcome
 * (通报表扬 / 通报批评 / 调整等级 / 限期整改) and the rectification deadline. A tap opens one in place with its
 * published summary and problem list (evaluation.detail), and for a rectification where the provider stands
 * now. Reached from each 红星榜 row and from 本机构星级.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { pagedListBehavior } from '../../../../behaviors/paged-list.behavior';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
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

/** Not rendered: the provider. */
const state = instanceState(() => ({ providerId: '' }));

Component({
  behaviors: [
    elderModeBehavior,
    pageNoticeBehavior(ROUTES.evaluationResults),
    pagedListBehavior({
      load: (page, pageNo) => listEvaluationResults(state(page).providerId, pageNo),
      rows: (reply) => reply.items.filter(isPublishedResult).map(toResultRow),
      // Opened without a name: the provider's, from its newest result.
      extra: (page, reply, first) => {
        const newest = reply.items[0];
        return first && (page.data as { providerName: string }).providerName === '' && newest !== undefined
          ? { providerName: newest.providerName }
          : {};
      },
    }),
  ],
  data: {
    missing: false,
    providerName: '',
    rows: [] as ResultRowView[],
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
