/**
 * The open-data reads: Open311 GeoReport v2 over the published concerns (docs/open-data.md), for civic tools,
 * without sign-in. Read-only (the one write is the per-address request counter of the rate limit), anonymised
 * by the view (open311.view.ts), which is handed only the fields it may publish: the resident's fields are
 * never loaded.
 *
 *   GET services.json               the kinds of concern
 *   GET requests.json               published concerns, newest first, by kind, open/closed and date range
 *   GET requests/{id}.json          one published concern (an array of one, as GeoReport has it)
 *
 * GeoReport's defaults: without dates the last 90 days, a range never longer than 90 days, at most 1000 a
 * page; `page` and `page_size` are GeoReport's documented pagination extension. `service_request_id` (comma
 * separated) overrides every other filter. Served by the index `status_1_createdAt_-1`.
 */
import type { DatabasePort, Where } from '../kernel/database.port';
import { enforceLimit } from '../kernel/rate-limit';
import type { Clock } from '../kernel/ports';
import { COLLECTIONS } from '../model/collections.model';
import { CONCERN_RECORD_KINDS, type ConcernRecordKind } from '../model/concern.model';
import type { OrgUnit } from '../model/org-unit.model';
import { shanghaiDayStart } from '../kernel/shanghai-time';
import { open311Error } from './open311.errors';
import {
  OPEN311_CONCERN_FIELDS,
  OPEN311_JURISDICTION_ID,
  OPEN311_PUBLISHED_STATUSES,
  OPEN311_STATUSES,
  concernStatusesOf,
  open311Services,
  toServiceRequest,
  unitIdsOf,
  type Open311Concern,
  type Open311Service,
  type Open311ServiceRequest,
  type Open311Status,
  type UnitsById,
} from './open311.view';

const DAY_MS = 86_400_000;
/** GeoReport's default window and the longest range one call may ask for. */
export const OPEN311_WINDOW_DAYS = 90;
/** GeoReport's "first 1000 requests": the default and the largest page. */
export const OPEN311_MAX_PAGE_SIZE = 1000;
export const OPEN311_MAX_PAGE = 1000;
/** At most this many ids in one `service_request_id`. */
export const OPEN311_MAX_IDS = 100;
/**
 * Requests per client address and minute (all three paths together): ample for a tool paging through a
 * window, low enough that a scraper in a loop is stopped within the minute. A module constant until the
 * platform configuration has an `openData` section.
 */
export const OPEN311_REQUESTS_PER_MINUTE_PER_IP = 60;

export interface Open311Ports {
  readonly db: DatabasePort;
  readonly clock: Clock;
}

export interface Open311Input {
  readonly ports: Open311Ports;
  /** The query string's parameters (empty ones left out). */
  readonly query: Readonly<Record<string, string>>;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Count one request of the address against the per-minute limit (RATE_LIMITED past it). */
export async function countOpen311Request(ports: Open311Ports, ip: string | null): Promise<void> {
  await enforceLimit(ports, `ip:${ip ?? 'unknown'}`, 'open311.read', OPEN311_REQUESTS_PER_MINUTE_PER_IP);
}

/** The comma-separated values of a parameter (GeoReport's "multiple, comma delimited"), or null when absent. */
function listParam(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function checkJurisdiction(query: Readonly<Record<string, string>>): void {
  const j = query['jurisdiction_id'];
  if (j !== undefined && j.trim().toLowerCase() !== OPEN311_JURISDICTION_ID) {
    throw open311Error('OPEN311_JURISDICTION_UNKNOWN');
  }
}

const W3C_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A W3C date-time (`2025-03-01T00:00:00+08:00`, `...Z`, seconds optional) as milliseconds; a bare date
 * (`2025-03-01`) is that day's start in Asia/Shanghai. Anything else, or a date that does not exist, refused.
 */
export function parseW3cDate(value: string): number {
  const m = W3C_DATE.exec(value.trim());
  if (m === null) throw open311Error('OPEN311_DATE_INVALID', { value: value.slice(0, 40) });
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw open311Error('OPEN311_DATE_INVALID', { value: value.slice(0, 40) });
  }
  if (h === undefined) return shanghaiDayStart(`${y}-${mo}-${d}`);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) {
    throw open311Error('OPEN311_DATE_INVALID', { value: value.slice(0, 40) });
  }
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number];
    if (oh > 14 || om > 59) throw open311Error('OPEN311_DATE_INVALID', { value: value.slice(0, 40) });
    offsetMinutes = sign * (oh * 60 + om);
  }
  const millis = frac === undefined ? 0 : Math.round(Number(frac) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** The requested_datetime range: both ends inclusive, GeoReport's 90 days by default and at most. */
export function dateWindow(
  query: Readonly<Record<string, string>>,
  now: number,
): { readonly from: number; readonly to: number } {
  const start = query['start_date'] === undefined ? null : parseW3cDate(query['start_date']);
  const end = query['end_date'] === undefined ? null : parseW3cDate(query['end_date']);
  const span = OPEN311_WINDOW_DAYS * DAY_MS;
  if (start !== null && end !== null) {
    if (start > end) throw open311Error('OPEN311_DATE_RANGE_INVALID');
    if (end - start > span) throw open311Error('OPEN311_DATE_RANGE_TOO_LONG');
    return { from: start, to: end };
  }
  if (start !== null) return { from: start, to: start + span };
  if (end !== null) return { from: end - span, to: end };
  return { from: now - span, to: now };
}

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,7}$/.test(value.trim())) throw open311Error('OPEN311_PAGE_INVALID');
  const n = Number(value.trim());
  if (n < 1 || n > max) throw open311Error('OPEN311_PAGE_INVALID');
  return n;
}

