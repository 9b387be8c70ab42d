/**
 * announcement.list and announcement.detail (docs/announcements.md).
 * - view `community`: what a resident reads: published notices inside their window of every unit on the path
 *   from the city down to the reader's grid or community, pinned first, then the newest (publishAt);
 * - view `unit`: the workers' list: every notice of their units and those below, all statuses (or one),
 *   newest written first;
 * - the detail: in full, with the actions, to those who manage it; to a reader only while it is live and on
 *   their path; ANNOUNCEMENT_NOT_FOUND otherwise. Images come with temporary URLs where the function layer
 *   supplies them.
 */
import { authorize } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import type { DatabasePort, Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import type { Announcement } from '../model/announcement.model';
import { COLLECTIONS } from '../model/collections.model';
import { temporaryUrlsOf, type FileStore } from '../files/file-store.port';
import { announcementDetailSchema, announcementListSchema } from '../schemas/announcement.schema';
import { parseCommand } from '../schemas/command.parser';
import { canManage, isLive, readerPaths, summaryOf } from './announcement-access';
import { announcementError } from './announcement.errors';
import type { AnnouncementAction, AnnouncementDetail, AnnouncementListResult } from './announcement.replies';

type Order = readonly (readonly [string, 'asc' | 'desc'])[];

const READERS_ORDER: Order = [
  ['pinned', 'desc'],
  ['publishAt', 'desc'],
  ['_id', 'desc'],
];
const NEWEST_WRITTEN: Order = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
];

/** One page of the notices of the actor's units (and below), newest written first, with their number. */
async function unitAnnouncements(
  db: DatabasePort,
  actor: Actor,
  status: Announcement['status'] | undefined,
  skip: number,
  limit: number,
): Promise<{ found: Announcement[]; total: number }> {
  const scope = orThrow(listScope(actor, 'announcement.manage'));
  const paths = scope.all ? ['/'] : scope.paths;
  const whereOf = (path: string): Where => ({
    ...(path === '/' ? {} : { orgPath: db.command.prefix(path) }),
    ...(status === undefined ? {} : { status }),
  });
  const counts = await Promise.all(paths.map((p) => db.count(COLLECTIONS.announcements, whereOf(p))));
  const total = counts.reduce((a, b) => a + b, 0);
  if (paths.length === 1) {
    const found = await db.find<Announcement>(COLLECTIONS.announcements, whereOf(paths[0]!), {
      orderBy: NEWEST_WRITTEN,
      skip,
      limit,
    });
    return { found, total };
  }
  // Several separate units: each one's first skip + limit, merged (scopes never nest: list-scope.ts).
  const merged = new Map<string, Announcement>();
  for (const path of paths) {
    const found = await db.find<Announcement>(COLLECTIONS.announcements, whereOf(path), {
      orderBy: NEWEST_WRITTEN,
      limit: Math.min(skip + limit, 1000),
    });
    for (const a of found) merged.set(a._id, a);
  }
  const found = [...merged.values()]
    .sort((a, b) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : -1))
    .slice(skip, skip + limit);
  return { found, total };
}

export async function listAnnouncements(input: UseCaseInput): Promise<AnnouncementListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(announcementListSchema, input.command);
  const { db } = ports;
  const skip = (query.page - 1) * query.pageSize;
  let page: { found: Announcement[]; total: number };
  if (query.view === 'unit') {
    page = await unitAnnouncements(db, actor, query.status, skip, query.pageSize);
  } else {
    authorize(actor, 'announcement.view', {});
    const paths = readerPaths(actor);
    if (paths.length === 0) throw announcementError('ANNOUNCEMENT_COMMUNITY_REQUIRED');
    const now = ports.clock.now();
    const where: Where = {
      orgPath: db.command.in(paths),
      status: 'published',
      publishAt: db.command.lte(now),
      visibleUntil: db.command.gt(now),
    };
    const [found, total] = await Promise.all([
      db.find<Announcement>(COLLECTIONS.announcements, where, {
        orderBy: READERS_ORDER,
        skip,
        limit: query.pageSize,
      }),
      db.count(COLLECTIONS.announcements, where),
    ]);
    page = { found, total };
  }
  return {
    items: page.found.map(summaryOf),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    hasMore: skip + page.found.length < page.total,
  };
}

export interface AnnouncementDetailInput extends UseCaseInput {
  /** Cloud storage, for the images' temporary URLs (absent: file ids only). */
  readonly files?: FileStore;
}

/** How long an image's temporary URL lasts (a reader's visit). */
const IMAGE_URL_SECONDS = 2 * 3600;

function actionsOf(a: Announcement): AnnouncementAction[] {
  if (a.status === 'draft') return ['edit', 'publish'];
  if (a.status === 'published') return ['withdraw'];
  return [];
}

export async function announcementDetail(input: AnnouncementDetailInput): Promise<AnnouncementDetail> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(announcementDetailSchema, input.command);
  authorize(actor, 'announcement.view', {});
  const a = await ports.db.get<Announcement>(COLLECTIONS.announcements, query.announcementId);
  const manages = a !== null && canManage(actor, a);
  const reads = a !== null && isLive(a, ports.clock.now()) && readerPaths(actor).includes(a.orgPath);
  if (a === null || (!manages && !reads)) {
    throw announcementError('ANNOUNCEMENT_NOT_FOUND', { announcementId: query.announcementId });
  }
  const urls =
    a.images.length === 0 || input.files === undefined
      ? new Map<string, string>()
      : await temporaryUrlsOf(input.files, a.images, IMAGE_URL_SECONDS);
  return {
    ...summaryOf(a),
    orgUnitId: a.orgUnitId,
    body: a.body,
    images: a.images.map((fileId) => ({ fileId, url: urls.get(fileId) ?? '' })),
    actions: manages ? actionsOf(a) : [],
    publishedAt: a.publishedAt,
    withdrawnAt: manages ? a.withdrawnAt : null,
    withdrawReason: manages ? a.withdrawReason : null,
    heldTexts: manages ? a.heldTexts : [],
    reviewNote: manages ? a.reviewNote : null,
  };
}
