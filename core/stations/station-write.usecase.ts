/**
 * Keeping a station (docs/stations.md): `station.save` creates the station of a community or grid, or edits
 * its details; `station.checklist.update` sets items of the 十有, each met or not with its evidence photos (a
 * met item needs 1-3, uploaded for the station's unit: core/files) and a note, recording who changed it and
 * when, and keeps `checklist` and `checklistMet` with the items. Both by the unit's workers and leaders
 * (`station.manage`); both audited from the console.
 */
import { can } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import { checkFilesOfRecord } from '../files/console-files.rules';
import { runCommand } from '../kernel/command.runner';
import { DomainError } from '../kernel/errors';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { Station, StationChecklistItem } from '../model/station.model';
import { parseCommand } from '../schemas/command.parser';
import {
  STATION_CHECKLIST,
  STATION_CHECKLIST_KEYS,
  stationChecklistSchema,
  stationSaveSchema,
  type StationChecklistKey,
  type StationSaveCommand,
} from '../schemas/station.schema';
import { CHECKLIST_TOTAL, itemsOf, stationFor, stationIdOf } from './station-access';
import { stationError } from './station.errors';
import type { StationStepResult } from './station.replies';

const resultOf = (s: Station): StationStepResult => ({
  stationId: s._id,
  checklistMet: s.checklistMet,
  demonstration: s.demonstration,
});

function details(c: StationSaveCommand) {
  return {
    name: c.name,
    address: c.address,
    phone: c.phone,
    openingHours: c.openingHours,
    managerName: c.managerName,
    note: c.note,
  };
}

export async function saveStation(input: UseCaseInput): Promise<StationStepResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const c = parseCommand(stationSaveSchema, input.command);
  if (c.stationId !== undefined) {
    const stationId = c.stationId;
    await stationFor(ports.db, actor, 'station.manage', stationId);
    return runCommand(ports, actor, 'station.save', c, async ({ tx, now, audit }) => {
      const current = await tx.get<Station>(COLLECTIONS.stations, stationId);
      if (current === null) throw stationError('STATION_NOT_FOUND');
      await tx.update(COLLECTIONS.stations, stationId, {
        ...details(c),
        updatedBy: actor.openid,
        updatedAt: now,
      });
      audit({
        entityType: 'station',
        entityId: stationId,
        orgPath: current.orgPath,
        summary: `修改孵化管理中心（站）：${c.name}`,
      });
      return resultOf(current);
    });
  }
  orThrow(listScope(actor, 'station.manage'));
  const unit = await ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, c.orgUnitId!);
  if (unit === null || !can(actor, 'station.manage', { orgPath: unit.path })) {
    throw stationError('STATION_UNIT_NOT_FOUND');
  }
  if (unit.level !== 'community' && unit.level !== 'grid') throw stationError('STATION_UNIT_LEVEL');
  const stationId = stationIdOf(unit._id);
  return runCommand(ports, actor, 'station.save', c, async ({ tx, now, audit }) => {
    if ((await tx.get<Station>(COLLECTIONS.stations, stationId)) !== null)
      throw stationError('STATION_EXISTS');
    const untouched: StationChecklistItem = {
      met: false,
      photos: [],
      note: '',
      updatedBy: null,
      updatedAt: null,
    };
    const station: Station = {
      _id: stationId,
      orgUnitId: unit._id,
      orgPath: unit.path,
      ...details(c),
      checklist: Object.fromEntries(STATION_CHECKLIST_KEYS.map((k) => [k, false])) as Record<
        StationChecklistKey,
        boolean
      >,
      checklistMet: 0,
      items: Object.fromEntries(STATION_CHECKLIST_KEYS.map((k) => [k, untouched])) as Record<
        StationChecklistKey,
        StationChecklistItem
      >,
      demonstration: false,
      demonstrationBy: null,
      demonstrationAt: null,
      demonstrationReason: '',
      lastInspection: null,
      updatedBy: actor.openid,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.stations, station);
    audit({
      entityType: 'station',
      entityId: stationId,
      orgPath: unit.path,
      summary: `新建孵化管理中心（站）：${c.name}（${unit.fullName}）`,
    });
    return resultOf(station);
  });
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export async function updateStationChecklist(input: UseCaseInput): Promise<StationStepResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const c = parseCommand(stationChecklistSchema, input.command);
  for (const item of c.items) {
    if (item.met && item.photos.length === 0) {
      throw new DomainError(
        'STATION_EVIDENCE_REQUIRED',
        `“${STATION_CHECKLIST[item.key]}”标记为已达标，须上传 1 至 3 张佐证照片`,
        { key: item.key },
      );
    }
  }
  const found = await stationFor(ports.db, actor, 'station.manage', c.stationId);
  return runCommand(ports, actor, 'station.checklist.update', c, async ({ tx, now, audit }) => {
    const current = (await tx.get<Station>(COLLECTIONS.stations, found._id)) ?? found;
    const items = itemsOf(current);
    const changed: string[] = [];
    for (const item of c.items) {
      const before = items[item.key];
      // Photos kept from before were checked when they came (the unit may have moved since).
      const added = item.photos.filter((p) => !before.photos.includes(p));
      orThrow(checkFilesOfRecord(added, 'station_evidence', current.orgPath));
      if (before.met === item.met && before.note === item.note && sameList(before.photos, item.photos))
        continue;
      items[item.key] = {
        met: item.met,
        photos: item.photos,
        note: item.note,
        updatedBy: actor.openid,
        updatedAt: now,
      };
      const photos = item.photos.length > 0 ? `，${item.photos.length} 张照片` : '';
      changed.push(`${STATION_CHECKLIST[item.key]}（${item.met ? '达标' : '未达标'}${photos}）`);
    }
    const checklist = Object.fromEntries(STATION_CHECKLIST_KEYS.map((k) => [k, items[k].met])) as Record<
      StationChecklistKey,
      boolean
    >;
    const checklistMet = STATION_CHECKLIST_KEYS.filter((k) => checklist[k]).length;
    if (changed.length > 0) {
      await tx.update(COLLECTIONS.stations, current._id, {
        items,
        checklist,
        checklistMet,
        updatedBy: actor.openid,
        updatedAt: now,
      });
    }
    audit({
      entityType: 'station',
      entityId: current._id,
      orgPath: current.orgPath,
      summary:
        changed.length === 0
          ? `“十有”未变（${current.name}）`
          : `更新“十有”（${current.name}）：${changed.join('、')}；达标 ${checklistMet}/${CHECKLIST_TOTAL}`,
    });
    return { ...resultOf(current), checklistMet };
  });
}
