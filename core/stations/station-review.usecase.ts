/**
 * Looking at a station from above (docs/stations.md): `station.inspect` records an inspection by a street's
 * (or a higher unit's) worker or leader — the day, 合格 / 需整改 / 不合格, findings per item, a note — and keeps
 * the latest one on the station; `station.demonstration.set` names or unnames a 示范点, by a county's or the
 * city's workers and leaders, naming only a station whose ten are all met and whose last inspection passed.
 */
import { runCommand } from '../kernel/command.runner';
import { DomainError } from '../kernel/errors';
import { requireIdentity } from '../kernel/identity';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { Station, StationInspection, StationInspectionRef } from '../model/station.model';
import { parseCommand } from '../schemas/command.parser';
import {
  STATION_INSPECTION_RESULT_LABELS,
  stationDemonstrationSchema,
  stationInspectSchema,
} from '../schemas/station.schema';
import { demonstrationBlockers, grantFrom, stationFor } from './station-access';
import { stationError } from './station.errors';
import type { StationStepResult } from './station.replies';

/** Whether `a` is a later inspection than `b` (by its day, then when it was recorded). */
function later(a: StationInspectionRef, b: StationInspectionRef | null | undefined): boolean {
  return b === null || b === undefined || a.date > b.date || (a.date === b.date && a.at >= b.at);
}

export async function inspectStation(input: UseCaseInput): Promise<StationStepResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const c = parseCommand(stationInspectSchema, input.command);
  const station = await stationFor(ports.db, actor, 'station.inspect', c.stationId);
  const grant = grantFrom(actor, 'station.inspect', station.orgPath, 'street');
  if (grant === null) throw stationError('STATION_INSPECTOR_LEVEL');
  if (c.date > formatShanghaiMinute(ports.clock.now()).slice(0, 10)) {
    throw stationError('STATION_INSPECTION_DATE_FUTURE');
  }
  if (c.result !== 'pass' && c.note === '') throw stationError('STATION_INSPECTION_NOTE_REQUIRED');
  const inspectionId = `si-${ports.ids.next()}`;
  return runCommand(ports, actor, 'station.inspect', c, async ({ tx, now, audit }) => {
    const current = (await tx.get<Station>(COLLECTIONS.stations, station._id)) ?? station;
    const inspection: StationInspection = {
      _id: inspectionId,
      stationId: current._id,
      orgPath: current.orgPath,
      date: c.date,
      result: c.result,
      findings: c.findings,
      note: c.note,
      inspectorOpenid: actor.openid,
      inspectorOrgPath: grant.orgPath!,
      createdAt: now,
    };
    await tx.insert(COLLECTIONS.stationInspections, inspection);
    const ref: StationInspectionRef = { inspectionId, date: c.date, result: c.result, at: now };
    if (later(ref, current.lastInspection)) {
      await tx.update(COLLECTIONS.stations, current._id, { lastInspection: ref, updatedAt: now });
    }
    audit({
      entityType: 'station',
      entityId: current._id,
      orgPath: current.orgPath,
      role: grant.role,
      summary: `检查孵化管理中心（站）${current.name}：${STATION_INSPECTION_RESULT_LABELS[c.result]}（${c.date}）`,
    });
    return {
      stationId: current._id,
      checklistMet: current.checklistMet,
      demonstration: current.demonstration,
      inspectionId,
    };
  });
}

export async function setStationDemonstration(input: UseCaseInput): Promise<StationStepResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const c = parseCommand(stationDemonstrationSchema, input.command);
  const station = await stationFor(ports.db, actor, 'station.demonstrate', c.stationId);
  const grant = grantFrom(actor, 'station.demonstrate', station.orgPath, 'county');
  if (grant === null) throw stationError('STATION_DEMONSTRATOR_LEVEL');
  return runCommand(ports, actor, 'station.demonstration.set', c, async ({ tx, now, audit }) => {
    const current = (await tx.get<Station>(COLLECTIONS.stations, station._id)) ?? station;
    if (current.demonstration === c.demonstration) throw stationError('STATION_DEMONSTRATION_UNCHANGED');
    if (c.demonstration) {
      const blocker = demonstrationBlockers(current)[0];
      if (blocker !== undefined) throw new DomainError(blocker.code, blocker.message);
    }
    await tx.update(COLLECTIONS.stations, current._id, {
      demonstration: c.demonstration,
      demonstrationBy: actor.openid,
      demonstrationAt: now,
      demonstrationReason: c.reason,
      updatedAt: now,
    });
    audit({
      entityType: 'station',
      entityId: current._id,
      orgPath: current.orgPath,
      role: grant.role,
      summary: `${c.demonstration ? '命名' : '撤销'}示范点：${current.name}${c.reason === '' ? '' : `（${c.reason}）`}`,
    });
    return { stationId: current._id, checklistMet: current.checklistMet, demonstration: c.demonstration };
  });
}
