/** Running the platform: the station's 十有 checklist, ledgers (台账) export, funds (经费), user roles. */
import { z } from 'zod';
import { GRANTABLE_ROLES } from '../auth/roles';
import { calendarDate, command, id, oneOf, optionalText, query } from './fields.schema';

/** The ten "haves" (十有) of a 孵化管理中心(站). */
export const STATION_CHECKLIST = {
  phone: '有电话',
  computer: '有电脑',
  logo: '有统一标识',
  rules: '有一套办事须知（上墙制度）',
  flowchart: '有服务流程图',
  noticeBoard: '有服务事项公示栏',
  providers: '有服务机构',
  managers: '有平台管理人员',
  ledger: '有服务台账',
  infoSystem: '有信息发布系统',
} as const;
export type StationChecklistKey = keyof typeof STATION_CHECKLIST;

// The stations' commands (station.checklist.update and the others) are in station.schema.ts.

/**
 * The ledgers (台账) a unit keeps: orders (服务订单), follow-ups (回访), providers (服务机构) are exported by
 * the console today (docs/ledgers.md); concerns, volunteer services and funds come with their issues.
 */
export const LEDGER_KINDS = [
  'orders',
  'follow_ups',
  'providers',
  'concerns',
  'volunteer_services',
  'funds',
] as const;

export const LEDGER_KIND_LABELS: Readonly<Record<(typeof LEDGER_KINDS)[number], string>> = {
  orders: '订单',
  follow_ups: '回访',
  providers: '服务机构',
  concerns: '诉求',
  volunteer_services: '志愿服务',
  funds: '经费',
};

/** The longest period one export covers, in days (both ends included). */
export const LEDGER_MAX_DAYS = 366;

const DAY_MS = 86_400_000;

export const ledgerExportSchema = query({
  /** Absent: the worker's own unit. */
  orgUnitId: id('单位').optional(),
  kind: oneOf('台账类型', LEDGER_KINDS),
  from: calendarDate('开始日期'),
  to: calendarDate('结束日期'),
}).superRefine((q, ctx) => {
  if (q.from > q.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    return;
  }
  const days = (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / DAY_MS + 1;
  if (days > LEDGER_MAX_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `一次最多导出 ${LEDGER_MAX_DAYS} 天的台账` });
  }
});
export type LedgerExportQuery = z.output<typeof ledgerExportSchema>;

/** One export job (`GET /console/api/ledgers/exports/:jobId`). */
export const ledgerExportJobSchema = query({ jobId: id('导出任务') });

export const FUND_SOURCES = ['finance', 'party_dues', 'street', 'donor', 'community'] as const;
export const FUND_SOURCE_LABELS: Readonly<Record<(typeof FUND_SOURCES)[number], string>> = {
  finance: '财政安排',
  party_dues: '党费拨付',
  street: '街道支出',
  donor: '爱心企业捐助',
  community: '社区自筹',
};
export const FUND_USES = ['service_fund', 'community_work', 'staff_pay', 'facilities', 'platform'] as const;
export const FUND_USE_LABELS: Readonly<Record<(typeof FUND_USES)[number], string>> = {
  service_fund: '服务群众专项经费',
  community_work: '社区工作经费',
  staff_pay: '人员报酬',
  facilities: '服务设施',
  platform: '平台建设经费',
};

// The funding ledger's commands are in fund.schema.ts.

/** Roles a person can be given (`system` never is); the list lives with the roles. */
export { GRANTABLE_ROLES };

export const roleGrantSchema = command({
  op: oneOf('操作', ['grant', 'revoke'] as const),
  targetOpenid: z
    .string({ error: '请选择用户' })
    .regex(/^[A-Za-z0-9_-]{6,64}$/, { error: '用户标识格式不正确' }),
  role: oneOf('角色', GRANTABLE_ROLES),
  orgUnitId: id('所属单位').optional(),
  providerId: id('服务机构').optional(),
  teamId: id('志愿服务队').optional(),
  partyOrgId: id('党组织').optional(),
  position: oneOf('职务', ['manager', 'member', 'leader', 'secretary'] as const).optional(),
  note: optionalText('说明', 200, { multiline: true }),
});
export type RoleGrantCommand = z.output<typeof roleGrantSchema>;

/** A calendar month 'YYYY-MM' (Asia/Shanghai), 2020 to 2099. */
const calendarMonth = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: `${label}格式应为 YYYY-MM` });

/** 数据看板: a unit within the worker's (default: their own) and a range of at most 12 months. */
export const dashboardQuerySchema = query({
  orgUnitId: id('单位').optional(),
  from: calendarMonth('开始月份').optional(),
  to: calendarMonth('结束月份').optional(),
}).superRefine((q, ctx) => {
  if (q.from === undefined || q.to === undefined) return;
  const months = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束月份不能早于开始月份' });
  else if (months(q.to) - months(q.from) >= 12)
    ctx.addIssue({ code: 'custom', path: ['to'], message: '一次最多查看 12 个月' });
});
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;
