/**
 * The demo's 孵化管理中心（站） (docs/stations.md): every community has one; 27 are 示范点 with all ten of the 十有
 * met and a passed inspection — 东门社区's among them — named by 玉州区; the other communities of 玉城街道 have
 * mixed completion and inspections (one 需整改), and two grids of 东门社区 have their own stations (金港花园 with
 * six of ten, to be completed). A met item carries an evidence photo's file id in the console's layout
 * (core/files/console-files.rules.ts); `npm start` stores a small generated picture behind those of 玉城街道's
 * stations (`demoEvidencePhotos`, scripts/seed-demo.ts), the others have none (their page shows the item
 * without its picture). Drawn from its own seeded stream, so the rest of the demo does not move with it.
 */
import type { OrgUnit } from '../core/model/org-unit.model';
import type {
  Station,
  StationChecklistItem,
  StationInspection,
  StationInspectionRef,
} from '../core/model/station.model';
import { parsePath } from '../core/org/org-path';
import {
  STATION_CHECKLIST_KEYS,
  type StationChecklistKey,
  type StationInspectionResult,
} from '../core/schemas/station.schema';
import { DAY_MS, DEMO_COMMUNITY_ID, DEMO_STREET_ID } from './demo.constants';
import { shanghaiDate } from './demo-people';
import { landline, personName } from './names.data';
import { Rng } from './prng';
import type { YulinGeography } from './yulin.geography';

const COMMUNITY_WORKER = 'demo-community-worker-1';
const STREET_WORKER = 'demo-street-worker-1';
const COUNTY_LEADER = 'demo-county-leader-1';
const STREET_PATH_IDS = 3;

export interface DemoStations {
  readonly stations: Station[];
  readonly inspections: StationInspection[];
}

/** An evidence photo's id where the console would have kept it. */
function photoOf(unit: OrgUnit, key: StationChecklistKey, at: number): string {
  const day = shanghaiDate(at).replace(/-/g, '');
  return `cloud://local.local-bucket/console/station_evidence/${parsePath(unit.path).join('/')}/${day}-${unit._id}-${key}.png`;
}

function itemsFor(
  unit: OrgUnit,
  met: ReadonlySet<StationChecklistKey>,
  at: number,
  by: string | null,
): Record<StationChecklistKey, StationChecklistItem> {
  const itemOf = (key: StationChecklistKey): StationChecklistItem =>
    met.has(key)
      ? { met: true, photos: [photoOf(unit, key, at)], note: '', updatedBy: by, updatedAt: at }
      : { met: false, photos: [], note: '', updatedBy: null, updatedAt: null };
  return Object.fromEntries(STATION_CHECKLIST_KEYS.map((key) => [key, itemOf(key)])) as Record<
    StationChecklistKey,
    StationChecklistItem
  >;
}

interface Plan {
  readonly unit: OrgUnit;
  readonly met: ReadonlySet<StationChecklistKey>;
  readonly demonstration: boolean;
  /** Inspections, oldest first: days ago and result. */
  readonly inspections: readonly { readonly daysAgo: number; readonly result: StationInspectionResult }[];
}

const demoStreet = (u: OrgUnit) => parsePath(u.path)[STREET_PATH_IDS - 1] === DEMO_STREET_ID;

