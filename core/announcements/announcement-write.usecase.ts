/**
 * announcement.save, announcement.publish and announcement.withdraw (docs/announcements.md):
 * - save: a worker or leader writes or edits a draft for their unit or a unit below it (the unit may change
 *   while it is a draft, within their units);
 * - publish: the title and body go through WeChat's content check first (scene forum: every resident of the
 *   branch reads them): `risky` refuses with the field's code and nothing is written; `review` keeps the
 *   notice `held`, its texts in the moderation queue of its unit, and answers ANNOUNCEMENT_HELD_FOR_REVIEW
 *   as its `notice` (decision 0051); otherwise it is published, visible from `publishAt` (now, when none);
 * - withdraw: a published notice is taken down with a reason, recorded with who and when.
 * Every write is in one transaction with its idempotency record (and the console's audit entry).
 */
import { checkAccess } from '../auth/authorize';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { orThrow, refusalError } from '../kernel/outcome';
import { moderationItem, screenTexts } from '../kernel/text-screening';
import type { UseCaseInput } from '../kernel/use-case';
import { checkFilesOfRecord } from '../files/console-files.rules';
import { ANNOUNCEMENT_NO_END, type Announcement } from '../model/announcement.model';
import { COLLECTIONS } from '../model/collections.model';
import { moderationItemId } from '../model/moderation.model';
import type { OrgUnit } from '../model/org-unit.model';
import {
  announcementPublishSchema,
  announcementSaveSchema,
  announcementWithdrawSchema,
} from '../schemas/announcement.schema';
import { parseCommand } from '../schemas/command.parser';
import { loadManaged } from './announcement-access';
import { ANNOUNCEMENT_ERRORS, announcementError } from './announcement.errors';
import type { AnnouncementWriteResult } from './announcement.replies';

/** The publishing unit, checked against the matrix: a unit out of the caller's scope answers like a missing one. */
async function publishingUnit(input: UseCaseInput, orgUnitId: string): Promise<OrgUnit> {
  const unit = await input.ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, orgUnitId);
  const access = checkAccess(input.actor, 'announcement.manage', { orgPath: unit?.path ?? '' });
  if (!access.ok && access.refusal.code !== 'OUT_OF_SCOPE') throw refusalError(access.refusal);
  if (unit === null || !access.ok) throw announcementError('ANNOUNCEMENT_UNIT_NOT_FOUND', { orgUnitId });
  return unit;
}

function auditOf(a: Pick<Announcement, '_id' | 'orgPath'>, summary: string) {
  return { entityType: 'announcement', entityId: a._id, orgPath: a.orgPath, summary };
}

const written = (a: Pick<Announcement, '_id'>, status: Announcement['status']): AnnouncementWriteResult => ({
  announcementId: a._id,
  status,
  notice: null,
});

export async function saveAnnouncement(input: UseCaseInput): Promise<AnnouncementWriteResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(announcementSaveSchema, input.command);
  const unit = await publishingUnit(input, command.orgUnitId);
  if (command.announcementId !== undefined) await loadManaged(ports.db, actor, command.announcementId);
  // Images uploaded in the console for this unit's branch (core/files), never another branch's files.
  orThrow(checkFilesOfRecord(command.images, 'announcement_image', unit.path));
  const fields = {
    orgUnitId: unit._id,
    orgPath: unit.path,
    unitName: unit.name,
    kind: command.kind,
    title: command.title,
    body: command.body,
    images: command.images,
    publishAt: command.publishAt ?? null,
    expireAt: command.expireAt ?? null,
    visibleUntil: command.expireAt ?? ANNOUNCEMENT_NO_END,
    pinned: command.pinned,
  };
  return runCommand(ports, actor, 'announcement.save', command, async ({ tx, now, audit }) => {
    if (command.announcementId === undefined) {
      const a: Announcement = {
        _id: ports.ids.next(),
        ...fields,
        status: 'draft',
        authorOpenid: actor.openid,
        publishedAt: null,
        publishedBy: null,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawReason: null,
        heldTexts: [],
        reviewNote: null,
        revision: 0,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(COLLECTIONS.announcements, a);
      audit(auditOf(a, `起草${a.unitName}的信息：${a.title}`));
      return written(a, 'draft');
    }
    const current = await loadManaged(tx, actor, command.announcementId);
    if (current.status !== 'draft') throw announcementError('ANNOUNCEMENT_NOT_EDITABLE');
    await tx.update(COLLECTIONS.announcements, current._id, { ...fields, updatedAt: now });
    audit(auditOf({ _id: current._id, orgPath: unit.path }, `修改信息草稿：${command.title}`));
    return written(current, 'draft');
  });
}

