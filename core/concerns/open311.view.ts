/**
 * How a published concern looks as an Open311 GeoReport v2 service request (docs/open-data.md): anonymised by
 * construction. The view is a whitelist: it reads the concern's kind, texts, status, times, places and the
 * kind of its claimer, and nothing else; the query never even loads the resident's fields (open311.query.ts
 * projects them away). No names of residents or of claiming persons, no phones, no openids, no images, and
 * the place only down to the community.
 */
import { CONCERN_STATUS_LABELS, type ConcernStatus } from '../lifecycle/concern.lifecycle';
import {
  CONCERN_RECORD_KINDS,
  CONCERN_RECORD_KIND_LABELS,
  type Concern,
  type ConcernRecordKind,
} from '../model/concern.model';
import type { OrgUnit } from '../model/org-unit.model';
import { isOrgPath, rollUpKey, unitIdOfPath } from '../org/org-path';

/** Our jurisdiction: the one GeoReport `jurisdiction_id` this endpoint serves (Yulin, Guangxi). */
export const OPEN311_JURISDICTION_ID = 'yulin.gx.cn';

/** The statuses in which a concern is public, in life-cycle order. Never submitted, approved, rejected, withdrawn. */
export const OPEN311_PUBLISHED_STATUSES = [
  'published',
  'escalated',
  'referred',
  'claimed',
  'in_progress',
  'resolved',
  'confirmed',
  'closed',
] as const satisfies readonly ConcernStatus[];

/** GeoReport's two statuses: open while someone still has to act, closed once it is done. */
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

export const OPEN311_STATUS_OF: Readonly<Record<(typeof OPEN311_PUBLISHED_STATUSES)[number], Open311Status>> =
  {
    published: 'open',
    escalated: 'open',
    referred: 'open',
    claimed: 'open',
    in_progress: 'open',
    resolved: 'closed',
    confirmed: 'closed',
    closed: 'closed',
  };

/** The concern statuses behind GeoReport's `open` or `closed`. */
export function concernStatusesOf(statuses: readonly Open311Status[]): ConcernStatus[] {
  return OPEN311_PUBLISHED_STATUSES.filter((s) => statuses.includes(OPEN311_STATUS_OF[s]));
}

export function isPublishedStatus(status: unknown): status is (typeof OPEN311_PUBLISHED_STATUSES)[number] {
  return (OPEN311_PUBLISHED_STATUSES as readonly unknown[]).includes(status);
}

/** GeoReport's service (GET services.json): one per kind of concern. */
export interface Open311Service {
  readonly service_code: ConcernRecordKind;
  readonly service_name: string;
  readonly description: string;
  /** No extra attributes to fill in: there is no service definition to fetch. */
  readonly metadata: false;
  readonly type: 'realtime';
  /** Comma separated, as GeoReport has it. */
  readonly keywords: string;
  readonly group: string;
}

const SERVICE_TEXT: Readonly<Record<ConcernRecordKind, { description: string; keywords: string }>> = {
  worry: {
    description:
      '居民身边的烦心事、操心事（如楼道照明、环境卫生、邻里纠纷），经社区审核后公开，由党员、志愿队、党组织或单位认领办理',
    keywords: '忧心事,烦心事,社区治理',
  },
  wish: {
    description:
      '居民的微小心愿（如陪伴就医、助学、生活物品），经社区审核后公开，由党员、志愿队、党组织或单位认领帮助实现',
    keywords: '微心愿,心愿,志愿服务',
  },
  urgent: {
    description:
      '群众急难愁盼的困难事项，由社区工作人员标注，逐级推送直至有人认领，跨部门事项提交联席会议办理',
    keywords: '急难愁盼,困难帮扶,联席会议',
  },
};

/** The services, in the platform's order. */
export function open311Services(): Open311Service[] {
  return CONCERN_RECORD_KINDS.map((kind) => ({
    service_code: kind,
    service_name: CONCERN_RECORD_KIND_LABELS[kind],
    description: SERVICE_TEXT[kind].description,
    metadata: false,
    type: 'realtime',
    keywords: SERVICE_TEXT[kind].keywords,
    group: '为民红绳',
  }));
}

/** GeoReport's service request (GET requests.json, requests/{id}.json). Absent fields: zipcode, lat, long, media_url. */
export interface Open311ServiceRequest {
  readonly service_request_id: string;
  readonly status: Open311Status;
  readonly status_notes: string;
  readonly service_name: string;
  readonly service_code: ConcernRecordKind;
  readonly description: string;
  readonly agency_responsible: string | null;
  readonly service_notice: string | null;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly expected_datetime: string | null;
  readonly address: string | null;
  readonly address_id: string | null;
  /** GeoReport's documented extension (`extensions=true`): figures the standard fields have no place for. */
  readonly extended_attributes?: Open311ExtendedAttributes;
}

export interface Open311ExtendedAttributes {
  /** 我也关心: how many other residents added their voice. */
  readonly support_count: number;
}

