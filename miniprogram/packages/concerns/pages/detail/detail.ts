/**
 * 诉求详情, opened with `?concernId=` (from the lists, and from the notifications: platform.config
 * pages.concernDetail): the concern, its photos (temporary URLs), its timeline, and only the buttons its
 * `actions` allow the caller now — 撤回, 认领 (as the caller may: self, team, party organisation, unit), 退回认领
 * (with a reason), 更新进展 and 办结 (text and photos), 确认办理结果 (已解决 / 部分解决 / 未解决 with a reason),
 * 我也关心. One form open at a time; after each step the concern is read again and the step said in a notice
 * that stays. Read again when the page shows after another one.
 */
import type { ConcernDetail } from 'weimin-core';
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { messageOf } from '../../../../services/service-error';
import { confirmDialog } from '../../../../utils/confirm';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import { photoUrls, pickPhotos, uploadPhotos } from '../../services/concern-photos.service';
import {
  claimConcern,
  concernDetail,
  confirmConcern,
  releaseConcern,
  resolveConcern,
  supportConcern,
  updateConcern,
  withdrawConcern,
} from '../../services/concerns.service';
import {
  checkConfirmation,
  checkProgressText,
  checkReleaseReason,
  checkResolveSummary,
} from '../../view-models/concern.forms';
import { MAX_PHOTOS, checkPickedPhotos, type PickedPhoto } from '../../view-models/concern-photo.rules';
import {
  CONFIRM_OPTIONS,
  photoIdsOf,
  toConcernDetail,
  type ConcernDetailView,
} from '../../view-models/concern.view-model';

/** The forms a step opens: one at a time. */
type FormName = '' | 'claim' | 'release' | 'update' | 'resolve' | 'confirm';

const FORM_TITLES: Readonly<Record<Exclude<FormName, ''>, string>> = {
  claim: '认领这件诉求',
  release: '退回认领',
  update: '更新办理进展',
  resolve: '办结',
  confirm: '确认办理结果',
};

