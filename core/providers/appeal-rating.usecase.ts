/**
 * Appeals against a rating a provider thinks malicious (恶意评价), docs/governance.md:
 * - rating.appeal {ratingId, reason}: the provider's manager, within `governance.appealWithinWorkingDays`
 *   working days of the rating, once per rating, only while the rating counts;
 * - rating.appeal.decide {appealId, upheld, reason}: a worker or leader of the rating's unit, never the
 *   provider (the matrix has no provider row). Upheld: the rating stops counting (`counted: false`,
 *   `appealUpheldId`), its stars are taken out of the aggregates atomically and the reputation refreshed, in
 *   this transaction. Dismissed: nothing else changes.
 * - rating.appeal.list {view: provider|unit}: the manager's appeals, or those of the caller's units.
 */
import { authorize, can } from '../auth/authorize';
import { runCommand } from '../kernel/command.runner';
import type { Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { withinWorkingDays } from '../kernel/working-days';
import { COLLECTIONS } from '../model/collections.model';
import { APPEAL_STATUS_LABELS, type RatingAppeal } from '../model/feedback.model';
import type { Provider } from '../model/provider.model';
import type { Rating } from '../model/order.model';
import { removeCountedStars } from '../reputation/feedback-aggregates';
import {
  FEEDBACK_TODO_PHRASES,
  feedbackTodoMessages,
  unitWorkerOpenids,
} from '../reputation/feedback-ticket';
import { ratingLevelLabel } from '../reputation/rating-levels';
import { parseCommand } from '../schemas/command.parser';
import {
  ratingAppealDecideSchema,
  ratingAppealListSchema,
  ratingAppealSchema,
} from '../schemas/feedback.schema';
import {
  authorizeOrHide,
  notifyWith,
  pageOfUnion,
  providerOrUnitWheres,
  screenText,
  visibleRatingTexts,
} from './feedback-common';
import { feedbackError } from './feedback.errors';
import type { AppealListResult, AppealResult, AppealView } from './feedback.replies';

export function appealIdOf(ratingId: string): string {
  return `ra-${ratingId}`;
}

export async function appealRating(input: UseCaseInput): Promise<AppealResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const command = parseCommand(ratingAppealSchema, input.command);
  if ((await screenText(ports, actor.openid, command.reason)) === 'risky')
    throw feedbackError('APPEAL_REASON_RISKY');
  return runCommand(ports, actor, 'rating.appeal', command, async (ctx) => {
    const { tx, now } = ctx;
    const rating = await tx.get<Rating>(COLLECTIONS.ratings, command.ratingId);
    if (rating === null) {
      authorize(actor, 'rating.appeal', {});
      throw feedbackError('RATING_NOT_FOUND', { ratingId: command.ratingId });
    }
    authorize(actor, 'rating.appeal', { providerId: rating.providerId, orgPath: rating.orgPath });
    const id = appealIdOf(rating._id);
    if ((await tx.get<RatingAppeal>(COLLECTIONS.ratingAppeals, id)) !== null) {
      throw feedbackError('APPEAL_DUPLICATE', { ratingId: rating._id });
    }
    if (rating.counted === false) throw feedbackError('APPEAL_RATING_NOT_COUNTED', { ratingId: rating._id });
    if (!withinWorkingDays(rating.createdAt, config.governance.appealWithinWorkingDays, now)) {
      throw feedbackError('APPEAL_TOO_LATE', { ratingId: rating._id });
    }
    const provider = await tx.get<Provider>(COLLECTIONS.providers, rating.providerId);
    const appeal: RatingAppeal = {
      _id: id,
      ratingId: rating._id,
      orderId: rating.orderId,
      providerId: rating.providerId,
      providerName: provider?.name ?? '',
      stars: rating.stars,
      reason: command.reason,
      appealedBy: actor.openid,
      orgPath: rating.orgPath,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.ratingAppeals, appeal);
    ctx.audit({
      entityType: 'rating_appeal',
      entityId: id,
      orgPath: rating.orgPath,
      summary: `对${rating.stars}星评价提出申诉：${appeal.providerName}`,
      role: 'provider_staff',
    });
    const workers = await unitWorkerOpenids(ports.db, rating.orgPath);
    await notifyWith(
      ctx,
      ports,
      id,
      feedbackTodoMessages(
        config,
        workers,
        { orderId: rating.orderId, itemName: appeal.providerName },
        FEEDBACK_TODO_PHRASES.appeal,
        now,
      ),
    );
    return {
      appealId: id,
      ratingId: rating._id,
      status: 'pending',
      statusLabel: APPEAL_STATUS_LABELS.pending,
    };
  });
}

