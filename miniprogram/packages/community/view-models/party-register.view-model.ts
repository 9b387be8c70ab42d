/**
 * 双报到 (packages/community/pages/register): the form's options and checks before sending (the function checks
 * again: INVALID_INPUT), and the caller's registrations as rows. Pure: the page test and the view-model test
 * run it as it is.
 */
import {
  CONTACT_PHONE_PATTERN,
  PARTY_ORG_RANK_LABELS,
  PARTY_ORG_TYPE_LABELS,
  type MyRegistrationItem,
  type PartyOrgOption,
} from 'weimin-core';
import type { RegistrationForm } from '../services/party.service';

export type RegistrantKind = RegistrationForm['kind'];

export const KIND_OPTIONS: readonly { value: RegistrantKind; label: string }[] = [
  { value: 'party_member', label: '在职党员' },
  { value: 'party_org', label: '党组织' },
];

/** The organisations that register with a community (a community's own never does). */
export const ORG_TYPE_OPTIONS = (['organ', 'enterprise', 'institution', 'social'] as const).map((value) => ({
  value,
  label: PARTY_ORG_TYPE_LABELS[value],
}));

export const RANK_OPTIONS = (['committee', 'general_branch', 'branch'] as const).map((value) => ({
  value,
  label: PARTY_ORG_RANK_LABELS[value],
}));

/** 不选: the member belongs to the community's own party organisation. */
export const NO_ORG = '';

export function orgOptions(orgs: readonly PartyOrgOption[]): { value: string; label: string }[] {
  return [
    { value: NO_ORG, label: '不在以下党组织（归入本社区党组织）' },
    ...orgs.map((o) => ({ value: o.partyOrgId, label: `${o.name}（${o.workUnit}）` })),
  ];
}

/** The form as typed (strings, as the inputs give them). */
export interface FormInput {
  readonly kind: RegistrantKind;
  readonly communityId: string;
  readonly name: string;
  readonly workUnit: string;
  readonly contactPhone: string;
  /** 服务内容, separated by 、，, or spaces. */
  readonly services: string;
  readonly partyOrgId: string;
  readonly orgType: string;
  readonly rank: string;
  readonly secretaryName: string;
  readonly memberCount: string;
}

export type FormCheck = { ok: true; value: RegistrationForm } | { ok: false; message: string };

export function splitServices(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、，,\s]+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ];
}

/** The first thing to fix, in the form's order, or the command to send. */
export function checkForm(input: FormInput): FormCheck {
  const isOrg = input.kind === 'party_org';
  const name = input.name.trim();
  const workUnit = input.workUnit.trim();
  const phone = input.contactPhone.trim();
  const services = splitServices(input.services);
  if (input.communityId === '') return { ok: false, message: '请先在“我的”中绑定所在小区（网格）' };
  if (name === '') return { ok: false, message: isOrg ? '请填写党组织名称' : '请填写姓名' };
  if (workUnit === '') return { ok: false, message: isOrg ? '请填写党组织所在单位' : '请填写工作单位' };
  if (!CONTACT_PHONE_PATTERN.test(phone)) return { ok: false, message: '请填写正确的联系电话' };
  if (services.length > 10) return { ok: false, message: '可提供的服务最多填写 10 项' };
  const base = {
    kind: input.kind,
    communityId: input.communityId,
    name,
    workUnit,
    contactPhone: phone,
    services,
  };
  if (!isOrg) {
    return {
      ok: true,
      value: input.partyOrgId === NO_ORG ? base : { ...base, partyOrgId: input.partyOrgId },
    };
  }
  const memberCount = Number(input.memberCount.trim());
  if (input.orgType === '') return { ok: false, message: '请选择党组织类型' };
  if (input.rank === '') return { ok: false, message: '请选择党组织级别' };
  if (input.secretaryName.trim() === '') return { ok: false, message: '请填写书记姓名' };
  if (!Number.isInteger(memberCount) || memberCount < 1) return { ok: false, message: '请填写党员人数' };
  return {
    ok: true,
    value: {
      ...base,
      orgType: input.orgType,
      rank: input.rank,
      secretaryName: input.secretaryName.trim(),
      memberCount,
    },
  };
}

export interface RegistrationRow {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly community: string;
  readonly status: string;
  readonly theme: 'warning' | 'success' | 'default' | 'danger';
  readonly submitted: string;
  /** The community's reason (declined), or '' */
  readonly reason: string;
  /** What it means now, in words. */
  readonly hint: string;
}

export function toRegistrationRow(item: MyRegistrationItem): RegistrationRow {
  const left = item.left;
  const theme = left
    ? 'default'
    : item.status === 'confirmed'
      ? 'success'
      : item.status === 'pending'
        ? 'warning'
        : 'danger';
  const hint = left
    ? '已退出本社区的报到'
    : item.status === 'pending'
      ? '等待社区确认，确认后会通知您'
      : item.status === 'confirmed'
        ? '已在本社区报到，可认领本社区的忧心事和微心愿、报名志愿活动'
        : '社区未予确认，可按意见修改后重新报到';
  return {
    id: item.registrationId,
    kind: item.kindLabel,
    name: item.name,
    community: item.communityName,
    status: left ? '已退出' : item.statusLabel,
    theme,
    submitted: item.createdAtText,
    reason: item.status === 'rejected' ? (item.reason ?? '') : '',
    hint,
  };
}