/** Not rendered: the concern on the page, its last reply, the form's text and photos, shown before. */
const state = instanceState(() => ({
  concernId: '',
  reply: null as ConcernDetail | null,
  text: '',
  photos: [] as PickedPhoto[],
  shownBefore: false,
}));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.concernDetail)],
  data: {
    loading: true,
    error: '',
    busy: false,
    concern: null as ConcernDetailView | null,
    /** Temporary URLs of the photos, by the view's photo indexes ('' while not readable). */
    photoUrls: [] as string[],
    form: '' as FormName,
    formTitle: '',
    claimAs: '',
    outcome: '',
    confirmOptions: CONFIRM_OPTIONS,
    /** The form's photos' local paths. */
    formPhotos: [] as string[],
    maxPhotos: MAX_PHOTOS,
  },
  methods: {
    onLoad(query: { concernId?: string }) {
      state(this).concernId = decodeURIComponent(query.concernId ?? '');
      void this.load();
    },
    onShow() {
      if (state(this).shownBefore) void this.load();
      state(this).shownBefore = true;
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    /** Read the concern and show it (with `patch`) in one setData; then its photos. */
    async refresh(patch: Record<string, unknown>) {
      const reply = await concernDetail(state(this).concernId);
      state(this).reply = reply;
      this.setData({ ...patch, concern: toConcernDetail(reply, Date.now()) });
      const ids = photoIdsOf(reply);
      if (ids.length > 0) this.setData({ photoUrls: await photoUrls(ids) });
    },
    async load() {
      if (state(this).concernId === '') {
        this.setData({ loading: false, error: '没有找到这件诉求，请从心愿墙或我的诉求进入' });
        return;
      }
      try {
        await this.refresh({ loading: false, error: '' });
      } catch (e) {
        // A concern already on screen stays there; the failure is said above it.
        if (state(this).reply !== null) {
          this.setData({ loading: false });
          showFailure(this, e);
        } else this.setData({ loading: false, error: messageOf(e) });
      }
    },
    /** Run one step, then show the concern as it is now, the form closed, and say it is done. */
    async act(step: (concernId: string) => Promise<unknown>, done: string) {
      if (this.data.busy) return;
      this.setData({ busy: true });
      try {
        await step(state(this).concernId);
      } catch (e) {
        this.setData({ busy: false });
        showFailure(this, e);
        return;
      }
      const closed = { busy: false, form: '' as FormName, formPhotos: [] as string[] };
      state(this).text = '';
      state(this).photos = [];
      try {
        await this.refresh(closed);
      } catch {
        this.setData(closed);
      }
      showNotice(this, done);
    },
    openForm(form: Exclude<FormName, ''>, patch: Record<string, unknown> = {}) {
      state(this).text = '';
      state(this).photos = [];
      this.setData({ form, formTitle: FORM_TITLES[form], formPhotos: [], ...patch });
    },
    onCloseForm() {
      this.setData({ form: '' });
    },
    onBackToWall() {
      wx.redirectTo({ url: ROUTES.concernWall });
    },
    async onWithdraw() {
      if (this.data.busy) return;
      const sure = await confirmDialog('撤回诉求', '撤回后社区将不再办理这件诉求，确定撤回吗？', '撤回');
      if (sure) await this.act((id) => withdrawConcern(id, ''), '诉求已撤回');
    },
    async onSupport() {
      await this.act((id) => supportConcern(id), '已表示关心，社区会看到关心这件事的人数');
    },
    onOpenClaim() {
      const options = this.data.concern?.claimOptions ?? [];
      this.openForm('claim', { claimAs: options.length === 1 ? options[0]!.value : '' });
    },
    onOpenRelease() {
      this.openForm('release');
    },
    onOpenUpdate() {
      this.openForm('update');
    },
    onOpenResolve() {
      this.openForm('resolve');
    },
    onOpenConfirm() {
      this.openForm('confirm', { outcome: '' });
    },
    onClaimAsChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ claimAs: e.detail.value });
    },
    onOutcomeChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ outcome: e.detail.value });
    },
    onFormText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).text = e.detail.value;
    },
    async onAddFormPhotos() {
      const s = state(this);
      let picked: PickedPhoto[];
      try {
        picked = await pickPhotos(MAX_PHOTOS - s.photos.length);
      } catch (e) {
        showFailure(this, e);
        return;
      }
      if (picked.length === 0) return;
      const check = checkPickedPhotos(picked, s.photos.length);
      if (!check.ok) {
        showNotice(this, check.message, 'warning');
        return;
      }
      s.photos = [...s.photos, ...check.value];
      this.setData({ formPhotos: s.photos.map((p) => p.path) });
    },
    async onSubmitForm() {
      const { form } = this.data;
      if (form === 'claim') await this.submitClaim();
      else if (form === 'release') await this.submitRelease();
      else if (form === 'update' || form === 'resolve') await this.submitProgress(form);
      else if (form === 'confirm') await this.submitConfirm();
    },
    async submitClaim() {
      const chosen = this.data.concern?.claimOptions.find((o) => o.value === this.data.claimAs);
      if (chosen === undefined) {
        showNotice(this, '请选择认领身份', 'warning');
        return;
      }
      await this.act((id) => claimConcern(id, chosen.value), '认领成功，请尽快联系居民并更新办理进展');
    },
    async submitRelease() {
      const reason = checkReleaseReason(state(this).text);
      if (!reason.ok) return showNotice(this, reason.message, 'warning');
      await this.act((id) => releaseConcern(id, reason.value), '已退回认领，这件诉求重新等待认领');
    },
    async submitProgress(form: 'update' | 'resolve') {
      const check =
        form === 'update' ? checkProgressText(state(this).text) : checkResolveSummary(state(this).text);
      if (!check.ok) return showNotice(this, check.message, 'warning');
      const photos = state(this).photos;
      await this.act(
        async (id) => {
          const images = await uploadPhotos(photos);
          return form === 'update'
            ? updateConcern(id, check.value, images)
            : resolveConcern(id, check.value, images);
        },
        form === 'update' ? '办理进展已更新，居民会收到通知' : '已办结，等待居民确认办理结果',
      );
    },
    async submitConfirm() {
      const check = checkConfirmation(this.data.outcome, state(this).text);
      if (!check.ok) return showNotice(this, check.message, 'warning');
      const { outcome, reason } = check.value;
      await this.act(
        (id) => confirmConcern(id, outcome, reason),
        outcome === 'unresolved' ? '已反馈未解决，社区会继续办理' : '感谢您的确认',
      );
    },
  },
});
