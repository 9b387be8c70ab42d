/** admin-api's places routes (docs/people-and-places.md): the org tree a level at a time, a unit saved or moved. */
import type { OrgMoveResult, OrgUnitSaveResult, PlacesReply } from '../../../../core/console/people.replies';
import { get, post, queryOf } from '../../api/http';

export const places = (parentId?: string) =>
  get<PlacesReply>(`/console/api/places${queryOf({ parentId: parentId ?? '' })}`);

export interface UnitSave {
  readonly unitId?: string;
  readonly parentId?: string;
  readonly name: string;
  readonly kind?: string;
  readonly clientRequestId: string;
}

export const saveUnit = (save: UnitSave) => post<OrgUnitSaveResult>('/console/api/places', save);

export const moveUnit = (unitId: string, toParentId: string, clientRequestId: string) =>
  post<OrgMoveResult>(`/console/api/places/${encodeURIComponent(unitId)}/move`, {
    toParentId,
    clientRequestId,
  });

export interface UnitOption {
  readonly value: string;
  readonly label: string;
  readonly level: string;
}

/**
 * The units a worker may pick for a grant or a new item: their own top units and up to `depth` levels below,
 * read a level at a time (a street: its communities and their grids). A level the worker may not read is
 * left out.
 */
export async function unitOptions(depth: number, maxReads = 40): Promise<UnitOption[]> {
  const options: UnitOption[] = [];
  let reads = 0;
  async function walk(parentId: string | undefined, level: number): Promise<void> {
    if (reads >= maxReads) return;
    reads += 1;
    let reply: PlacesReply;
    try {
      reply = await places(parentId);
    } catch {
      return;
    }
    for (const u of reply.units) {
      options.push({ value: u.unitId, label: u.fullName, level: u.level });
      if (level < depth && u.childCount > 0) await walk(u.unitId, level + 1);
    }
  }
  await walk(undefined, 0);
  return options;
}
