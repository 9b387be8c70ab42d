/**
 * The resident's privacy requests a person decides (PIPL arts. 46, 47, 50): a correction they cannot make
 * themselves (e.g. on a past order: the provider's record), a deletion that could not be done at once (an
 * order still open, a role beyond resident), or anything else about their data.
 *
 * - `privacy.request.submit` (resident): stored `pending` with `dueAt` 15 working days later (weekends and
 *   the public holidays of core/privacy/working-days.ts skipped), in the unit of the order it is about or
 *   else the resident's home (PRIVACY_REQUEST_NO_UNIT without either, PRIVACY_ORDER_NOT_FOUND for an order
 *   that is not theirs), at most `maxPendingRequests` waiting at once (PRIVACY_REQUEST_LIMIT).
 * - `privacy.request.list` (resident): their requests, newest first.
 * - `privacy.request.decide` (a worker or leader of the request's unit; the admin console's, not yet routed
 *   by any function): `completed`, or `refused` with the reason the resident reads; once only
 *   (PRIVACY_REQUEST_DECIDED).
 */
import { authorize } from '../auth/authorize';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import {
  PRIVACY_REQUEST_KIND_LABELS,
  PRIVACY_REQUEST_STATUS_LABELS,
  type PrivacyRequest,
} from '../model/privacy-request.model';
import type { User } from '../model/user.model';
import { DEFAULT_PRIVACY_CONFIG } from '../privacy/privacy.config';
import { workingDaysLater } from '../privacy/working-days';
import { parseCommand } from '../schemas/command.parser';
import {
  privacyRequestDecideSchema,
  privacyRequestListSchema,
  privacyRequestSubmitSchema,
} from '../schemas/profile.schema';
import type { PrivacyUseCaseInput } from './privacy-input';
import { profileError } from './profile.errors';
import type { PrivacyRequestListReply, PrivacyRequestView } from './profile.reply';

/** A request as its resident (or a worker) sees it at `now`. */
export function privacyRequestView(r: PrivacyRequest, now: number): PrivacyRequestView {
  return {
    requestId: r._id,
    kind: r.kind,
    kindLabel: PRIVACY_REQUEST_KIND_LABELS[r.kind],
    status: r.status,
    statusLabel: PRIVACY_REQUEST_STATUS_LABELS[r.status],
    content: r.content,
    orderId: r.orderId,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    overdue: r.status === 'pending' && now > r.dueAt,
    decidedAt: r.decidedAt,
    reply: r.reply,
  };
}

/** The unit whose workers take the request: the order's, or the resident's home. */
async function requestPlace(input: UseCaseInput, orderId: string | undefined): Promise<string> {
  const { db } = input.ports;
  const openid = input.actor.openid;
  if (orderId !== undefined) {
    const order = await db.get<Order>(COLLECTIONS.orders, orderId);
    if (order === null || order.residentOpenid !== openid)
      throw profileError('PRIVACY_ORDER_NOT_FOUND', { orderId });
    return order.orgPath;
  }
  const user = await db.findOne<User>(COLLECTIONS.users, { openid }, { fields: ['homeOrgPath'] });
  if (!user?.homeOrgPath) throw profileError('PRIVACY_REQUEST_NO_UNIT');
  return user.homeOrgPath;
}

export async function submitPrivacyRequest(input: PrivacyUseCaseInput): Promise<PrivacyRequestView> {
  const { ports, actor } = input;
  const config = input.privacy ?? DEFAULT_PRIVACY_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(privacyRequestSubmitSchema, input.command);
  authorize(actor, 'privacy.request.submit', { ownerOpenid: actor.openid }, { roles: ['resident'] });
  const orgPath = await requestPlace(input, command.orderId);
  const waiting = await ports.db.count(COLLECTIONS.privacyRequests, {
    requesterOpenid: actor.openid,
    status: 'pending',
  });
  if (waiting >= config.maxPendingRequests) {
    throw profileError('PRIVACY_REQUEST_LIMIT', { pending: waiting, max: config.maxPendingRequests });
  }
  return runCommand(ports, actor, 'privacy.request.submit', command, async ({ tx, now }) => {
    const request: PrivacyRequest = {
      _id: ports.ids.next(),
      orgPath,
      requesterOpenid: actor.openid,
      kind: command.kind,
      content: command.content,
      orderId: command.orderId ?? null,
      status: 'pending',
      dueAt: workingDaysLater(now, config.requestWorkingDays),
      decidedBy: null,
      decidedAt: null,
      reply: null,
      selfService: false,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.privacyRequests, request);
    return privacyRequestView(request, now);
  });
}

export async function listPrivacyRequests(input: PrivacyUseCaseInput): Promise<PrivacyRequestListReply> {
  const { ports, actor } = input;
  const config = input.privacy ?? DEFAULT_PRIVACY_CONFIG;
  requireIdentity(actor);
  parseCommand(privacyRequestListSchema, input.command);
  authorize(actor, 'privacy.request.view', { ownerOpenid: actor.openid }, { roles: ['resident'] });
  const requests = await ports.db.find<PrivacyRequest>(
    COLLECTIONS.privacyRequests,
    { requesterOpenid: actor.openid },
    {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: config.requestListLimit,
    },
  );
  const now = ports.clock.now();
  return { items: requests.map((r) => privacyRequestView(r, now)) };
}

export async function decidePrivacyRequest(input: UseCaseInput): Promise<PrivacyRequestView> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(privacyRequestDecideSchema, input.command);
  return runCommand(ports, actor, 'privacy.request.decide', command, async ({ tx, now }) => {
    const request = await tx.get<PrivacyRequest>(COLLECTIONS.privacyRequests, command.requestId);
    if (request === null) throw profileError('PRIVACY_REQUEST_NOT_FOUND', { requestId: command.requestId });
    authorize(actor, 'privacy.request.handle', { orgPath: request.orgPath });
    if (request.status !== 'pending')
      throw profileError('PRIVACY_REQUEST_DECIDED', { status: request.status });
    const patch = {
      status: command.outcome,
      decidedBy: actor.openid,
      decidedAt: now,
      reply: command.reply.length > 0 ? command.reply : null,
      updatedAt: now,
    };
    await tx.update(COLLECTIONS.privacyRequests, request._id, patch);
    return privacyRequestView({ ...request, ...patch }, now);
  });
}
