/**
 * Providers: the application (入驻申请) and its review, offerings with prices, staff binding by invite code,
 * evaluations and status changes (rectify, suspend, remove...).
 */
import { z } from 'zod';
import { APPLICATION_STATUSES } from '../lifecycle/application.lifecycle';
import { PROVIDER_STATUSES } from '../lifecycle/provider.lifecycle';
import { EVALUATION_GRADES } from '../reputation/reputation.formula';
import {
  bool,
  calendarDate,
  command,
  contactPhone,
  fen,
  fileId,
  id,
  instant,
  int,
  list,
  oneOf,
  optionalText,
  paging,
  query,
  text,
} from './fields.schema';
import { CREDIT_CODE_MESSAGES, CREDIT_CODE_PATTERN, isValidCreditCode } from './credit-code.rules';

/**
 * Price of an offering: free, or a low fee that must be below the market price the provider states
 * (服务具有一定公益性质，低收费服务需低于市场价). Money in fen.
 */
export const pricingSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('free') }),
      z.object({
        kind: z.literal('low_fee'),
        priceFen: fen('收费价格').refine((v) => v > 0, { error: '低收费服务的价格必须大于 0' }),
        marketPriceFen: fen('市场价'),
        unit: text('计价单位', { max: 10 }),
      }),
    ],
    { error: '请选择免费或低收费' },
  )
  .superRefine((pricing, ctx) => {
    if (pricing.kind === 'low_fee' && pricing.priceFen >= pricing.marketPriceFen) {
      ctx.addIssue({ code: 'custom', path: ['priceFen'], message: '低收费服务的价格必须低于市场价' });
    }
  });
export type Pricing = z.output<typeof pricingSchema>;

const offeringFields = {
  itemId: id('服务项目'),
  pricing: pricingSchema,
  description: optionalText('服务说明', 300, { multiline: true }),
};

const offeringEntry = z.object(offeringFields, { error: '服务报价格式不正确' });

/**
 * 统一社会信用代码: 18 characters, upper-cased (I, O, S, V, Z never occur), with the GB 32100-2015 check
 * character (core/schemas/credit-code.rules.ts). A wrong check character is a schema error on `creditCode`;
 * provider.apply answers it as PROVIDER_CREDIT_CODE_INVALID.
 */
export const CREDIT_CODE_CHECKSUM_MESSAGE = CREDIT_CODE_MESSAGES.checksum;

const creditCode = z
  .string({ error: CREDIT_CODE_MESSAGES.missing })
  .trim()
  .toUpperCase()
  .regex(CREDIT_CODE_PATTERN, { error: CREDIT_CODE_MESSAGES.format })
  .superRefine((code, ctx) => {
    if (CREDIT_CODE_PATTERN.test(code) && !isValidCreditCode(code)) {
      ctx.addIssue({ code: 'custom', message: CREDIT_CODE_CHECKSUM_MESSAGE, input: code });
    }
  });

const qualification = z.object(
  {
    name: text('资质名称', { max: 60 }),
    number: text('资质证书编号', { max: 60 }),
    validUntil: calendarDate('资质有效期').optional(),
    fileIds: list('资质证明文件', fileId, { min: 0, max: 5 }).default([]),
  },
  { error: '资质格式不正确' },
);

export const providerApplicationSchema = command({
  /** The community (or grid) whose party organisation the application is filed with. */
  orgUnitId: id('申请入驻的社区'),
  name: text('机构名称', { max: 60 }),
  creditCode,
  legalRepresentative: text('法定代表人', { max: 30 }),
  contactName: text('联系人', { max: 30 }),
  contactPhone,
  address: text('机构地址', { max: 120 }),
  introduction: optionalText('机构简介', 1000, { multiline: true }),
  /** 健全的执业规则以及其他相应的管理制度. */
  managementRules: text('执业规则和管理制度', { max: 2000, multiline: true }),
  qualifications: list('行业服务资质', qualification, { min: 1, max: 10 }),
  serviceAreaOrgUnitIds: list('服务范围', id('服务范围'), { min: 1, max: 50, unique: true, verb: '选择' }),
  offerings: list('服务报价', offeringEntry, { min: 1, max: 30 }).refine(
    (entries) => new Set(entries.map((e) => e.itemId)).size === entries.length,
    { error: '同一服务项目只能报价一次' },
  ),
  /** 独立承担法律责任、自愿接受服务范围内的群众需求. */
  commitment: z.literal(true, { error: '请确认能独立承担法律责任并自愿接受服务范围内的群众需求' }),
  /** Re-submit the applicant's own returned application (补充材料后重新提交) instead of filing a new one. */
  applicationId: id('入驻申请').optional(),
  /** A worker entering a paper form (纸质申请): when it was received and the applicant's phone. */
  paper: z
    .object(
      {
        receivedOn: calendarDate('纸质申请收到日期'),
        applicantPhone: contactPhone,
      },
      { error: '纸质申请信息格式不正确' },
    )
    .optional(),
});
export type ProviderApplicationCommand = z.output<typeof providerApplicationSchema>;

/** A worker or leader moves an application on (review, return, notice, reject, sign). */
export const applicationDecisionSchema = command({
  applicationId: id('入驻申请'),
  to: oneOf('审核结果', APPLICATION_STATUSES),
  reason: optionalText('意见', 500, { multiline: true }),
});
export type ApplicationDecisionCommand = z.output<typeof applicationDecisionSchema>;

/** The applicant's own applications (我的入驻申请). */
export const applicationMineSchema = query({});

