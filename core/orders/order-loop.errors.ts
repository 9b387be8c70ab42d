/**
 * Stable error codes of the order loop (orders, follow-ups, ratings; matching has its own). Never change an existing
 * one: the mini-program and the functions' tests read them. Codes from other modules also reach callers:
 * INVALID_INPUT (core/schemas), UNAUTHENTICATED / PERMISSION_DENIED / OUT_OF_SCOPE (core/auth),
 * ORDER_ILLEGAL_TRANSITION / ORDER_ACTOR_NOT_ALLOWED / ORDER_REASON_REQUIRED (core/lifecycle),
 * IDEMPOTENCY_KEY_REUSED / IDEMPOTENCY_CONFLICT (core/idempotency), the refusals of free text
 * (CONTENT_RISKY for a rating, ORDER_NOTE_RISKY...: core/kernel/text-screening.ts) and RATE_LIMITED
 * (core/kernel/rate-limit.ts).
 *
 * An order or a match the caller may not see is ORDER_NOT_FOUND or MATCH_NOT_FOUND, the same answer as for
 * one that does not exist, so no code tells a stranger an id is real.
 */
import { domainErrorsOf } from '../kernel/errors';

export const ORDER_LOOP_ERRORS = {
  MATCH_NOT_FOUND: '匹配结果不存在，请重新选择服务项目',
  MATCH_EXPIRED: '匹配结果已过期，请重新选择服务项目',
  MATCH_CANDIDATE_NOT_FOUND: '所选服务机构不在本次推荐结果中',
  PROVIDER_UNAVAILABLE: '该服务机构暂时无法接单，请选择其他服务机构',
  /** Staff of a provider that is not offered now (suspended, rectifying...) may not take a waiting job. */
  PROVIDER_NOT_ACCEPTING: '您所在的服务机构目前不在正常服务状态，暂不能接单',
  ORDER_PRICE_CHANGED: '该服务机构的价格已调整，请重新选择',
  ORDER_ALREADY_OPEN: '该服务项目已有进行中的订单，请勿重复下单',
  ORDER_NOT_FOUND: '订单不存在或您无权查看',
  ORDER_ALREADY_RATED: '该订单已评价，每个订单只能评价一次',
  /** The caller works for the provider: staff do not order from their own provider. */
  ORDER_OWN_PROVIDER: '您是该服务机构的工作人员，不能向本机构下单',
  /** The caller works for the order's provider, or served this order: nobody rates their own provider. */
  RATING_OWN_PROVIDER: '您是该服务机构的工作人员，不能评价本机构的服务',
  /** 紧急求助: the order is no urgent request waiting in the workers' queue (or it was handled already). */
  URGENT_REQUEST_NOT_QUEUED: '该紧急求助不在待处理队列中（可能已有服务机构接单或已处理）',
  /** 代下单: the resident's grid is not a grid or community the worker may act in. */
  RESIDENT_UNIT_NOT_FOUND: '居民所在网格不存在或不在您的管辖范围内',
  /** 值班: the person marked is not a worker of a community within the caller's units. */
  DUTY_WORKER_NOT_FOUND: '该工作人员不存在或不在您的管辖范围内',
} as const;

export type OrderLoopErrorCode = keyof typeof ORDER_LOOP_ERRORS;

export const orderLoopError = domainErrorsOf(ORDER_LOOP_ERRORS);
