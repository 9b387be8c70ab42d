/**
 * 我的: what the resident is called, their home (grid or community, picked from the org tree by
 * `unit-picker`) and contact phone, each asked only after the privacy guide is agreed; their rights over
 * their data (a copy of it, withdrawing the phone consent, requests, deleting the account: the
 * `packages/privacy` pages); the 长辈模式 switch; the way into the staff workbench; in local mode only,
 * `identity-switch` (act as another demo identity of the local cloud).
 */
import { checkMobilePhone, checkText, type ProfileGetReply } from 'weimin-core';
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import type { IdentitySwitched } from '../../components/identity-switch/identity-switch';
import { ensurePrivacyAuthorized } from '../../components/privacy-popup/privacy-guard';
import type { UnitChosen } from '../../components/unit-picker/unit-picker';
import { appConfig } from '../../config';
import {
  bindHome,
  getProfile,
  setNickname,
  setTypedPhone,
  setWechatPhone,
  withdrawPhone,
} from '../../services/profile/profile.service';
import { confirmDialog } from '../../utils/confirm';
import { instanceState } from '../../utils/instance-state';
import { showError, showToast } from '../../utils/toast';
import { toProfileView, type ProfileView } from '../../view-models/profile.view-model';

/** Not rendered: the number and the nickname as typed; whether the page has loaded once. */
const state = instanceState(() => ({ phone: '', nickname: '', loaded: false }));

const NO_PROFILE: ProfileView = {
  nickname: '未填写',
  home: '未选择',
  hasHome: false,
  homeUnitId: '',
  phone: '未填写',
  hasPhone: false,
};
const CONSENT_FIRST = '请先阅读并同意《个人信息保护指引》';
/** The nickname's rule, as `profile.bind` checks it. */
const NICKNAME = { max: 20, min: 1 } as const;

Component({
  behaviors: [elderModeBehavior],
  data: {
    loading: true,
    profile: NO_PROFILE,
    phoneByWechat: appConfig.mode === 'cloud',
    /** The unit picker is open. */
    pickingHome: false,
    phoneForm: { open: false, consent: false, saving: false },
    nicknameForm: { open: false, saving: false },
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onShow() {
      // Back from 注销账号 or another privacy page: show the record as it is now.
      if (state(this).loaded) void this.load();
    },
    async load() {
      try {
        this.setData({ loading: false, profile: toProfileView(await getProfile()) });
        state(this).loaded = true;
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
    async onEditNickname() {
      if (!this.data.profile.hasHome) {
        showToast(this, '请先选择所在小区', 'warning');
        return;
      }
      if (!(await ensurePrivacyAuthorized())) {
        showToast(this, '需要您同意个人信息保护指引后才能填写称呼', 'warning');
        return;
      }
      state(this).nickname = '';
      this.setData({ nicknameForm: { open: true, saving: false } });
    },
    onNicknameInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).nickname = e.detail.value;
    },
    async onSaveNickname() {
      const nickname = checkText('称呼', NICKNAME, state(this).nickname);
      if (!nickname.ok) {
        showToast(this, nickname.message, 'warning');
        return;
      }
      this.setData({ 'nicknameForm.saving': true });
      try {
        const profile = toProfileView(await setNickname(this.data.profile.homeUnitId, nickname.value));
        showToast(this, '已保存称呼');
        this.setData({ nicknameForm: { open: false, saving: false }, profile });
      } catch (e) {
        this.setData({ 'nicknameForm.saving': false });
        showError(this, e);
      }
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
    async onWithdrawPhone() {
      const sure = await confirmDialog(
        '撤回手机号授权',
        '撤回后平台将删除您的联系电话，正在服务的机构也将看不到它。需要时可以重新填写。',
        '撤回',
      );
      if (!sure) return;
      try {
        const profile = toProfileView(await withdrawPhone());
        showToast(this, '已删除联系电话');
        this.setData({ profile, 'phoneForm.open': false });
      } catch (e) {
        showError(this, e);
      }
    },
    onMyData() {
      wx.navigateTo({ url: '/packages/privacy/pages/my-data/my-data' });
    },
    onPrivacyRequests() {
      wx.navigateTo({ url: '/packages/privacy/pages/requests/requests' });
    },
    onDeleteAccount() {
      wx.navigateTo({ url: '/packages/privacy/pages/account/account' });
    },
    onPrivacyGuide() {
      if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
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
