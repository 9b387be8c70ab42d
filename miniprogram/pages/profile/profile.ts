/**
 * 我的: the resident's home (grid or community, picked from the org tree by `unit-picker`) and contact
 * phone, both asked only after the privacy guide is agreed; the 长辈模式 switch; the way into the staff
 * workbench; in local mode only, `identity-switch` (act as another demo identity of the local cloud).
 */
import { checkMobilePhone, type ProfileGetReply } from 'weimin-core';
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import type { IdentitySwitched } from '../../components/identity-switch/identity-switch';
import { ensurePrivacyAuthorized } from '../../components/privacy-popup/privacy-guard';
import type { UnitChosen } from '../../components/unit-picker/unit-picker';
import { appConfig } from '../../config';
import { bindHome, getProfile, setTypedPhone, setWechatPhone } from '../../services/profile/profile.service';
import { instanceState } from '../../utils/instance-state';
import { showError, showToast } from '../../utils/toast';
import { toProfileView, type ProfileView } from '../../view-models/profile.view-model';

/** Not rendered: the number as typed. */
const state = instanceState(() => ({ phone: '' }));

const NO_PROFILE: ProfileView = { home: '未选择', hasHome: false, phone: '未填写', hasPhone: false };
const CONSENT_FIRST = '请先阅读并同意《个人信息保护指引》';

Component({
  behaviors: [elderModeBehavior],
  data: {
    loading: true,
    profile: NO_PROFILE,
    phoneByWechat: appConfig.mode === 'cloud',
    /** The unit picker is open. */
    pickingHome: false,
    phoneForm: { open: false, consent: false, saving: false },
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      try {
        this.setData({ loading: false, profile: toProfileView(await getProfile()) });
      } catch (e) {
        this.setData({ loading: false });
        showError(this, e);
      }
    },
    async onPickHome() {
      if (!(await ensurePrivacyAuthorized())) {
        showToast(this, '需要您同意个人信息保护指引后才能选择小区', 'warning');
        return;
      }
      this.setData({ pickingHome: true });
    },
    async onHomeChosen(e: WechatMiniprogram.CustomEvent<UnitChosen>) {
      try {
        const profile = toProfileView(await bindHome(e.detail.unitId));
        showToast(this, '已保存所在小区');
        this.setData({ pickingHome: false, profile });
      } catch (err) {
        showError(this, err);
      }
    },
    onClosePicker() {
      this.setData({ pickingHome: false });
    },
    /** A component of the page could not do its part. */
    onPartFail(e: WechatMiniprogram.CustomEvent<{ message: string }>) {
      showToast(this, e.detail.message, 'error');
    },
    async onEditPhone() {
      if (!(await ensurePrivacyAuthorized())) {
        showToast(this, '需要您同意个人信息保护指引后才能填写电话', 'warning');
        return;
      }
      this.setData({ phoneForm: { open: true, consent: false, saving: false } });
    },
    onPhoneInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).phone = e.detail.value;
    },
    onConsentChange(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ 'phoneForm.consent': e.detail.checked });
    },
    async onSavePhone() {
      const phone = checkMobilePhone(state(this).phone);
      if (!phone.ok) {
        showToast(this, phone.message, 'warning');
        return;
      }
      if (!this.data.phoneForm.consent) {
        showToast(this, CONSENT_FIRST, 'warning');
        return;
      }
      await this.savePhone(() => setTypedPhone(phone.value, true));
    },
    async onWechatPhone(e: WechatMiniprogram.CustomEvent<{ code?: string }>) {
      const code = e.detail.code;
      if (!this.data.phoneForm.consent) {
        showToast(this, CONSENT_FIRST, 'warning');
        return;
      }
      if (!code) {
        showToast(this, '未获取到手机号，您也可以稍后再填写', 'warning');
        return;
      }
      await this.savePhone(() => setWechatPhone(code, true));
    },
    async savePhone(save: () => Promise<ProfileGetReply>) {
      this.setData({ 'phoneForm.saving': true });
      try {
        const profile = toProfileView(await save());
        showToast(this, '已保存联系电话');
        this.setData({ phoneForm: { open: false, consent: false, saving: false }, profile });
      } catch (e) {
        this.setData({ 'phoneForm.saving': false });
        showError(this, e);
      }
    },
    onStaffJobs() {
      wx.navigateTo({ url: '/packages/staff/pages/jobs/jobs' });
    },
    onStaffBind() {
      wx.navigateTo({ url: '/packages/staff/pages/bind/bind' });
    },
    async onIdentitySwitched(e: WechatMiniprogram.CustomEvent<IdentitySwitched>) {
      showToast(this, `已切换为${e.detail.title}`);
      await this.load();
    },
  },
});
