/**
 * Who sees and who manages a notice (docs/announcements.md):
 * - a worker or leader manages the notices of their unit and every unit below it (`announcement.manage`,
 *   `unit` scope);
 * - a reader (a resident, or anyone bound to a grid or community) sees a published notice inside its window
 *   whose unit lies on the path from the city down to their own grid or community: a city notice reaches
 *   every community, a street notice that street's, a community notice its own.
 */
import { can, checkAccess } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import { refusalError } from '../kernel/outcome';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import {
  ANNOUNCEMENT_KIND_LABELS,
  ANNOUNCEMENT_STATUS_LABELS,
  type Announcement,
} from '../model/announcement.model';
import { COLLECTIONS } from '../model/collections.model';
import { ancestorPaths, isOrgPath, levelOfPath } from '../org/org-path';
import { announcementError } from './announcement.errors';
import type { AnnouncementSummary } from './announcement.replies';

/** The roles whose grid or community is "where they live" for reading notices. */
const READER_ROLES = ['resident', 'volunteer', 'party_member', 'worker', 'leader'] as const;

/**
 * The unit paths whose notices reach the actor: every ancestor of each grid or community they are bound to
 * (their resident grant's, their volunteer's or party member's community, the grid or community a worker
 * serves), itself included. Empty when they have none yet.
 */
export function readerPaths(actor: Actor): string[] {
  const out = new Set<string>();
  for (const g of actor.grants) {
    if (!isOrgPath(g.orgPath) || !(READER_ROLES as readonly string[]).includes(g.role)) continue;
    const level = levelOfPath(g.orgPath);
    if (level !== 'community' && level !== 'grid') continue;
    for (const p of ancestorPaths(g.orgPath, { includeSelf: true })) out.add(p);
  }
  return [...out].sort();
}

/** Published and inside its window at `now`. */
export function isLive(a: Pick<Announcement, 'status' | 'publishAt' | 'visibleUntil'>, now: number): boolean {
  return a.status === 'published' && a.publishAt !== null && a.publishAt <= now && now < a.visibleUntil;
}

export function canManage(actor: Actor, a: Pick<Announcement, 'orgPath'>): boolean {
  return can(actor, 'announcement.manage', { orgPath: a.orgPath });
}

type Reader = Pick<DatabasePort, 'get'> | Pick<TransactionPort, 'get'>;

/**
 * The notice for those who manage it: PERMISSION_DENIED for a caller who manages none anywhere (the matrix's
 * answer), ANNOUNCEMENT_NOT_FOUND for a missing one and for one outside the caller's units.
 */
export async function loadManaged(db: Reader, actor: Actor, announcementId: string): Promise<Announcement> {
  const a = await db.get<Announcement>(COLLECTIONS.announcements, announcementId);
  const access = checkAccess(actor, 'announcement.manage', a === null ? {} : { orgPath: a.orgPath });
  if (!access.ok && access.refusal.code !== 'OUT_OF_SCOPE') throw refusalError(access.refusal);
  if (a === null || !access.ok) throw announcementError('ANNOUNCEMENT_NOT_FOUND', { announcementId });
  return a;
}

const EXCERPT_LENGTH = 60;

function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}

export function summaryOf(a: Announcement): AnnouncementSummary {
  return {
    announcementId: a._id,
    kind: a.kind,
    kindLabel: ANNOUNCEMENT_KIND_LABELS[a.kind],
    title: a.title,
    excerpt: excerptOf(a.body),
    unitName: a.unitName,
    orgPath: a.orgPath,
    pinned: a.pinned,
    status: a.status,
    statusLabel: ANNOUNCEMENT_STATUS_LABELS[a.status],
    publishAt: a.publishAt,
    publishText: a.publishAt === null ? '' : formatShanghaiMinute(a.publishAt),
    expireAt: a.expireAt,
    expireText: a.expireAt === null ? '' : formatShanghaiMinute(a.expireAt),
    imageCount: a.images.length,
  };
}