export async function publishAnnouncement(input: UseCaseInput): Promise<AnnouncementWriteResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(announcementPublishSchema, input.command);
  const draft = await loadManaged(ports.db, actor, command.announcementId);
  if (draft.status !== 'draft') throw announcementError('ANNOUNCEMENT_NOT_DRAFT');
  // Outside the transaction (a retried attempt must not check again); risky refuses here, writing nothing.
  const held = await screenTexts(ports, actor.openid, [
    { kind: 'announcement_title', text: draft.title },
    { kind: 'announcement_body', text: draft.body },
  ]);
  return runCommand(ports, actor, 'announcement.publish', command, async ({ tx, now, audit }) => {
    const a = await loadManaged(tx, actor, command.announcementId);
    // Edited since it was checked: what was checked is no longer what would go out.
    if (a.status !== 'draft' || a.title !== draft.title || a.body !== draft.body) {
      throw announcementError('ANNOUNCEMENT_NOT_DRAFT');
    }
    if (a.expireAt !== null && a.expireAt <= now) throw announcementError('ANNOUNCEMENT_ALREADY_EXPIRED');
    if (held.length > 0) {
      const revision = a.revision + 1;
      for (const kind of held) {
        const text = kind === 'announcement_title' ? a.title : a.body;
        const subject = {
          subject: 'announcements' as const,
          subjectId: a._id,
          orderId: '',
          orgPath: a.orgPath,
          authorOpenid: actor.openid,
        };
        const item = moderationItem(subject, kind, text, 'content_review', now);
        // One item per field and hold: a draft sent back and held again gets new ones.
        await tx.insert(COLLECTIONS.moderationItems, {
          ...item,
          _id: moderationItemId(kind, `${a._id}-${revision}`),
        });
      }
      await tx.update(COLLECTIONS.announcements, a._id, {
        status: 'held',
        heldTexts: held,
        reviewNote: null,
        revision,
        updatedAt: now,
      });
      audit(auditOf(a, `发布信息（待人工审核）：${a.title}`));
      return {
        announcementId: a._id,
        status: 'held' as const,
        notice: {
          code: 'ANNOUNCEMENT_HELD_FOR_REVIEW',
          message: ANNOUNCEMENT_ERRORS.ANNOUNCEMENT_HELD_FOR_REVIEW,
        },
      };
    }
    await tx.update(COLLECTIONS.announcements, a._id, {
      status: 'published',
      publishAt: a.publishAt ?? now,
      publishedAt: now,
      publishedBy: actor.openid,
      reviewNote: null,
      updatedAt: now,
    });
    audit(auditOf(a, `发布信息：${a.title}`));
    return written(a, 'published');
  });
}

export async function withdrawAnnouncement(input: UseCaseInput): Promise<AnnouncementWriteResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(announcementWithdrawSchema, input.command);
  await loadManaged(ports.db, actor, command.announcementId);
  return runCommand(ports, actor, 'announcement.withdraw', command, async ({ tx, now, audit }) => {
    const a = await loadManaged(tx, actor, command.announcementId);
    if (a.status !== 'published') throw announcementError('ANNOUNCEMENT_NOT_PUBLISHED');
    await tx.update(COLLECTIONS.announcements, a._id, {
      status: 'withdrawn',
      withdrawnAt: now,
      withdrawnBy: actor.openid,
      withdrawReason: command.reason,
      updatedAt: now,
    });
    audit(auditOf(a, `撤回信息：${a.title}（${command.reason.slice(0, 60)}）`));
    return written(a, 'withdrawn');
  });
}
