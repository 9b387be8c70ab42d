/**
 * 我的: the resident's home (grid or community, picked from the org tree) and contact phone, both asked
 * only after the privacy guide is agreed; the 长辈模式 switch; the way into the staff workbench; in local
 * mode only, 切换演示身份 (act as another demo identity of the local cloud).
 */
import { checkMobilePhone } from 'weimin-core';
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { ensurePrivacyAuthorized } from '../../components/privacy-popup/privacy-guard';
import { appConfig } from '../../config';
import { orgChildren, type OrgUnitReply } from '../../services/catalog/catalog.service';
import {
  currentLocalOpenid,
  identitySwitchAvailable,
  loadLocalIdentities,
  switchLocalIdentity,
} from '../../services/local-identity/local-identity.service';
import { bindHome, getProfile, setTypedPhone, setWechatPhone } from '../../services/profile/profile.service';
import { instanceState } from '../../utils/instance-state';
import { showError, showToast } from '../../utils/toast';
import { toIdentityChoices, type IdentityChoiceView } from '../../view-models/local-identity.view-model';
import {
  toOrgChoices,
  toProfileView,
  type OrgChoiceView,
  type ProfileView,
} from '../../view-models/profile.view-model';

/** Not rendered: the units behind the picker rows and the number as typed. */
const state = instanceState(() => ({ units: [] as OrgUnitReply[], trail: [] as string[], phone: '' }));

const NO_PROFILE: ProfileView = { home: '未选择', hasHome: false, phone: '未填写', hasPhone: false };

Component({
  behaviors: [elderModeBehavior],
  data: {
    loading: true,
    profile: NO_PROFILE,
    phoneByWechat: appConfig.mode === 'cloud',
    picker: { open: false, trail: '', units: [] as OrgChoiceView[] },
    phoneForm: { open: false, consent: false, saving: false },
    /** 切换演示身份: shown in local mode only. */
    identity: { available: false, openid: '' },
    identityPicker: { open: false, rows: [] as IdentityChoiceView[] },
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      const identity = identitySwitchAvailable()
        ? { available: true, openid: currentLocalOpenid() }
        : { available: false, openid: '' };
      try {
        this.setData({ loading: false, identity, profile: toProfileView(await getProfile()) });
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
      state(this).trail = [];
      await this.showUnits(undefined);
    },
    async showUnits(parent: OrgUnitReply | undefined) {
      try {
        const { units } = await orgChildren(parent?._id);
        const s = state(this);
        s.units = units;
        if (parent !== undefined) s.trail.push(parent.name);
        const rows = toOrgChoices(
          units,
          parent === undefined ? undefined : { id: parent._id, name: parent.name, level: parent.level },
        );
        this.setData({ picker: { open: true, trail: s.trail.join(' / '), units: rows } });
      } catch (e) {
        showError(this, e);
      }
    },
    async onUnitTap(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const row = this.data.picker.units[e.currentTarget.dataset.index];
      if (row === undefined) return;
      if (!row.choose) {
        const unit = state(this).units.find((u) => u._id === row.id);
        if (unit !== undefined) await this.showUnits(unit);
        return;
      }
      try {
        await bindHome(row.id);
        showToast(this, '已保存所在小区');
        this.setData({ 'picker.open': false, profile: toProfileView(await getProfile()) });
      } catch (err) {
        showError(this, err);
      }
    },
    onClosePicker() {
      this.setData({ 'picker.open': false });
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
        showToast(this, '请先阅读并同意《个人信息保护指引》', 'warning');
        return;
      }
      await this.savePhone(() => setTypedPhone(phone.value, true));
    },
    async onWechatPhone(e: WechatMiniprogram.CustomEvent<{ code?: string }>) {
      const code = e.detail.code;
      if (!this.data.phoneForm.consent) {
        showToast(this, '请先阅读并同意《个人信息保护指引》', 'warning');
        return;
      }
      if (!code) {
        showToast(this, '未获取到手机号，您也可以稍后再填写', 'warning');
        return;
      }
      await this.savePhone(() => setWechatPhone(code, true));
    },
    async savePhone(save: () => Promise<unknown>) {
      this.setData({ 'phoneForm.saving': true });
      try {
        await save();
        showToast(this, '已保存联系电话');
        this.setData({
          phoneForm: { open: false, consent: false, saving: false },
          profile: toProfileView(await getProfile()),
        });
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
    async onPickIdentity() {
      try {
        const rows = toIdentityChoices(await loadLocalIdentities(), currentLocalOpenid());
        this.setData({ identityPicker: { open: true, rows } });
      } catch (e) {
        showError(this, e);
      }
    },
    async onIdentityTap(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const row = this.data.identityPicker.rows[e.currentTarget.dataset.index];
      if (row === undefined) return;
      try {
        switchLocalIdentity(row.openid);
      } catch (err) {
        showError(this, err);
        return;
      }
      this.setData({ 'identityPicker.open': false });
      showToast(this, `已切换为${row.title}`);
      await this.load();
    },
    onCloseIdentityPicker() {
      this.setData({ 'identityPicker.open': false });
    },
  },
});
