/**
 * The volunteer's own record and what is issued from it:
 * - volunteer.me: the five kinds of record of 民政部令第67号 (the basic one is the profile itself; service
 *   records come from confirmed hours, training, awards and evaluations from their own records), the totals
 *   and the star level by config.volunteers.starHours;
 * - volunteer.ranking: a community's volunteers by the year's confirmed minutes, names masked as the public
 *   sees them, numbers shown;
 * - volunteer.certificate: a numbered service certificate (YLZYZ- + year + sequence from a counter in the
 *   transaction), listing the confirmed hours, recorded in `volunteer_certificates`, returned as a .docx.
 */
import { authorize } from '../auth/authorize';
import { maskedName } from '../auth/concern-access';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import {
  VOLUNTEER_RECORD_KINDS,
  type CertificateLine,
  type VolunteerCertificate,
  type VolunteerCounter,
  type VolunteerProfile,
  type VolunteerRecord,
  type VolunteerRecordKind,
} from '../model/volunteer.model';
import { unitIdOfPath } from '../org/org-path';
import { parseCommand } from '../schemas/command.parser';
import {
  volunteerCertificateSchema,
  volunteerMeSchema,
  volunteerRankingSchema,
} from '../schemas/volunteer-activity.schema';
import { certificateNumber, communitiesOf, shanghaiYear, starLevelFor } from './activity.rules';
import { certificateFileName, volunteerCertificateBase64 } from './volunteer-certificate.document';
import { volunteerError } from './volunteer.errors';
import type {
  VolunteerCertificateResult,
  VolunteerMeResult,
  VolunteerRankingResult,
  VolunteerRecordView,
} from './volunteer.replies';

type RecordKind = Exclude<VolunteerRecordKind, 'basic'>;

async function ownRecords(
  input: UseCaseInput,
): Promise<{ profile: VolunteerProfile; records: VolunteerRecord[] }> {
  const { ports, actor } = input;
  requireIdentity(actor);
  authorize(
    actor,
    'volunteer.record.view',
    { ownerOpenid: actor.openid },
    { roles: ['volunteer', 'party_member'] },
  );
  const profile = await ports.db.get<VolunteerProfile>(COLLECTIONS.volunteers, actor.openid);
  if (profile === null) throw volunteerError('VOLUNTEER_NOT_FOUND');
  const records = await ports.db.find<VolunteerRecord>(
    COLLECTIONS.volunteerRecords,
    { openid: actor.openid },
    {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: 1000,
    },
  );
  return { profile, records };
}

function recordView(r: VolunteerRecord): VolunteerRecordView {
  return {
    recordId: r._id,
    kind: r.kind,
    title: r.title,
    minutes: r.minutes,
    correctsRecordId: r.correctsRecordId,
    year: r.year,
    serviceAt: r.serviceAt,
    note: r.note,
    createdAt: r.createdAt,
    issuer: r.issuer ?? '',
    grade: r.grade ?? null,
  };
}

export async function volunteerMe(input: UseCaseInput): Promise<VolunteerMeResult> {
  parseCommand(volunteerMeSchema, input.command);
  const { profile, records } = await ownRecords(input);
  return volunteerRecordOf(profile, records, input.config ?? DEFAULT_PLATFORM_CONFIG);
}

/** A volunteer's record of the five kinds (newest first), the totals and the star level. */
export function volunteerRecordOf(
  profile: VolunteerProfile,
  records: readonly VolunteerRecord[],
  config: PlatformConfig,
): VolunteerMeResult {
  const byKind = Object.fromEntries(
    VOLUNTEER_RECORD_KINDS.filter((k): k is RecordKind => k !== 'basic').map((k) => [
      k,
      records.filter((r) => r.kind === k).map(recordView),
    ]),
  ) as Record<RecordKind, VolunteerRecordView[]>;
  const starLevel = starLevelFor(profile.totalMinutes, config.volunteers.starHours);
  const next = config.volunteers.starHours[starLevel];
  return {
    basic: {
      volunteerNo: profile.volunteerNo,
      name: profile.name,
      communityId: profile.communityId,
      teamIds: profile.teamIds,
      since: profile.createdAt,
    },
    totalMinutes: profile.totalMinutes,
    totalHours: Math.round((profile.totalMinutes / 60) * 10) / 10,
    serviceCount: profile.serviceCount,
    starLevel,
    nextStarHours: next === undefined ? null : Math.ceil(next - profile.totalMinutes / 60),
    records: byKind,
  };
}

