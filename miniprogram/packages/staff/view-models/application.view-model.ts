/**
 * 入驻申请 as the applicant's pages show it: rows of 我的入驻申请 (provider.application.mine), one application's
 * status, timeline and what to do next (provider.application.detail and its `actions`), the service agreement
 * to sign (its text and version from the same reply), and the values an amended application starts from.
 * Read straight from the core's replies, once, into what the page renders.
 */
import type { ApplicationDetail, ApplicationStatus, ApplicationSummary } from 'weimin-core';
import type { TagTheme } from '../../../utils/status.format';
import { formatShanghaiMinute } from '../../../utils/time.format';
import type { OfferingDraft, ParticularsDraft } from './application.form';

const THEMES: Readonly<Record<ApplicationStatus, TagTheme>> = {
  applied: 'warning',
  under_review: 'primary',
  returned: 'danger',
  noticed: 'primary',
  agreement_signed: 'success',
  rejected: 'danger',
  withdrawn: 'default',
};

export function applicationTheme(status: ApplicationStatus): TagTheme {
  return THEMES[status] ?? 'default';
}

export interface ApplicationRowView {
  id: string;
  name: string;
  statusLabel: string;
  statusTheme: TagTheme;
  /** '玉林市…社区 · 家政保洁、助餐'. */
  description: string;
  /** What the applicant does next, '' when nothing. */
  next: string;
  label: string;
}

/** What the applicant does next, by status (the detail's `actions` decide the buttons). */
function nextStep(status: ApplicationStatus, noticeEndsAt: number | null, now: number): string {
  switch (status) {
    case 'applied':
    case 'under_review':
      return '等待社区党组织和行业主管部门审核';
    case 'returned':
      return '请按退回意见修改后重新提交';
    case 'noticed':
      return noticeEndsAt !== null && noticeEndsAt <= now
        ? '公示期满，请签署服务协定'
        : `公示中，${noticeEndsAt === null ? '' : formatShanghaiMinute(noticeEndsAt) + ' '}公示期满后签署服务协定`;
    case 'agreement_signed':
      return '已入驻，可以接单';
    default:
      return '';
  }
}

export function toApplicationRow(item: ApplicationSummary, now: number): ApplicationRowView {
  const next = nextStep(item.status, item.noticeEndsAt, now);
  const description = [item.orgUnitName, item.itemNames.join('、')].filter((p) => p !== '').join(' · ');
  return {
    id: item.applicationId,
    name: item.name,
    statusLabel: item.statusLabel,
    statusTheme: applicationTheme(item.status),
    description,
    next,
    label: [item.name, item.statusLabel, next, '查看详情'].filter((p) => p !== '').join('，'),
  };
}

export interface TimelineStepView {
  title: string;
  content: string;
}

export interface ObjectionRowView {
  id: string;
  content: string;
  statusLabel: string;
  reply: string;
}

export interface ApplicationDetailView extends ApplicationRowView {
  unitName: string;
  creditCode: string;
  contactName: string;
  address: string;
  items: Array<{ id: string; name: string; price: string }>;
  areas: string;
  industries: string;
  /** The reason of the latest return or rejection, '' when none. */
  lastReason: string;
  /** '公示期：11月29日 14:30 至 12月6日 14:30', '' before the notice. */
  noticePeriod: string;
  objections: ObjectionRowView[];
  /** '已签署服务协定（版本 2026-1）：张三 · 12月6日 15:00', '' before. */
  agreement: string;
  timeline: TimelineStepView[];
  current: number;
  buttons: { sign: boolean; resubmit: boolean; withdraw: boolean; any: boolean };
}

