/**
 * The copy `profile.export` answers, built from the records the use case read: each record as Chinese
 * labels and display values (times in Asia/Shanghai, prices as shown when ordering, statuses by name), so
 * the resident can read it and copy it as it is. Pure.
 */
import { POSITION_LABELS, ROLE_LABELS, type RoleGrant } from '../auth/roles';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { CONCERN_STATUS_LABELS } from '../lifecycle/concern.lifecycle';
import { ORDER_STATUS_LABELS } from '../lifecycle/order.lifecycle';
import { CONCERN_RECORD_KIND_LABELS, type Concern } from '../model/concern.model';
import {
  COMPLAINT_STATUS_LABELS,
  type Complaint,
  type FollowUp,
  type Order,
  type Rating,
} from '../model/order.model';
import {
  PRIVACY_REQUEST_KIND_LABELS,
  PRIVACY_REQUEST_STATUS_LABELS,
  type PrivacyRequest,
} from '../model/privacy-request.model';
import type { User } from '../model/user.model';
import { describePricing } from '../offerings/pricing';
import { FOLLOW_UP_CHANNEL_LABELS } from '../schemas/order.fields';
import type { ExportField, ExportRecord, ExportSection, ProfileExportReply } from './profile.reply';

export const EXPORT_TITLE = '为民红绳 · 我的个人信息';
const NONE = '（未填写）';

/** Everything the copy is made of. */
export interface ExportSource {
  readonly openid: string;
  readonly user: User | null;
  readonly homeUnitName: string | null;
  /** Newest first; `ordersTruncated` when there were more than `maxOrders`. */
  readonly orders: readonly Order[];
  readonly ordersTruncated: boolean;
  readonly maxOrders: number;
  readonly ratings: readonly Rating[];
  readonly followUps: readonly FollowUp[];
  readonly complaints: readonly Complaint[];
  readonly concerns: readonly Concern[];
  readonly requests: readonly PrivacyRequest[];
}

const field = (label: string, value: string): ExportField => ({ label, value });
const time = (millis: number): string => formatShanghaiMinute(millis);

/** Only the fields that have a value. */
function present(fields: readonly (ExportField | null)[]): ExportField[] {
  return fields.filter((f): f is ExportField => f !== null && f.value.length > 0);
}

function roleText(grant: RoleGrant): string {
  const role = ROLE_LABELS[grant.role];
  return grant.position === undefined ? role : `${role}（${POSITION_LABELS[grant.position]}）`;
}

function accountRecord(s: ExportSource): ExportRecord {
  const u = s.user;
  const roles = ['居民', ...(u?.grants ?? []).filter((g) => g.role !== 'resident').map(roleText)];
  return {
    heading: '账号',
    fields: present([
      field('称呼', u?.nickname || NONE),
      u?.realName ? field('真实姓名', u.realName) : null,
      field('联系电话', u?.phone || NONE),
      u?.phone && u.phoneConsentAt !== null ? field('同意提供电话的时间', time(u.phoneConsentAt)) : null,
      u?.phoneConsentWithdrawnAt ? field('撤回电话授权的时间', time(u.phoneConsentWithdrawnAt)) : null,
      field('所在小区/社区', s.homeUnitName ?? '（未选择）'),
      field('在平台上的身份', [...new Set(roles)].join('、')),
      field('账号标识（微信 openid）', s.openid),
      u === null ? null : field('建档时间', time(u.createdAt)),
    ]),
  };
}

function orderRecord(order: Order, s: ExportSource): ExportRecord {
  const rating = s.ratings.find((r) => r.orderId === order._id);
  const followUp = s.followUps.find((f) => f.orderId === order._id && f.recordedAt !== null);
  const complaints = s.complaints.filter((c) => c.orderId === order._id);
  return {
    heading: `${order.itemName}（${time(order.createdAt)}）`,
    fields: present([
      field('订单状态', ORDER_STATUS_LABELS[order.status]),
      field('服务机构', order.providerName),
      field('价格', describePricing(order.pricing)),
      field('订单上的称呼', order.residentName),
      field('服务地址', order.serviceAddress ?? ''),
      field('备注', order.note),
      rating === undefined
        ? null
        : field('评价', `${rating.stars} 星${rating.text ? `：${rating.text}` : ''}`),
      followUp === undefined || followUp.channel === null
        ? null
        : field('回访记录', `${FOLLOW_UP_CHANNEL_LABELS[followUp.channel]}：${followUp.summary}`),
      ...complaints.map((c) =>
        field(
          '投诉',
          `${c.content}（${COMPLAINT_STATUS_LABELS[c.status]}${c.reply ? `；答复：${c.reply}` : ''}）`,
        ),
      ),
    ]),
  };
}

function concernRecord(concern: Concern): ExportRecord {
  const proxy = concern.onBehalfOf;
  return {
    heading: `${CONCERN_RECORD_KIND_LABELS[concern.kind]}：${concern.title}`,
    fields: present([
      field('状态', CONCERN_STATUS_LABELS[concern.status]),
      field('提交时间', time(concern.createdAt)),
      field('署名', concern.anonymous ? '匿名' : concern.residentName),
      field('内容', concern.content),
      proxy === null ? null : field('代为提交', [proxy.name, proxy.phone ?? ''].filter(Boolean).join('，')),
      concern.resolutionSummary === null ? null : field('办理结果', concern.resolutionSummary),
    ]),
  };
}

function requestRecord(request: PrivacyRequest): ExportRecord {
  return {
    heading: `${PRIVACY_REQUEST_KIND_LABELS[request.kind]}（${time(request.createdAt)}）`,
    fields: present([
      field('状态', PRIVACY_REQUEST_STATUS_LABELS[request.status]),
      field('申请内容', request.content),
      field('答复期限', time(request.dueAt)),
      request.reply === null ? null : field('答复', request.reply),
    ]),
  };
}

/** The copy, section by section; empty sections are left out (the account is always there). */
export function exportReply(s: ExportSource, now: number): ProfileExportReply {
  const sections: ExportSection[] = [
    { key: 'account', title: '账号信息', records: [accountRecord(s)], note: null },
    {
      key: 'orders',
      title: '服务订单',
      records: s.orders.map((o) => orderRecord(o, s)),
      note: s.ordersTruncated ? `仅列出最近的 ${s.maxOrders} 个订单，更早的订单可提交申请获取` : null,
    },
    { key: 'concerns', title: '忧心事和微心愿', records: s.concerns.map(concernRecord), note: null },
    { key: 'privacy_requests', title: '个人信息申请', records: s.requests.map(requestRecord), note: null },
  ];
  return {
    title: EXPORT_TITLE,
    exportedAt: now,
    sections: sections.filter((section) => section.key === 'account' || section.records.length > 0),
  };
}
