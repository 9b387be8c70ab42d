/**
 * 双报到 (from 我的): a serving party member, or a party organisation's secretary, registers with the community
 * of their bound home (party.register; the function finds the grid's community); a member may name the
 * registered organisation they belong to (party.orgs); below, their registrations and what each means now
 * (party.mine), the community's reason when it declined. Someone without a bound home is sent to 我的 first.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { getProfile } from '../../../../services/profile/profile.service';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import { myRegistrations, registerParty, registeredOrgs } from '../../services/party.service';
import {
  KIND_OPTIONS,
  NO_ORG,
  ORG_TYPE_OPTIONS,
  RANK_OPTIONS,
  checkForm,
  orgOptions,
  toRegistrationRow,
  type RegistrantKind,
  type RegistrationRow,
} from '../../view-models/party-register.view-model';

/** Not rendered: the texts as typed. */
const typed = instanceState(() => ({
  name: '',
  workUnit: '',
  contactPhone: '',
  services: '',
  secretaryName: '',
  memberCount: '',
}));

type TypedField = keyof ReturnType<typeof typed>;
type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }>;

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.partyRegister)],
  data: {
    loading: true,
    error: '',
    communityId: '',
    communityName: '',
    kinds: KIND_OPTIONS,
    kind: 'party_member' as RegistrantKind,
    orgTypes: ORG_TYPE_OPTIONS,
    orgType: '',
    ranks: RANK_OPTIONS,
    rank: '',
    orgs: [] as { value: string; label: string }[],
    partyOrgId: NO_ORG,
    sending: false,
    listLoading: true,
    listError: '',
    rows: [] as RegistrationRow[],
  },
  methods: {
    onLoad() {
      void this.load();
      void this.loadList();
    },
    async load() {
      try {
        const profile = await getProfile();
        const communityId = profile.homeUnitId ?? '';
        const orgs = communityId === '' ? [] : (await registeredOrgs(communityId)).items;
        this.setData({
          loading: false,
          error: '',
          communityId,
          communityName: profile.homeUnitName ?? '',
          orgs: orgOptions(orgs),
        });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    async loadList() {
      try {
        const { items } = await myRegistrations();
        this.setData({ listLoading: false, listError: '', rows: items.map(toRegistrationRow) });
      } catch (e) {
        this.setData({ listLoading: false, listError: messageOf(e) });
      }
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    onRetryList() {
      this.setData({ listLoading: true, listError: '' });
      void this.loadList();
    },
    onGoProfile() {
      wx.switchTab({ url: ROUTES.profile });
    },
    keep(field: TypedField, e: InputEvent) {
      typed(this)[field] = e.detail.value;
    },
    onKindChange(e: InputEvent) {
      this.setData({ kind: e.detail.value as RegistrantKind });
    },
    onNameChange(e: InputEvent) {
      this.keep('name', e);
    },
    onWorkUnitChange(e: InputEvent) {
      this.keep('workUnit', e);
    },
    onPhoneChange(e: InputEvent) {
      this.keep('contactPhone', e);
    },
    onServicesChange(e: InputEvent) {
      this.keep('services', e);
    },
    onSecretaryChange(e: InputEvent) {
      this.keep('secretaryName', e);
    },
    onMemberCountChange(e: InputEvent) {
      this.keep('memberCount', e);
    },
    onOrgTypeChange(e: InputEvent) {
      this.setData({ orgType: e.detail.value });
    },
    onRankChange(e: InputEvent) {
      this.setData({ rank: e.detail.value });
    },
    onOrgChange(e: InputEvent) {
      this.setData({ partyOrgId: e.detail.value });
    },
    async onSubmit() {
      if (this.data.sending) return;
      const checked = checkForm({
        ...typed(this),
        kind: this.data.kind,
        communityId: this.data.communityId,
        partyOrgId: this.data.partyOrgId,
        orgType: this.data.orgType,
        rank: this.data.rank,
      });
      if (!checked.ok) {
        showNotice(this, checked.message, 'warning');
        return;
      }
      this.setData({ sending: true });
      try {
        await registerParty(checked.value);
        this.setData({ sending: false, listLoading: true });
        showNotice(this, '已提交报到，社区确认后会通知您');
        await this.loadList();
      } catch (e) {
        this.setData({ sending: false });
        showFailure(this, e);
      }
    },
  },
});