export function toApplicationDetail(detail: ApplicationDetail, now: number): ApplicationDetailView {
  const a = detail.actions;
  const buttons = { sign: a.canSign, resubmit: a.canResubmit, withdraw: a.canWithdraw };
  const summary: ApplicationSummary = {
    applicationId: detail.applicationId,
    name: detail.name,
    orgUnitId: detail.orgUnitId,
    orgUnitName: detail.orgUnitName,
    status: detail.status,
    statusLabel: detail.statusLabel,
    industries: detail.industries,
    itemNames: detail.offerings.map((o) => o.itemName),
    paper: detail.paperReceivedOn !== null,
    createdAt: detail.createdAt,
    statusChangedAt: detail.statusChangedAt,
    noticeEndsAt: detail.noticeEndsAt,
    providerId: detail.providerId,
  };
  const ag = detail.agreement;
  return {
    ...toApplicationRow(summary, now),
    unitName: detail.orgUnitName,
    creditCode: detail.creditCode,
    contactName: detail.contactName,
    address: detail.address,
    items: detail.offerings.map((o) => ({ id: o.itemId, name: o.itemName, price: o.priceText })),
    areas: detail.serviceAreas.map((u) => u.name).join('、'),
    industries: detail.industries.map((i) => i.label).join('、'),
    lastReason: detail.lastReason ?? '',
    noticePeriod:
      detail.noticeStartedAt !== null && detail.noticeEndsAt !== null
        ? `公示期：${formatShanghaiMinute(detail.noticeStartedAt)} 至 ${formatShanghaiMinute(detail.noticeEndsAt)}`
        : '',
    objections: detail.objections.map((o) => ({
      id: o.objectionId,
      content: o.content,
      statusLabel: o.statusLabel,
      reply: o.reply ?? '',
    })),
    agreement:
      ag === null
        ? ''
        : `已签署服务协定（版本 ${ag.version}）：${ag.signerName} · ${formatShanghaiMinute(ag.signedAt)}${ag.paper ? ' · 纸质' : ''}`,
    timeline: detail.timeline.map((t) => ({
      title: t.label,
      content: [formatShanghaiMinute(t.at), t.byRole, t.reason ?? ''].filter((p) => p !== '').join(' · '),
    })),
    current: Math.max(0, detail.timeline.length - 1),
    buttons: { ...buttons, any: Object.values(buttons).some(Boolean) },
  };
}

export interface AgreementView {
  applicationId: string;
  name: string;
  /** The agreement to sign; null when the reply carries none (nothing to sign now). */
  version: string;
  title: string;
  /** Paragraphs of the text. */
  paragraphs: string[];
  canSign: boolean;
  /** Why it cannot be signed now, '' when it can. */
  why: string;
}

export function toAgreementView(detail: ApplicationDetail, now: number): AgreementView {
  const text = detail.agreementText;
  let why = '';
  if (!detail.actions.canSign) {
    if (detail.agreement !== null) why = '服务协定已签署';
    else if (detail.status === 'noticed' && detail.noticeEndsAt !== null && detail.noticeEndsAt > now) {
      why = `公示期至 ${formatShanghaiMinute(detail.noticeEndsAt)}，期满后才能签署`;
    } else if (detail.openObjections > 0) why = '公示期内的异议尚未全部答复，答复后才能签署';
    else why = '该申请现在不能签署服务协定';
  }
  return {
    applicationId: detail.applicationId,
    name: detail.name,
    version: text?.version ?? '',
    title: text?.title ?? '服务协定',
    paragraphs: (text?.text ?? '').split(/\n+/).filter((p) => p.trim() !== ''),
    canSign: detail.actions.canSign && text !== null,
    why,
  };
}

/** What an amended (returned) application's form starts from. */
export interface ApplicationPrefill {
  orgUnitId: string;
  unitName: string;
  particulars: ParticularsDraft;
  qualifications: Array<{ name: string; number: string; validUntil: string; fileIds: string[] }>;
  areas: Array<{ id: string; name: string }>;
  offerings: OfferingDraft[];
}

const yuan = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

export function toApplicationPrefill(detail: ApplicationDetail): ApplicationPrefill {
  return {
    orgUnitId: detail.orgUnitId,
    unitName: detail.orgUnitName,
    particulars: {
      name: detail.name,
      creditCode: detail.creditCode,
      legalRepresentative: detail.legalRepresentative ?? '',
      contactName: detail.contactName,
      contactPhone: detail.contactPhone,
      address: detail.address,
      introduction: detail.introduction,
      managementRules: detail.managementRules,
    },
    qualifications: detail.qualifications.map((q) => ({
      name: q.name,
      number: q.number ?? '',
      validUntil: q.validUntil ?? '',
      fileIds: [...q.fileIds],
    })),
    areas: detail.serviceAreas.map((u) => ({ id: u.orgUnitId, name: u.name })),
    offerings: detail.offerings.map((o) => ({
      itemId: o.itemId,
      itemName: o.itemName,
      kind: o.pricing.kind,
      price: o.pricing.kind === 'low_fee' ? yuan(o.pricing.priceFen) : '',
      marketPrice: o.pricing.kind === 'low_fee' ? yuan(o.pricing.marketPriceFen) : '',
      unit: o.pricing.kind === 'low_fee' ? o.pricing.unit : '次',
      description: o.description,
    })),
  };
}
