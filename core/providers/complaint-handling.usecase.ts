/**
 * Complaints about a finished order (docs/governance.md):
 * - complaint.submit {orderId, content, images}: the order's resident, once the job is done (done, followed
 *   up, rated or closed); the text goes through content security (risky: refused); one open complaint per
 *   order. The workers of the resident's grid and community are told.
 * - complaint.decide {complaintId, upheld, reply}: a worker or leader of the unit, or the regulator of the
 *   order's industry there. Upheld: the provider's `upheldComplaints` + 1 and its reputation refreshed
 *   (core/reputation/feedback-aggregates.ts) in the same transaction. The resident is told either way.
 * - complaint.list {view: mine|unit}: the resident's own, or those of the caller's units (a regulator with an
 *   industry: that industry's only).
 * A complaint or order the caller may not see answers like one that does not exist (the matrix's refusal).
 */
import { can } from '../auth/authorize';
import { listIndustries } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import { runCommand } from '../kernel/command.runner';
import type { StoredDocument, Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import type { ServiceCategory } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import { DEFAULT_INDUSTRY, industryOf } from '../model/industry.model';
import { COMPLAINT_STATUS_LABELS, type Complaint, type Order } from '../model/order.model';
import { countUpheldComplaint } from '../reputation/feedback-aggregates';
import {
  FEEDBACK_TODO_PHRASES,
  feedbackTodoMessages,
  unitWorkerOpenids,
} from '../reputation/feedback-ticket';
import { parseCommand } from '../schemas/command.parser';
import { complaintListSchema } from '../schemas/feedback.schema';
import { complaintDecisionSchema, complaintSubmitSchema } from '../schemas/order.schema';
import {
  authorizeOrHide,
  notifyWith,
  pageOfUnion,
  providerOrUnitWheres,
  screenText,
} from './feedback-common';
import { RESIDENT_PHRASES, residentNotice } from './feedback-messages';
import { feedbackError } from './feedback.errors';
import type { ComplaintListResult, ComplaintStepResult, ComplaintView } from './feedback.replies';

/** Orders a resident may complain about: the job is done. */
const FINISHED = ['done', 'followed_up', 'rated', 'closed'] as const;

function complaintTarget(c: Complaint) {
  return {
    orgPath: c.orgPath,
    providerId: c.providerId,
    ownerOpenid: c.residentOpenid,
    industries: [c.industry ?? DEFAULT_INDUSTRY],
  };
}

export async function submitComplaint(input: UseCaseInput): Promise<ComplaintStepResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const command = parseCommand(complaintSubmitSchema, input.command);
  const order = await ports.db.get<Order>(COLLECTIONS.orders, command.orderId);
  // Screened only for the order's own resident (anyone else is refused by the matrix below).
  if (order !== null && order.residentOpenid === actor.openid) {
    if ((await screenText(ports, actor.openid, command.content)) === 'risky') {
      throw feedbackError('COMPLAINT_TEXT_RISKY');
    }
  }
  const open = await ports.db.find<StoredDocument>(
    COLLECTIONS.complaints,
    { orderId: command.orderId, status: 'submitted' },
    { fields: ['_id'], limit: 1 },
  );
  return runCommand(ports, actor, 'complaint.submit', command, async (ctx) => {
    const { tx, now } = ctx;
    const found = await tx.get<Order>(COLLECTIONS.orders, command.orderId);
    // Someone else's order answers like one that does not exist (docs/governance.md).
    authorizeOrHide(
      actor,
      'complaint.submit',
      found === null ? null : { ownerOpenid: found.residentOpenid, orgPath: found.orgPath },
      () => feedbackError('ORDER_NOT_FOUND', { orderId: command.orderId }),
      { roles: ['resident'] },
    );
    const current = found!;
    if (!(FINISHED as readonly string[]).includes(current.status)) {
      throw feedbackError('COMPLAINT_ORDER_NOT_FINISHED', { status: current.status });
    }
    if (open.length > 0) throw feedbackError('COMPLAINT_DUPLICATE', { complaintId: open[0]!._id });
    const category = await tx.get<ServiceCategory>(COLLECTIONS.serviceCategories, current.categoryId);
    const id = ports.ids.next();
    const complaint: Complaint = {
      _id: id,
      orderId: current._id,
      providerId: current.providerId,
      residentOpenid: current.residentOpenid,
      orgPath: current.orgPath,
      content: command.content,
      images: command.images,
      status: 'submitted',
      reply: null,
      handledBy: null,
      handledAt: null,
      providerName: current.providerName,
      itemId: current.itemId,
      itemName: current.itemName,
      industry: industryOf(category ?? {}),
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.complaints, complaint);
    const workers = await unitWorkerOpenids(ports.db, current.orgPath);
    await notifyWith(
      ctx,
      ports,
      id,
      feedbackTodoMessages(
        config,
        workers,
        { orderId: current._id, itemName: `投诉·${current.providerName}` },
        FEEDBACK_TODO_PHRASES.complaint,
        now,
      ),
    );
    return { complaintId: id, status: 'submitted', statusLabel: COMPLAINT_STATUS_LABELS.submitted };
  });
}

