/**
 * 签署服务协定 (`?applicationId=`): the agreement's text and version as the application's detail gives them
 * (provider.application.detail `agreementText`), a checkbox, and 签署; the version sent is the one shown
 * (provider.application.sign), so a text changed meanwhile is refused (AGREEMENT_VERSION_OUTDATED) and read
 * again. When the application cannot be signed yet (the notice not over, objections open, signed already)
 * the page says why. Once signed, the provider is active with its offerings and the signer is its manager:
 * the page lists the manager's next steps.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { applicationDetail, signAgreement } from '../../services/providers.service';
import { toAgreementView, type AgreementView } from '../../view-models/application.view-model';

const state = instanceState(() => ({ applicationId: '' }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.agreement)],
  data: {
    missing: false,
    loading: true,
    error: '',
    agreement: null as AgreementView | null,
    accepted: false,
    signing: false,
    /** Signed here: the provider's id, for the manager's next steps. */
    providerId: '',
  },
  methods: {
    onLoad(query: { applicationId?: string }) {
      state(this).applicationId = query.applicationId ?? '';
      if (state(this).applicationId === '') {
        this.setData({ missing: true, loading: false });
        return;
      }
      void this.load();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async load() {
      try {
        const detail = await applicationDetail(state(this).applicationId);
        this.setData({
          loading: false,
          error: '',
          agreement: toAgreementView(detail, Date.now()),
          accepted: false,
        });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onAccept(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ accepted: e.detail.checked });
    },
    async onSign() {
      const agreement = this.data.agreement;
      if (this.data.signing || agreement === null || !agreement.canSign) return;
      if (!this.data.accepted) {
        showNotice(this, '请先阅读服务协定，并勾选“我已阅读并同意”', 'warning');
        return;
      }
      this.setData({ signing: true });
      try {
        const result = await signAgreement(agreement.applicationId, agreement.version);
        this.setData({ signing: false, providerId: result.providerId });
        showNotice(this, `服务协定已签署，${agreement.name}已正式入驻，服务项目已上线`);
      } catch (e) {
        this.setData({ signing: false });
        showFailure(this, e);
        // The text changed meanwhile: show the version in force.
        if ((e as { code?: string }).code === 'AGREEMENT_VERSION_OUTDATED') void this.load();
      }
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
    onJobs() {
      wx.redirectTo({ url: ROUTES.jobs });
    },
    onOfferings() {
      wx.redirectTo({ url: withQuery(ROUTES.offerings, { providerId: this.data.providerId }) });
    },
    onInvite() {
      wx.redirectTo({ url: withQuery(ROUTES.invite, { providerId: this.data.providerId }) });
    },
  },
});
