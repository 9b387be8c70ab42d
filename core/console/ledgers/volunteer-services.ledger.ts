/**
 * 志愿服务台账 (`volunteer_services`, docs/ledgers.md): the service records (confirmed hours) of the unit's
 * volunteers whose service day falls in the period, by service time: one row per record, a correction as a
 * row of its own with the difference (negative when hours were lowered) naming the record it corrects, so
 * the totals are the hours credited. Names are masked (张**) and identified by the volunteer number: the
 * ledger is printed and passed around, and identity numbers are never stored (decision 0047 on why this is
 * our own layout, not the national 志愿服务信息系统's).
 */
import { maskedName } from '../../auth/concern-access';
import type { DatabasePort } from '../../kernel/database.port';
import { formatShanghaiMinute } from '../../kernel/shanghai-time';
import { COLLECTIONS } from '../../model/collections.model';
import type { VolunteerTeam } from '../../model/party.model';
import type { VolunteerActivity, VolunteerProfile, VolunteerRecord } from '../../model/volunteer.model';
import { communityOf } from '../console-orders.query';
import { withinRoot } from '../console-scope';
import { unitNames } from '../console-units';
import { pagesByTime } from './ledger-pages';
import type { LedgerScope, LedgerSource } from './ledger.kinds';
import type { LedgerCell } from './ledger.ports';

const RECORD_FIELDS = [
  'openid',
  'orgPath',
  'title',
  'activityId',
  'minutes',
  'correctsRecordId',
  'serviceAt',
  'createdAt',
  'kind',
];

const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

async function byIds<T extends { _id: string }>(
  db: DatabasePort,
  collection: string,
  ids: readonly (string | null)[],
  fields: readonly string[],
): Promise<Map<string, T>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const found = await db.find<T>(
    collection,
    { _id: db.command.in(unique) },
    { limit: unique.length, fields },
  );
  return new Map(found.map((d) => [d._id, d]));
}

/** The organiser as a reader knows it: the team's name, or the unit's for a community's own activity. */
function organiserOf(
  activity: VolunteerActivity | undefined,
  teams: ReadonlyMap<string, VolunteerTeam>,
  units: ReadonlyMap<string, string>,
): string {
  if (activity === undefined) return '';
  if (activity.teamId !== null) return teams.get(activity.teamId)?.name ?? '';
  return units.get(activity.orgPath) ?? units.get(communityOf(activity.orgPath)) ?? '';
}

async function recordRows(scope: LedgerScope, page: readonly VolunteerRecord[]): Promise<LedgerCell[][]> {
  const { db } = scope;
  const [profiles, activities] = await Promise.all([
    byIds<VolunteerProfile>(
      db,
      COLLECTIONS.volunteers,
      page.map((r) => r.openid),
      ['volunteerNo', 'name'],
    ),
    byIds<VolunteerActivity>(
      db,
      COLLECTIONS.volunteerActivities,
      page.map((r) => r.activityId),
      ['teamId', 'orgPath', 'title'],
    ),
  ]);
  const acts = [...activities.values()];
  const teams = await byIds<VolunteerTeam>(
    db,
    COLLECTIONS.volunteerTeams,
    acts.map((a) => a.teamId),
    ['name'],
  );
  // Community names, read once per export (scope.communityNames), and the units of community activities.
  const known = scope.communityNames;
  const paths = [...page.map((r) => communityOf(r.orgPath)), ...acts.map((a) => a.orgPath)];
  const missing = [...new Set(paths)].filter((p) => !known.has(p));
  if (missing.length > 0) {
    const found = await unitNames(db, missing);
    for (const p of missing) known.set(p, found.get(p) ?? '');
  }
  return page.map((r) => {
    const profile = profiles.get(r.openid);
    return [
      formatShanghaiMinute(r.serviceAt),
      profile?.volunteerNo ?? '',
      profile === undefined ? '' : maskedName(profile.name),
      known.get(communityOf(r.orgPath)) ?? '',
      r.title,
      organiserOf(r.activityId === null ? undefined : activities.get(r.activityId), teams, known),
      r.minutes,
      hours(r.minutes),
      r.correctsRecordId === null ? '确认' : '更正',
      r.correctsRecordId ?? '',
      formatShanghaiMinute(r.createdAt),
      r._id,
    ];
  });
}

export function volunteerServicesLedger(): LedgerSource<VolunteerRecord> {
  const where = (scope: LedgerScope) => ({ ...withinRoot(scope.db, scope.root), kind: 'service' });
  return {
    columns: [
      { header: '服务时间', width: 17 },
      { header: '志愿者编号', width: 14 },
      { header: '姓名', width: 8 },
      { header: '所属社区', width: 14 },
      { header: '服务活动', width: 26 },
      { header: '组织方', width: 22 },
      { header: '确认时长（分钟）', width: 10, numFmt: '0' },
      { header: '确认时长（小时）', width: 10, numFmt: '0.00' },
      { header: '记录类型', width: 9 },
      { header: '更正的记录', width: 26 },
      { header: '确认时间', width: 17 },
      { header: '记录编号', width: 26 },
    ],
    // Names masked, no phones.
    personalData: false,
    count: (scope) =>
      scope.db.count(COLLECTIONS.volunteerRecords, {
        ...where(scope),
        serviceAt: scope.db.command.and([scope.db.command.gte(scope.start), scope.db.command.lt(scope.end)]),
      }),
    pages: (scope) =>
      pagesByTime<VolunteerRecord>(scope.db, {
        collection: COLLECTIONS.volunteerRecords,
        where: where(scope),
        field: 'serviceAt',
        start: scope.start,
        end: scope.end,
        fields: RECORD_FIELDS,
      }),
    rows: recordRows,
    tally() {
      let minutes = 0;
      let corrections = 0;
      const volunteers = new Set<string>();
      const activities = new Set<string>();
      return {
        add(r) {
          minutes += r.minutes;
          if (r.correctsRecordId !== null) corrections += 1;
          volunteers.add(r.openid);
          if (r.activityId !== null) activities.add(r.activityId);
        },
        cells: (rows) => [
          `共 ${rows} 条`,
          `志愿者 ${volunteers.size} 人`,
          '',
          '',
          `活动 ${activities.size} 场`,
          '',
          minutes,
          hours(minutes),
          `更正 ${corrections} 条`,
          '',
          '',
          '',
        ],
      };
    },
  };
}