export async function decideComplaint(input: UseCaseInput): Promise<ComplaintStepResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const command = parseCommand(complaintDecisionSchema, input.command);
  return runCommand(ports, actor, 'complaint.decide', command, async (ctx) => {
    const { tx, now } = ctx;
    const complaint = await tx.get<Complaint>(COLLECTIONS.complaints, command.complaintId);
    const granted = authorizeOrHide(actor, 'complaint.handle', complaint && complaintTarget(complaint), () =>
      feedbackError('COMPLAINT_NOT_FOUND', { complaintId: command.complaintId }),
    );
    if (complaint === null) throw feedbackError('COMPLAINT_NOT_FOUND');
    if (complaint.status !== 'submitted') {
      throw feedbackError('COMPLAINT_ALREADY_DECIDED', { status: complaint.status });
    }
    const status = command.upheld ? 'upheld' : 'dismissed';
    await tx.update(COLLECTIONS.complaints, complaint._id, {
      status,
      reply: command.reply,
      handledBy: actor.openid,
      handledAt: now,
      updatedAt: now,
    });
    const reputation = command.upheld
      ? await countUpheldComplaint(tx, ports.db, complaint.providerId, config, now)
      : null;
    ctx.audit({
      entityType: 'complaint',
      entityId: complaint._id,
      orgPath: complaint.orgPath,
      summary: `核实投诉：${COMPLAINT_STATUS_LABELS[status]}（${complaint.providerName ?? complaint.providerId}）`,
      role: granted.role,
    });
    await notifyWith(
      ctx,
      ports,
      complaint._id,
      residentNotice(
        config,
        {
          residentOpenid: complaint.residentOpenid,
          orderId: complaint.orderId,
          providerName: complaint.providerName ?? '',
        },
        command.upheld ? RESIDENT_PHRASES.complaintUpheld : RESIDENT_PHRASES.complaintDismissed,
        now,
      ),
    );
    return {
      complaintId: complaint._id,
      status,
      statusLabel: COMPLAINT_STATUS_LABELS[status],
      ...(reputation === null ? {} : { reputation: reputation.score }),
    };
  });
}

export function complaintView(actor: Actor, c: Complaint): ComplaintView {
  return {
    complaintId: c._id,
    orderId: c.orderId,
    providerId: c.providerId,
    providerName: c.providerName ?? '',
    itemName: c.itemName ?? '',
    content: c.content,
    images: c.images,
    status: c.status,
    statusLabel: COMPLAINT_STATUS_LABELS[c.status],
    reply: c.reply,
    createdAt: c.createdAt,
    handledAt: c.handledAt,
    actions: { canDecide: c.status === 'submitted' && can(actor, 'complaint.handle', complaintTarget(c)) },
  };
}

export async function listComplaints(input: UseCaseInput): Promise<ComplaintListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(complaintListSchema, input.command);
  const db = ports.db;
  const status: Where = query.status === undefined ? {} : { status: query.status };
  let wheres: Where[];
  if (query.view === 'mine') {
    wheres = [{ residentOpenid: actor.openid, ...status }];
  } else {
    const industries = query.view === 'unit' ? listIndustries(actor, 'complaint.view') : null;
    const industry: Where = industries === null ? {} : { industry: db.command.in([...industries]) };
    const actions = { provider: 'complaint.view', unit: 'complaint.view' } as const;
    wheres = providerOrUnitWheres(db, actor, query.view, actions, { ...status, ...industry });
  }
  return pageOfUnion<Complaint, ComplaintView>(db, COLLECTIONS.complaints, wheres, query, (c) =>
    complaintView(actor, c),
  );
}