/** The fields of a concern the view reads; the query asks the database for these only. */
export const OPEN311_CONCERN_FIELDS = [
  'kind',
  'title',
  'content',
  'sensitive',
  'publicSummary',
  'status',
  'orgPath',
  'levelPath',
  'claimDeadline',
  'claim.as',
  'claim.name',
  'supportCount',
  'createdAt',
  'updatedAt',
] as const;

/** What the view reads of a concern (older records may lack the newer fields). */
export type Open311Concern = Pick<
  Concern,
  '_id' | 'kind' | 'title' | 'content' | 'status' | 'orgPath' | 'levelPath' | 'createdAt' | 'updatedAt'
> & {
  readonly sensitive?: boolean;
  readonly publicSummary?: string | null;
  readonly claimDeadline?: number | null;
  readonly claim?: { readonly as?: string; readonly name?: string } | null;
  readonly supportCount?: number;
};

/** The units a page of requests names, by `_id`. */
export type UnitsById = ReadonlyMap<string, Pick<OrgUnit, '_id' | 'name' | 'path'>>;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO 8601 in Asia/Shanghai with its offset: `2025-03-10T10:00:00+08:00`. */
export function isoShanghai(millis: number): string {
  const d = new Date(millis + SHANGHAI_OFFSET_MS);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`
  );
}

/** The community a record's place rolls up to (a grid's community), or the place itself above community level. */
export function communityPathOf(orgPath: string): string | null {
  if (!isOrgPath(orgPath)) return null;
  return rollUpKey(orgPath, 'community') ?? orgPath;
}

/** The unit ids a page of concerns needs named: each one's community and the unit of its current level. */
export function unitIdsOf(concerns: readonly Open311Concern[]): string[] {
  const ids = new Set<string>();
  for (const c of concerns) {
    const community = communityPathOf(c.orgPath);
    if (community !== null) ids.add(unitIdOfPath(community));
    if (isOrgPath(c.levelPath)) ids.add(unitIdOfPath(c.levelPath));
  }
  return [...ids];
}

/** A mobile number (optionally +86, spaces or dashes inside), a landline with its area code, or 7+ digits in a row. */
const PHONE_LIKE =
  /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)|(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)|\d{7,}/g;

/**
 * Whatever may be a phone number in free text is replaced: a reviewer approved the text for the wall, and
 * this is the second line against a number left in it. Dates (2025-03-10) and house numbers stay.
 */
export function withoutPhoneNumbers(text: string): string {
  return text.replace(PHONE_LIKE, '***');
}

/** Who claimed it, as the public may know: an organisation by its name, a person never by theirs. */
function claimerOf(claim: Open311Concern['claim']): string | null {
  if (claim === null || claim === undefined) return null;
  if (claim.as === 'self') return '党员志愿者';
  const name = typeof claim.name === 'string' ? claim.name.trim() : '';
  return name.length > 0 ? name : null;
}

function unitAt(units: UnitsById, path: string | null): Pick<OrgUnit, '_id' | 'name' | 'path'> | null {
  if (path === null || !isOrgPath(path)) return null;
  const unit = units.get(unitIdOfPath(path));
  return unit !== undefined && unit.path === path ? unit : null;
}

/** The text the public reads: a sensitive concern's public summary only, else its title and content. */
export function publicDescription(concern: Open311Concern): string {
  if (concern.sensitive === true) {
    const summary = typeof concern.publicSummary === 'string' ? concern.publicSummary.trim() : '';
    return withoutPhoneNumbers(summary.length > 0 ? summary : '该诉求涉及个人隐私，详情不公开');
  }
  return withoutPhoneNumbers(`${concern.title}\n${concern.content}`);
}

/** A published concern as a GeoReport service request. */
export function toServiceRequest(
  concern: Open311Concern,
  units: UnitsById,
  options: { readonly extensions: boolean },
): Open311ServiceRequest {
  const status = concern.status as (typeof OPEN311_PUBLISHED_STATUSES)[number];
  const community = unitAt(units, communityPathOf(concern.orgPath));
  const level = unitAt(units, concern.levelPath);
  const claimer = claimerOf(concern.claim);
  const waiting = status === 'published' || status === 'escalated' || status === 'referred';
  const deadline = waiting && typeof concern.claimDeadline === 'number' ? concern.claimDeadline : null;
  return {
    service_request_id: concern._id,
    status: OPEN311_STATUS_OF[status],
    status_notes: CONCERN_STATUS_LABELS[status],
    service_name: CONCERN_RECORD_KIND_LABELS[concern.kind],
    service_code: concern.kind,
    description: publicDescription(concern),
    agency_responsible: level?.name ?? null,
    service_notice: claimer === null ? null : `由${claimer}认领办理`,
    requested_datetime: isoShanghai(concern.createdAt),
    updated_datetime: isoShanghai(concern.updatedAt),
    expected_datetime: deadline === null ? null : isoShanghai(deadline),
    address: community?.name ?? null,
    address_id: community?._id ?? null,
    ...(options.extensions
      ? { extended_attributes: { support_count: Math.max(0, Math.trunc(concern.supportCount ?? 0)) } }
      : {}),
  };
}