export async function decideAppeal(input: UseCaseInput): Promise<AppealResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const command = parseCommand(ratingAppealDecideSchema, input.command);
  return runCommand(ports, actor, 'rating.appeal.decide', command, async (ctx) => {
    const { tx, now } = ctx;
    const appeal = await tx.get<RatingAppeal>(COLLECTIONS.ratingAppeals, command.appealId);
    const granted = authorizeOrHide(
      actor,
      'rating.appeal.decide',
      appeal && { orgPath: appeal.orgPath },
      () => feedbackError('APPEAL_NOT_FOUND', { appealId: command.appealId }),
    );
    if (appeal === null) throw feedbackError('APPEAL_NOT_FOUND');
    if (appeal.status !== 'pending') throw feedbackError('APPEAL_ALREADY_DECIDED', { status: appeal.status });
    const status = command.upheld ? 'upheld' : 'dismissed';
    await tx.update(COLLECTIONS.ratingAppeals, appeal._id, {
      status,
      decidedBy: actor.openid,
      decidedAt: now,
      decisionReason: command.reason,
      updatedAt: now,
    });
    if (command.upheld) {
      const rating = await tx.get<Rating>(COLLECTIONS.ratings, appeal.ratingId);
      if (rating !== null && rating.counted !== false) {
        await tx.update(COLLECTIONS.ratings, rating._id, { counted: false, appealUpheldId: appeal._id });
        await removeCountedStars(tx, ports.db, rating.providerId, rating.stars, config, now);
      }
    }
    ctx.audit({
      entityType: 'rating_appeal',
      entityId: appeal._id,
      orgPath: appeal.orgPath,
      summary: `裁定评价申诉：${command.upheld ? '申诉成立，该评价不计入' : '申诉不成立'}（${appeal.providerName}）`,
      role: granted.role,
    });
    return {
      appealId: appeal._id,
      ratingId: appeal.ratingId,
      status,
      statusLabel: APPEAL_STATUS_LABELS[status],
    };
  });
}

export async function listAppeals(input: UseCaseInput): Promise<AppealListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(ratingAppealListSchema, input.command);
  const db = ports.db;
  const status: Where = query.status === undefined ? {} : { status: query.status };
  const wheres = providerOrUnitWheres(
    db,
    actor,
    query.view,
    { provider: 'rating.appeal', unit: 'rating.appeal.decide' },
    status,
  );
  const page = await pageOfUnion<RatingAppeal, RatingAppeal>(
    db,
    COLLECTIONS.ratingAppeals,
    wheres,
    query,
    (a) => a,
  );
  const texts = await visibleRatingTexts(
    db,
    page.items.map((a) => a.ratingId),
  );
  const view = (a: RatingAppeal): AppealView => ({
    appealId: a._id,
    ratingId: a.ratingId,
    orderId: a.orderId,
    providerId: a.providerId,
    providerName: a.providerName,
    stars: a.stars,
    levelLabel: ratingLevelLabel(a.stars),
    ratingText: texts.get(a.ratingId) ?? '',
    reason: a.reason,
    status: a.status,
    statusLabel: APPEAL_STATUS_LABELS[a.status],
    createdAt: a.createdAt,
    decidedAt: a.decidedAt,
    decisionReason: a.decisionReason,
    actions: {
      canDecide: a.status === 'pending' && can(actor, 'rating.appeal.decide', { orgPath: a.orgPath }),
    },
  });
  return { ...page, items: page.items.map(view) };
}
