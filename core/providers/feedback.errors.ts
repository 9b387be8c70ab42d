/**
 * Stable error codes of the provider's offerings, 差评 follow-up tickets, second ratings, rating appeals and
 * complaints (docs/governance.md). Never change an existing one. Codes from other modules also reach callers:
 * INVALID_INPUT (core/schemas; a low fee not below the market price is refused there with the field message
 * 低收费服务的价格必须低于市场价), OFFERING_PRICE_NOT_BELOW_MARKET / OFFERING_PRICE_INVALID (core/offerings, the
 * same rule checked again on every write), PERMISSION_DENIED / OUT_OF_SCOPE (core/auth), IDEMPOTENCY_KEY_REUSED,
 * RATE_LIMITED.
 *
 * A record the caller may not see answers like one that does not exist (`*_NOT_FOUND`).
 */
import { domainErrorsOf } from '../kernel/errors';

const RISKY = '含有不适宜发布的信息，请修改后再提交';

export const FEEDBACK_ERRORS = {
  PROVIDER_NOT_FOUND: '服务机构不存在或您无权查看',
  OFFERING_NOT_FOUND: '服务报价不存在或您无权查看',
  /** The item is not in the catalog (or not enabled). */
  OFFERING_ITEM_NOT_FOUND: '服务项目不存在或已停用',
  /** Offerings are kept only for a provider that is serving (active or rectifying). */
  OFFERING_PROVIDER_NOT_SERVING: '该服务机构当前不能维护服务报价（已暂停、清退或退出）',
  /** provider.offering.review on an offering that is not waiting for review. */
  OFFERING_NOT_PENDING: '该服务项目不在待审核状态',
  OFFERING_REVIEW_REASON_REQUIRED: '不通过审核时请填写原因',

  FEEDBACK_TICKET_NOT_FOUND: '差评回访工单不存在或您无权查看',
  /** contact on a ticket already contacted or resolved; resolve on one already resolved. */
  FEEDBACK_TICKET_STATE: '该工单当前状态不能进行此操作',
  /** resolve before the resident was contacted. */
  FEEDBACK_TICKET_NOT_CONTACTED: '请先联系居民并登记联系情况，再办结工单',
  FEEDBACK_NOTE_RISKY: `填写的说明${RISKY}`,

  RATING_NOT_FOUND: '评价不存在或您无权查看',
  /** rating.rerate: no 差评 ticket for this order, or it is not resolved yet. */
  RERATE_NOT_AVAILABLE: '只有差评回访工单办结后，才能再评价一次',
  RERATE_ALREADY_DONE: '该订单已经再评价过一次，不能再次评价',
  RERATE_TEXT_RISKY: `评价内容${RISKY}`,

  APPEAL_NOT_FOUND: '评价申诉不存在或您无权查看',
  APPEAL_DUPLICATE: '该评价已经申诉过，不能重复申诉',
  /** More than `governance.appealWithinWorkingDays` working days after the rating. */
  APPEAL_TOO_LATE: '已超过申诉期限，评价后规定的工作日内才能申诉',
  /** A rating that does not count (held, or already taken out) cannot be appealed. */
  APPEAL_RATING_NOT_COUNTED: '该评价当前不计入信誉，无需申诉',
  APPEAL_ALREADY_DECIDED: '该申诉已裁定',
  APPEAL_REASON_RISKY: `申诉理由${RISKY}`,

  COMPLAINT_NOT_FOUND: '投诉不存在或您无权查看',
  /** complaint.submit: the order is not finished (done, followed up or closed). */
  COMPLAINT_ORDER_NOT_FINISHED: '服务完成后才能投诉',
  COMPLAINT_DUPLICATE: '该订单已有待核实的投诉，请等待处理结果',
  COMPLAINT_ALREADY_DECIDED: '该投诉已处理',
  COMPLAINT_TEXT_RISKY: `投诉内容${RISKY}`,
  ORDER_NOT_FOUND: '订单不存在或您无权查看',
} as const;

export type FeedbackErrorCode = keyof typeof FEEDBACK_ERRORS;

export const feedbackError = domainErrorsOf(FEEDBACK_ERRORS);