function serviceCodes(query: Readonly<Record<string, string>>): ConcernRecordKind[] | null {
  const codes = listParam(query['service_code']);
  if (codes === null) return null;
  if (codes.length === 0 || !codes.every((c) => (CONCERN_RECORD_KINDS as readonly string[]).includes(c))) {
    throw open311Error('OPEN311_SERVICE_CODE_UNKNOWN');
  }
  return [...new Set(codes)] as ConcernRecordKind[];
}

function statuses(query: Readonly<Record<string, string>>): Open311Status[] | null {
  const values = listParam(query['status']?.toLowerCase());
  if (values === null) return null;
  if (values.length === 0 || !values.every((v) => (OPEN311_STATUSES as readonly string[]).includes(v))) {
    throw open311Error('OPEN311_STATUS_UNKNOWN');
  }
  return [...new Set(values)] as Open311Status[];
}

function requestIds(value: string): string[] {
  const ids = listParam(value) ?? [];
  if (ids.length === 0 || ids.length > OPEN311_MAX_IDS || !ids.every((id) => ID.test(id))) {
    throw open311Error('OPEN311_REQUEST_ID_INVALID');
  }
  return [...new Set(ids)];
}

function wantsExtensions(query: Readonly<Record<string, string>>): boolean {
  return query['extensions']?.trim().toLowerCase() === 'true';
}

/** The units a page of concerns names (its communities and current levels), read a hundred at a time. */
async function unitsOf(db: DatabasePort, concerns: readonly Open311Concern[]): Promise<UnitsById> {
  const ids = unitIdsOf(concerns);
  const units = new Map<string, Pick<OrgUnit, '_id' | 'name' | 'path'>>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const found = await db.find<OrgUnit>(
      COLLECTIONS.orgUnits,
      { _id: db.command.in(chunk) },
      { limit: chunk.length, fields: ['name', 'path'] },
    );
    for (const u of found) units.set(u._id, { _id: u._id, name: u.name, path: u.path });
  }
  return units;
}

const PUBLISHED = [...OPEN311_PUBLISHED_STATUSES];

/** GET services.json. */
export function listOpen311Services(input: Open311Input): Open311Service[] {
  checkJurisdiction(input.query);
  return open311Services();
}

/** GET requests.json. */
export async function listOpen311Requests(input: Open311Input): Promise<Open311ServiceRequest[]> {
  const { db, clock } = input.ports;
  const { query } = input;
  checkJurisdiction(query);
  const extensions = wantsExtensions(query);
  const fields = [...OPEN311_CONCERN_FIELDS];

  let concerns: Open311Concern[];
  if (query['service_request_id'] !== undefined) {
    // GeoReport: the ids override every other argument.
    const ids = requestIds(query['service_request_id']);
    concerns = await db.find<Open311Concern>(
      COLLECTIONS.concerns,
      { _id: db.command.in(ids), status: db.command.in(PUBLISHED) },
      {
        orderBy: [
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
        limit: ids.length,
        fields,
      },
    );
  } else {
    const kinds = serviceCodes(query);
    const wanted = statuses(query);
    const { from, to } = dateWindow(query, clock.now());
    const pageSize = positiveInt(query['page_size'], OPEN311_MAX_PAGE_SIZE, OPEN311_MAX_PAGE_SIZE);
    const page = positiveInt(query['page'], 1, OPEN311_MAX_PAGE);
    const where: Where = {
      status: db.command.in(wanted === null ? PUBLISHED : concernStatusesOf(wanted)),
      createdAt: db.command.and([db.command.gte(from), db.command.lte(to)]),
      ...(kinds === null ? {} : { kind: db.command.in(kinds) }),
    };
    concerns = await db.find<Open311Concern>(COLLECTIONS.concerns, where, {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      skip: (page - 1) * pageSize,
      limit: pageSize,
      fields,
    });
  }
  const units = await unitsOf(db, concerns);
  return concerns.map((c) => toServiceRequest(c, units, { extensions }));
}

/** GET requests/{id}.json: the one published concern, as an array of one; unpublished or missing alike 404. */
export async function getOpen311Request(
  input: Open311Input & { readonly serviceRequestId: string },
): Promise<Open311ServiceRequest[]> {
  const { db } = input.ports;
  checkJurisdiction(input.query);
  if (!ID.test(input.serviceRequestId)) throw open311Error('OPEN311_REQUEST_ID_INVALID');
  const concern = await db.findOne<Open311Concern>(
    COLLECTIONS.concerns,
    { _id: input.serviceRequestId, status: db.command.in(PUBLISHED) },
    { fields: [...OPEN311_CONCERN_FIELDS] },
  );
  if (concern === null) throw open311Error('OPEN311_REQUEST_NOT_FOUND');
  const units = await unitsOf(db, [concern]);
  return [toServiceRequest(concern, units, { extensions: wantsExtensions(input.query) })];
}