/** The reviewers' list: unit scope; a regulator sees the applications touching its industry. */
export const applicationListSchema = query({
  status: oneOf('申请状态', APPLICATION_STATUSES).optional(),
  ...paging,
});
export type ApplicationListQuery = z.output<typeof applicationListSchema>;

export const applicationDetailSchema = query({ applicationId: id('入驻申请') });
export type ApplicationDetailQuery = z.output<typeof applicationDetailSchema>;

const sheetPart = (label: string) => int(label, 0, 20);

/** The incubation centre's or an industry regulator's assessment: the score sheet (评分表), comment, advice. */
export const applicationAssessSchema = command({
  applicationId: id('入驻申请'),
  sheet: z.object(
    {
      qualification: sheetPart('资质条件得分'),
      management: sheetPart('管理制度得分'),
      service: sheetPart('服务能力得分'),
      price: sheetPart('收费合理性得分'),
      capacity: sheetPart('服务保障得分'),
    },
    { error: '请填写评分表' },
  ),
  comment: text('评估意见', { max: 1000, multiline: true }),
  recommend: bool('是否推荐入驻'),
});
export type ApplicationAssessCommand = z.output<typeof applicationAssessSchema>;

/** The public notice (公示): anyone signed in; one unit's or every one. */
export const noticeListSchema = query({
  orgUnitId: id('社区').optional(),
  ...paging,
});
export type NoticeListQuery = z.output<typeof noticeListSchema>;

export const OBJECTION_DECISIONS = ['upheld', 'dismissed'] as const;

export const objectionAnswerSchema = command({
  objectionId: id('异议'),
  decision: oneOf('核实结果', OBJECTION_DECISIONS),
  reply: text('答复内容', { max: 500, multiline: true }),
});
export type ObjectionAnswerCommand = z.output<typeof objectionAnswerSchema>;

/** The agreement (服务协定): the applicant accepts the version in force; a worker records a paper one. */
export const applicationSignSchema = command({
  applicationId: id('入驻申请'),
  agreementVersion: text('服务协定版本', { max: 40 }),
  accept: z.literal(true, { error: '请阅读并同意服务协定' }),
  paper: z
    .object(
      {
        signerName: text('签署人', { max: 30 }),
        signedOn: calendarDate('签署日期'),
      },
      { error: '纸质服务协定信息格式不正确' },
    )
    .optional(),
});
export type ApplicationSignCommand = z.output<typeof applicationSignSchema>;

export const applicationWithdrawSchema = command({
  applicationId: id('入驻申请'),
  reason: optionalText('撤回原因', 200, { multiline: true }),
});
export type ApplicationWithdrawCommand = z.output<typeof applicationWithdrawSchema>;

/** Anyone may object during the public notice (公示). */
export const applicationObjectionSchema = command({
  applicationId: id('入驻申请'),
  content: text('异议内容', { max: 500, multiline: true }),
  contactPhone: contactPhone.optional(),
});
export type ApplicationObjectionCommand = z.output<typeof applicationObjectionSchema>;

export const offeringSaveSchema = command({
  providerId: id('服务机构'),
  ...offeringFields,
  active: bool('是否上架').default(true),
});
export type OfferingSaveCommand = z.output<typeof offeringSaveSchema>;

export const STAFF_POSITIONS = ['manager', 'member'] as const;

export const staffInviteSchema = command({
  providerId: id('服务机构'),
  position: oneOf('人员身份', STAFF_POSITIONS),
});
export type StaffInviteCommand = z.output<typeof staffInviteSchema>;

/** Invite codes are 6-12 letters or digits; case does not matter when typed. */
export const staffBindSchema = command({
  inviteCode: z
    .string({ error: '请填写邀请码' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6,12}$/, { error: '邀请码为 6 到 12 位字母或数字' }),
});
export type StaffBindCommand = z.output<typeof staffBindSchema>;

/** The yearly (at least) evaluation (考核评价) with its problem list (问题清单). */
export const evaluationRecordSchema = command({
  providerId: id('服务机构'),
  year: int('考核年度', 2021, 2100),
  grade: oneOf('考核等次', EVALUATION_GRADES),
  problems: list('问题清单', text('问题', { max: 200, multiline: true }), { min: 0, max: 20 }).default([]),
  summary: optionalText('考核意见', 1000, { multiline: true }),
});
export type EvaluationRecordCommand = z.output<typeof evaluationRecordSchema>;

/**
 * Rectify, accept the rectification, suspend, reinstate, remove, exit. Rectifying by hand is ordered as an
 * evaluation's rectification is: with its problem list and a deadline (absent: now +
 * governance.rectifyDefaultDays), the reason required by the life cycle.
 */
export const providerStatusChangeSchema = command({
  providerId: id('服务机构'),
  to: oneOf('目标状态', PROVIDER_STATUSES),
  reason: optionalText('原因', 500, { multiline: true }),
  rectifyDeadline: instant('整改期限').optional(),
  problems: list('问题清单', text('问题', { max: 200, multiline: true }), { min: 0, max: 20 }).default([]),
}).superRefine((cmd, ctx) => {
  if (cmd.to === 'rectifying' && cmd.problems.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['problems'], message: '责令限期整改时请填写问题清单' });
  }
  if (cmd.to !== 'rectifying' && cmd.rectifyDeadline !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['rectifyDeadline'], message: '只有限期整改需要整改期限' });
  }
});
export type ProviderStatusChangeCommand = z.output<typeof providerStatusChangeSchema>;
