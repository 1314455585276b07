import type { Database } from '../../db/database.js';
import type { RequestContext } from '../../platform/context.js';
import { scopeOf } from '../../platform/scope.js';
import { getProject } from '../org/project.service.js';
import * as repo from './resources.repository.js';

interface FloorNode {
  floor: number;
  roomCount: number;
}

interface UnitNode {
  id: number | null;
  code: string | null;
  name: string | null;
  floors: FloorNode[];
}

/** Project → building → unit → floor, with room counts: the tree beside the room list. */
export async function resourceTree(db: Database, ctx: RequestContext, projectId: number) {
  const scope = scopeOf(ctx);
  await getProject(db, ctx, projectId);

  const rows = await repo.projectBuildingsAndUnits(db, scope, projectId);
  const counts = await repo.roomTreeCounts(db, scope, projectId);

  const buildings = new Map<
    number,
    { id: number; code: string; name: string; roomCount: number; units: Map<string, UnitNode> }
  >();
  for (const row of rows) {
    let building = buildings.get(row.buildingId);
    if (!building) {
      building = {
        id: row.buildingId,
        code: row.buildingCode,
        name: row.buildingName,
        roomCount: 0,
        units: new Map(),
      };
      buildings.set(row.buildingId, building);
    }
    if (row.unitId !== null) {
      building.units.set(String(row.unitId), {
        id: row.unitId,
        code: row.unitCode,
        name: row.unitName,
        floors: [],
      });
    }
  }

  for (const count of counts) {
    const building = buildings.get(count.building_id);
    if (!building) continue;
    const key = count.unit_id === null ? 'none' : String(count.unit_id);
    let unit = building.units.get(key);
    if (!unit) {
      unit = { id: null, code: null, name: null, floors: [] };
      building.units.set(key, unit);
    }
    const roomCount = Number(count.n);
    unit.floors.push({ floor: count.floor, roomCount });
    building.roomCount += roomCount;
  }

  return {
    buildings: [...buildings.values()].map((building) => ({
      ...building,
      units: [...building.units.values()].map((unit) => ({
        ...unit,
        floors: unit.floors.sort((a, b) => b.floor - a.floor),
      })),
    })),
  };
}