/** What each station is to be: the communities' (27 示范点), then two grids of 东门社区. */
function plansOf(rng: Rng, geo: YulinGeography): Plan[] {
  const urbanOf = (county: OrgUnit) =>
    geo.communities.filter((c) => c.path.startsWith(county.path) && c.kind === 'urban');
  const chosen = [...urbanOf(geo.counties[0]!).slice(0, 22), ...urbanOf(geo.counties[6]!).slice(0, 5)];
  if (!chosen.some((c) => c._id === DEMO_COMMUNITY_ID)) chosen[0] = geo.byId.get(DEMO_COMMUNITY_ID)!;
  const demonstrationIds = new Set(chosen.map((c) => c._id));
  const all = new Set(STATION_CHECKLIST_KEYS);

  const plans: Plan[] = geo.communities.map((unit) => {
    if (demonstrationIds.has(unit._id)) {
      return {
        unit,
        met: all,
        demonstration: true,
        inspections: [{ daysAgo: rng.int(20, 90), result: 'pass' }],
      };
    }
    const met = new Set(STATION_CHECKLIST_KEYS.filter(() => rng.chance(0.6)));
    const inspections: Plan['inspections'] = demoStreet(unit)
      ? [{ daysAgo: rng.int(10, 60), result: met.size >= 8 ? 'pass' : 'rectify' }]
      : [];
    return { unit, met, demonstration: false, inspections };
  });
  // Two grids of 东门社区 with stations of their own: one nearly complete, one with work to do.
  const grids = geo.gridsOfCommunity.get(DEMO_COMMUNITY_ID) ?? [];
  if (grids[0] !== undefined) {
    const met = new Set<StationChecklistKey>(['phone', 'computer', 'logo', 'rules', 'flowchart', 'managers']);
    plans.push({
      unit: grids[0],
      met,
      demonstration: false,
      inspections: [{ daysAgo: 15, result: 'rectify' }],
    });
  }
  if (grids[1] !== undefined) {
    const met = new Set(STATION_CHECKLIST_KEYS.filter((k) => k !== 'infoSystem'));
    plans.push({ unit: grids[1], met, demonstration: false, inspections: [] });
  }
  return plans;
}

export function demoStations(seed: number, geo: YulinGeography, now: number): DemoStations {
  const rng = Rng.derive(seed, 'stations');
  const plans = plansOf(rng, geo);
  const stations: Station[] = [];
  const inspections: StationInspection[] = [];
  for (const plan of plans) {
    const { unit } = plan;
    const updatedAt = now - rng.int(1, 200) * DAY_MS;
    const stationId = `st-${unit._id}`;
    let last: StationInspectionRef | null = null;
    plan.inspections.forEach((ins, i) => {
      const at = now - ins.daysAgo * DAY_MS;
      const inspection: StationInspection = {
        _id: `si-${unit._id}-${i + 1}`,
        stationId,
        orgPath: unit.path,
        date: shanghaiDate(at),
        result: ins.result,
        findings: STATION_CHECKLIST_KEYS.filter((k) => !plan.met.has(k)).map((key) => ({
          key,
          ok: false,
          note: '尚未达标',
        })),
        note: ins.result === 'pass' ? '' : '请一个月内补齐未达标项目，并上传佐证照片',
        inspectorOpenid: STREET_WORKER,
        inspectorOrgPath: `/${parsePath(unit.path).slice(0, STREET_PATH_IDS).join('/')}/`,
        createdAt: at,
      };
      inspections.push(inspection);
      last = { inspectionId: inspection._id, date: inspection.date, result: ins.result, at };
    });
    const checklist = Object.fromEntries(STATION_CHECKLIST_KEYS.map((k) => [k, plan.met.has(k)])) as Record<
      StationChecklistKey,
      boolean
    >;
    stations.push({
      _id: stationId,
      name: `${unit.name}“为民红绳”孵化管理${plan.demonstration ? '中心' : '站'}`,
      orgUnitId: unit._id,
      address: `${unit.fullName}${unit.level === 'grid' ? '物业服务中心' : '党群服务中心'}`,
      phone: landline(rng),
      openingHours: '周一至周五 8:30-12:00，14:30-17:30',
      managerName: personName(rng),
      checklist,
      checklistMet: plan.met.size,
      items: itemsFor(unit, plan.met, updatedAt, demoStreet(unit) ? COMMUNITY_WORKER : null),
      demonstration: plan.demonstration,
      demonstrationBy:
        plan.demonstration && unit.path.startsWith(geo.counties[0]!.path) ? COUNTY_LEADER : null,
      demonstrationAt: plan.demonstration ? now - 10 * DAY_MS : null,
      demonstrationReason: plan.demonstration ? '“十有”齐全，检查合格' : '',
      lastInspection: last,
      note: plan.demonstration ? '“十有”标准示范点' : '',
      updatedBy: null,
      orgPath: unit.path,
      createdAt: now - 700 * DAY_MS,
      updatedAt,
    });
  }
  return { stations, inspections };
}

/** The evidence photos `npm start` stores pictures for: those of 玉城街道's stations (the demo accounts' street). */
export function demoEvidencePhotos(stations: readonly Station[]): string[] {
  return stations
    .filter((s) => demoStreet({ path: s.orgPath } as OrgUnit))
    .flatMap((s) => Object.values(s.items ?? {}).flatMap((item) => item.photos));
}
