/**
 * What the workers' console sends (admin-api, docs/console.md): sign-in and passwords, accounts, and the
 * console's list queries. List queries arrive as URL query strings, so their numbers come as text: `queryInt`
 * reads a decimal string as the number it spells. These are the console's own requests, not commands of the
 * registry (commands.registry.ts): the console's writes to platform records go through the registry's
 * commands (`provider.status.change`...).
 */
import { z } from 'zod';
import { PROVIDER_STATUSES } from '../lifecycle/provider.lifecycle';
import { ORDER_STATUSES } from '../lifecycle/order.status';
import { calendarDate, id, int, oneOf, query } from './fields.schema';

/** An integer, also when written as decimal digits (a URL query value). */
export function queryInt(label: string, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : v),
    int(label, min, max),
  );
}

/** Paging of the console's lists (query strings). */
export const consolePaging = {
  page: queryInt('页码', 1, 10_000).default(1),
  pageSize: queryInt('每页条数', 1, 50).default(20),
};

const secret = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}过长` });

/** Sign-in: the login name as typed (any case) and the password. */
export const signInSchema = query({
  loginName: z
    .string({ error: '请填写账号' })
    .trim()
    .min(1, { error: '请填写账号' })
    .max(64, { error: '账号过长' }),
  password: secret('密码', 128),
});
export type SignInRequest = z.output<typeof signInSchema>;

export const passwordChangeSchema = query({
  currentPassword: secret('当前密码', 128),
  newPassword: secret('新密码', 128),
});
export type PasswordChangeRequest = z.output<typeof passwordChangeSchema>;

/** A login name: 3 to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter. */
export const LOGIN_NAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

const loginName = z.string({ error: '请填写账号名' }).trim().toLowerCase().regex(LOGIN_NAME_PATTERN, {
  error: '账号名为 3 到 32 位小写字母、数字、点、下划线或短横线，以字母开头',
});

/** A console account for a person (their `users` record) below the caller: a one-time password is issued. */
export const accountCreateSchema = query({
  openid: id('人员'),
  loginName,
});
export type AccountCreateRequest = z.output<typeof accountCreateSchema>;

/** A new one-time password for an account below the caller (a forgotten password, a lock). */
export const accountResetSchema = query({ loginName });
export type AccountResetRequest = z.output<typeof accountResetSchema>;

/** A date range of Asia/Shanghai calendar days, both ends included. */
const dateRange = {
  from: calendarDate('开始日期').optional(),
  to: calendarDate('结束日期').optional(),
};

function checkRange(q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  }
}

/** 工作台: what needs the worker now, in their unit or one unit below it. */
export const workbenchSchema = query({ orgUnitId: id('单位').optional() });
export type WorkbenchQuery = z.output<typeof workbenchSchema>;

/** 订单: the orders of the worker's unit and below, newest first. */
export const consoleOrderListSchema = query({
  orgUnitId: id('单位').optional(),
  status: oneOf('订单状态', ORDER_STATUSES).optional(),
  itemId: id('服务项目').optional(),
  providerId: id('服务机构').optional(),
  ...dateRange,
  ...consolePaging,
}).superRefine(checkRange);
export type ConsoleOrderListQuery = z.output<typeof consoleOrderListSchema>;

/** 服务机构: the providers managed in the worker's unit and below, best reputation first. */
export const consoleProviderListSchema = query({
  orgUnitId: id('单位').optional(),
  status: oneOf('服务机构状态', PROVIDER_STATUSES).optional(),
  itemId: id('服务项目').optional(),
  ...consolePaging,
});
export type ConsoleProviderListQuery = z.output<typeof consoleProviderListSchema>;

export const providerRecordsSchema = query({ providerId: id('服务机构') });
export type ProviderRecordsQuery = z.output<typeof providerRecordsSchema>;

/** 审计日志: the console writes on records of the leader's unit and below, newest first. */
export const auditListSchema = query({
  orgUnitId: id('单位').optional(),
  ...dateRange,
  ...consolePaging,
}).superRefine(checkRange);
export type AuditListQuery = z.output<typeof auditListSchema>;
