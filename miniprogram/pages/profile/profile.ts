/**
 * 我的: what the resident is called, their home (grid or community, picked from the org tree by
 * `unit-picker`) and contact phone, each asked only after the privacy guide is agreed; their rights over
 * their data (a copy of it, withdrawing the phone consent, requests, deleting the account: the
 * `packages/privacy` pages); the message centre (消息中心, with the unread count); 长辈模式 (follow WeChat's font size, always on, always off); the way into the
 * staff workbench; in local mode only, `identity-switch` (act as another demo identity of the local cloud).
 * Every message stays on the page as a notice (utils/notice.ts); a profile that could not be read says so,
 * with a retry, instead of looking empty.
 */
import { checkMobilePhone, checkText, type ProfileGetReply } from 'weimin-core';
import { chooseElderMode, elderModeBehavior, wechatFont } from '../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../behaviors/page-notice.behavior';
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
import { unreadCount } from '../../services/messages/messages.service';
import { messageOf } from '../../services/service-error';
import { confirmDialog } from '../../utils/confirm';
import { ELDER_CHOICES, elderStatusText, readChoice, type ElderChoice } from '../../utils/elder-mode';
import { instanceState } from '../../utils/instance-state';
import { showFailure, showNotice } from '../../utils/notice';
import { ROUTES } from '../../utils/routes';
import { unreadBadge } from '../../view-models/messages.view-model';
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
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.profile)],
  data: {
    loading: true,
    /** The profile could not be read (and none is on screen yet). */
    error: '',
    profile: NO_PROFILE,
    elderChoices: ELDER_CHOICES,
    /** What 长辈模式 does now, in words. */
    elderStatus: '',
    phoneByWechat: appConfig.mode === 'cloud',
    /** The unit picker is open. */
    pickingHome: false,
    phoneForm: { open: false, consent: false, saving: false },
    nicknameForm: { open: false, saving: false },
    /** The message centre's unread count, in words. */
    unreadNote: '',
  },
  methods: {
    onLoad() {
      this.showElderStatus(this.data.elderChoice);
      void this.load();
    },
    onShow() {
      this.showElderStatus(this.data.elderChoice);
      // Back from 注销账号 or another privacy page: show the record as it is now.
      if (state(this).loaded) void this.load();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async load() {
      try {
        this.setData({ loading: false, error: '', profile: toProfileView(await getProfile()) });
        state(this).loaded = true;
        void this.loadUnread();
      } catch (e) {
        // A profile on screen stays (the failure is said above it); none yet: say it could not be read.
        if (state(this).loaded) {
          this.setData({ loading: false });
          showFailure(this, e);
        } else this.setData({ loading: false, error: messageOf(e) });
      }
    },
    /** The unread count beside 消息中心: a hint, so a failure leaves the last one shown. */
    async loadUnread() {
      try {
        const badge = unreadBadge(await unreadCount());
        this.setData({ unreadNote: badge === '' ? '没有未读' : `${badge} 条未读` });
      } catch {
        // The count is read again the next time the page shows.
      }
    },
    onMessages() {
      wx.navigateTo({ url: ROUTES.messages });
    },
    onComplaints() {
      wx.navigateTo({ url: ROUTES.complaints });
    },
    onMyVolunteering() {
      wx.navigateTo({ url: ROUTES.myHours });
    },
    onPartyRegister() {
      wx.navigateTo({ url: ROUTES.partyRegister });
    },
    showElderStatus(choice: ElderChoice) {
      this.setData({ elderStatus: elderStatusText(choice, wechatFont()) });
    },
    onElderChoice(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const choice = readChoice(e.detail.value);
      chooseElderMode(this, choice);
      this.showElderStatus(choice);
    },
    async onPickHome() {
      if (!(await ensurePrivacyAuthorized())) {
        showNotice(this, '需要您同意个人信息保护指引后才能选择小区', 'warning');
        return;
      }
      this.setData({ pickingHome: true });
    },
    async onHomeChosen(e: WechatMiniprogram.CustomEvent<UnitChosen>) {
      try {
        const profile = toProfileView(await bindHome(e.detail.unitId));
        this.setData({ pickingHome: false, profile });
        showNotice(this, `已保存所在小区：${profile.home}`);
      } catch (err) {
        showFailure(this, err);
      }
    },
    onClosePicker() {
      this.setData({ pickingHome: false });
    },
    async onEditNickname() {
      if (!this.data.profile.hasHome) {
        showNotice(this, '请先选择所在小区，再填写称呼', 'warning');
        return;
      }
      if (!(await ensurePrivacyAuthorized())) {
        showNotice(this, '需要您同意个人信息保护指引后才能填写称呼', 'warning');
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
        showNotice(this, nickname.message, 'warning');
        return;
      }
      this.setData({ 'nicknameForm.saving': true });
      try {
        const profile = toProfileView(await setNickname(this.data.profile.homeUnitId, nickname.value));
        this.setData({ nicknameForm: { open: false, saving: false }, profile });
        showNotice(this, '已保存称呼');
      } catch (e) {
        this.setData({ 'nicknameForm.saving': false });
        showFailure(this, e);
      }
    },
    async onEditPhone() {
      if (!(await ensurePrivacyAuthorized())) {
        showNotice(this, '需要您同意个人信息保护指引后才能填写电话', 'warning');
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
        showNotice(this, phone.message, 'warning');
        return;
      }
      if (!this.data.phoneForm.consent) {
        showNotice(this, CONSENT_FIRST, 'warning');
        return;
      }
      await this.savePhone(() => setTypedPhone(phone.value, true));
    },
    async onWechatPhone(e: WechatMiniprogram.CustomEvent<{ code?: string }>) {
      const code = e.detail.code;
      if (!this.data.phoneForm.consent) {
        showNotice(this, CONSENT_FIRST, 'warning');
        return;
      }
      if (!code) {
        showNotice(this, '未获取到手机号，您也可以稍后再填写', 'warning');
        return;
      }
      await this.savePhone(() => setWechatPhone(code, true));
    },
    async savePhone(save: () => Promise<ProfileGetReply>) {
      this.setData({ 'phoneForm.saving': true });
      try {
        const profile = toProfileView(await save());
        this.setData({ phoneForm: { open: false, consent: false, saving: false }, profile });
        showNotice(this, '已保存联系电话');
      } catch (e) {
        this.setData({ 'phoneForm.saving': false });
        showFailure(this, e);
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
        this.setData({ profile, 'phoneForm.open': false });
        showNotice(this, '已删除联系电话');
      } catch (e) {
        showFailure(this, e);
      }
    },
    onMyData() {
      wx.navigateTo({ url: ROUTES.myData });
    },
    onPrivacyRequests() {
      wx.navigateTo({ url: ROUTES.requests });
    },
    onDeleteAccount() {
      wx.navigateTo({ url: ROUTES.account });
    },
    onPrivacyGuide() {
      if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
    },
    onStaffJobs() {
      wx.navigateTo({ url: ROUTES.jobs });
    },
    onStaffBind() {
      wx.navigateTo({ url: ROUTES.bind });
    },
    onProviderApply() {
      wx.navigateTo({ url: ROUTES.apply });
    },
    onProviderApplications() {
      wx.navigateTo({ url: ROUTES.application });
    },
    async onIdentitySwitched(e: WechatMiniprogram.CustomEvent<IdentitySwitched>) {
      showNotice(this, `已切换为${e.detail.title}`);
      await this.load();
    },
  },
});
