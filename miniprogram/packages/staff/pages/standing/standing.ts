/**
 * 本机构星级 (provider staff): the provider's star level and score, the parts of the score with the formula's
 * explanation, its 差评率, its rank on the red-star board per item and unit, the latest evaluation, and what
 * would raise it (provider.standing: tips computed from the parts); the way to all its published 考核结果.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { messageOf } from '../../../../services/service-error';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { providerStanding } from '../../services/providers.service';
import { toStandingView, type StandingView } from '../../view-models/governance.view-model';

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.standing)],
  data: { loading: true, error: '', standing: null as StandingView | null },
  methods: {
    onLoad() {
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async load() {
      try {
        this.setData({ loading: false, error: '', standing: toStandingView(await providerStanding()) });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onBind() {
      wx.navigateTo({ url: ROUTES.bind });
    },
    onBoard() {
      wx.navigateTo({ url: ROUTES.board });
    },
    /** 考核结果: every published evaluation of the provider (the public page of the providers subpackage). */
    onResults() {
      const standing = this.data.standing;
      if (standing === null) return;
      wx.navigateTo({
        url: withQuery(ROUTES.evaluationResults, { providerId: standing.providerId, name: standing.name }),
      });
    },
  },
});