const RANKING_SIZE = 50;

export async function volunteerRanking(input: UseCaseInput): Promise<VolunteerRankingResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const query = parseCommand(volunteerRankingSchema, input.command);
  authorize(actor, 'activity.view', {});
  let communityId = query.communityId;
  if (communityId === undefined) {
    const [home] = communitiesOf(actor);
    if (home === undefined) throw volunteerError('ACTIVITY_COMMUNITY_REQUIRED');
    communityId = unitIdOfPath(home);
  }
  const unit = await ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, communityId);
  if (unit === null || unit.level !== 'community') throw volunteerError('ACTIVITY_UNIT_NOT_FOUND');
  const field = `minutesByYear.${query.year}`;
  const { db } = ports;
  const profiles = await db.find<VolunteerProfile>(
    COLLECTIONS.volunteers,
    { communityId: unit._id, [field]: db.command.gt(0) },
    {
      orderBy: [
        [field, 'desc'],
        ['_id', 'asc'],
      ],
      limit: RANKING_SIZE,
    },
  );
  return {
    communityId: unit._id,
    year: query.year,
    rows: profiles.map((p, i) => {
      const minutes = p.minutesByYear[String(query.year)] ?? 0;
      return {
        rank: i + 1,
        volunteerNo: p.volunteerNo,
        name: maskedName(p.name),
        minutes,
        hours: Math.round((minutes / 60) * 10) / 10,
        starLevel: starLevelFor(p.totalMinutes, config.volunteers.starHours),
      };
    }),
  };
}

/** The certificate's lines: confirmed minutes per activity (corrections summed in), of the year or all years. */
export function certificateLines(
  records: readonly VolunteerRecord[],
  year: number | null,
): CertificateLine[] {
  const byActivity = new Map<string, CertificateLine>();
  for (const r of records) {
    if (r.kind !== 'service' || (year !== null && r.year !== year)) continue;
    const key = r.signupId ?? r._id;
    const line = byActivity.get(key);
    byActivity.set(key, {
      title: r.title,
      serviceAt: r.serviceAt,
      minutes: (line?.minutes ?? 0) + r.minutes,
    });
  }
  return [...byActivity.values()].filter((l) => l.minutes > 0).sort((a, b) => a.serviceAt - b.serviceAt);
}

export async function volunteerCertificate(input: UseCaseInput): Promise<VolunteerCertificateResult> {
  const { ports, actor } = input;
  const command = parseCommand(volunteerCertificateSchema, input.command);
  const { profile, records } = await ownRecords(input);
  const year = command.year ?? null;
  const lines = certificateLines(records, year).slice(0, 200);
  const totalMinutes = lines.reduce((sum, l) => sum + l.minutes, 0);
  if (totalMinutes <= 0) throw volunteerError('VOLUNTEER_NO_HOURS');
  const certificate = await runCommand(
    ports,
    actor,
    'volunteer.certificate',
    command,
    async ({ tx, now }) => {
      const issueYear = shanghaiYear(now);
      const counterId = `certificateNo-${issueYear}`;
      const counter = await tx.get<VolunteerCounter>(COLLECTIONS.volunteerCounters, counterId);
      const seq = (counter?.seq ?? 0) + 1;
      if (counter === null)
        await tx.insert(COLLECTIONS.volunteerCounters, { _id: counterId, seq } as VolunteerCounter);
      else await tx.update(COLLECTIONS.volunteerCounters, counterId, { seq });
      const doc: VolunteerCertificate = {
        _id: ports.ids.next(),
        certificateNo: certificateNumber(issueYear, seq),
        openid: actor.openid,
        orgPath: profile.orgPath,
        volunteerNo: profile.volunteerNo,
        name: profile.name,
        year,
        totalMinutes,
        lines,
        issuedAt: now,
      };
      await tx.insert(COLLECTIONS.volunteerCertificates, doc);
      return doc;
    },
  );
  return {
    certificateNo: certificate.certificateNo,
    fileName: certificateFileName(certificate),
    base64: await volunteerCertificateBase64(certificate),
    totalMinutes: certificate.totalMinutes,
    issuedAt: certificate.issuedAt,
  };
}
