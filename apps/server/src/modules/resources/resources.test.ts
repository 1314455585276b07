import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Project } from '../org/project.service.js';
import { companyContext, makeCompany, makeProject } from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';
import { createBuilding } from './building.service.js';
import { createParkingLot } from './parking-lot.service.js';
import * as resources from './resource.service.js';
import { resourceTree } from './resource-tree.service.js';
import type { RoomBatchInput } from './resources.schemas.js';
import {
  createRoomBatch,
  floorsBetween,
  previewRoomBatch,
  renderRoomCode,
} from './room-batch.service.js';

const t = setupTestApp();

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);

  return error;
}

async function companyWithProjects(): Promise<{
  ctx: RequestContext;
  orgId: number;
  projects: Project[];
}> {
  const company = await makeCompany(t.db);
  const projects = [await makeProject(t.db, company.orgId), await makeProject(t.db, company.orgId)];

  return { ctx: company.ctx, orgId: company.orgId, projects };
}

describe('room codes from a template', () => {
  it('fills building, unit, floor and a zero-padded room number', () => {
    const code = renderRoomCode('{building}-{unit}-{floor}{room:2}', {
      building: '3',
      unit: '2',
      floor: 15,
      room: 1,
    });

    expect(code).toBe('3-2-1501');
  });

  it('pads basement floors after the minus sign', () => {
    expect(
      renderRoomCode('B{floor:2}-{room:3}', { building: '1', unit: null, floor: -1, room: 7 }),
    ).toBe('B-01-007');
  });

  it('skips floor 0, which Chinese buildings do not have', () => {
    expect(floorsBetween(-2, 2)).toEqual([-2, -1, 1, 2]);
  });
});

describe('resources', () => {
  it('keeps room codes unique per project and kind, but not across projects or kinds', async () => {
    const { ctx, projects } = await companyWithProjects();
    const [a, b] = projects;
    const buildingA = await createBuilding(t.db, ctx, { projectId: a.id, code: '1', name: '1栋' });
    const buildingB = await createBuilding(t.db, ctx, { projectId: b.id, code: '1', name: '1栋' });
    const room = {
      floor: 1,
      code: '1-101',
      area: '89.37',
      use: 'residential',
      status: 'vacant',
    } as const;

    await resources.createRoom(t.db, ctx, { ...room, projectId: a.id, buildingId: buildingA.id });
    const duplicate = await refusal(
      resources.createRoom(t.db, ctx, { ...room, projectId: a.id, buildingId: buildingA.id }),
    );
    const otherProject = await resources.createRoom(t.db, ctx, {
      ...room,
      projectId: b.id,
      buildingId: buildingB.id,
    });
    const storage = await resources.createStorage(t.db, ctx, {
      projectId: a.id,
      code: '1-101',
      storageType: 'storage_room',
      status: 'vacant',
    });

    expect(duplicate.code).toBe('ALREADY_EXISTS');
    expect(duplicate.details?.[0].field).toBe('code');
    expect(otherProject.code).toBe('1-101');
    expect(storage.code).toBe('1-101');
  });

  it('stores areas exactly, with two decimals on both databases', async () => {
    const { ctx, projects } = await companyWithProjects();
    const building = await createBuilding(t.db, ctx, {
      projectId: projects[0].id,
      code: '2',
      name: '2栋',
    });

    const room = await resources.createRoom(t.db, ctx, {
      projectId: projects[0].id,
      buildingId: building.id,
      floor: 14,
      code: '2-1402',
      area: '89.37',
      innerArea: '72.3',
      use: 'residential',
      status: 'occupied',
      feeCoefficient: '1.1',
    });

    expect(room.area).toBe('89.37');
    expect(room.innerArea).toBe('72.30');
    expect(room.feeCoefficient).toBe('1.1000');
  });

  it('refuses an inner area larger than the building area, naming the field', async () => {
    const { ctx, projects } = await companyWithProjects();
    const building = await createBuilding(t.db, ctx, {
      projectId: projects[0].id,
      code: '3',
      name: '3栋',
    });

    const error = await refusal(
      resources.createRoom(t.db, ctx, {
        projectId: projects[0].id,
        buildingId: building.id,
        floor: 1,
        code: '3-101',
        area: '80.00',
        innerArea: '80.01',
        use: 'residential',
        status: 'vacant',
      }),
    );

    expect(error.details?.[0].field).toBe('innerArea');
  });

  it('allows only the statuses that fit the kind of resource', async () => {
    const { ctx, projects } = await companyWithProjects();
    const lot = await createParkingLot(t.db, ctx, {
      projectId: projects[0].id,
      code: 'B1',
      name: '地下停车场',
      lotType: 'underground',
    });

    const error = await refusal(
      resources.createParkingSpace(t.db, ctx, {
        projectId: projects[0].id,
        lotId: lot.id,
        code: 'B1-001',
        spaceType: 'charging',
        status: 'renovating',
      }),
    );
    const space = await resources.createParkingSpace(t.db, ctx, {
      projectId: projects[0].id,
      lotId: lot.id,
      code: 'B1-001',
      spaceType: 'charging',
      status: 'sold',
    });

    expect(error.details?.[0].field).toBe('status');
    expect(space.lotName).toBe('地下停车场');
  });

  it('hides resources of projects outside the caller’s scope', async () => {
    const { ctx, orgId, projects } = await companyWithProjects();
    const building = await createBuilding(t.db, ctx, {
      projectId: projects[1].id,
      code: '9',
      name: '9栋',
    });
    const room = await resources.createRoom(t.db, ctx, {
      projectId: projects[1].id,
      buildingId: building.id,
      floor: 1,
      code: '9-101',
      area: '60.00',
      use: 'residential',
      status: 'vacant',
    });
    const narrowed: RequestContext = {
      ...companyContext(orgId),
      actor: { ...companyContext(orgId).actor!, projectIds: [projects[0].id] },
    };

    const error = await refusal(resources.getResource(t.db, narrowed, room.id));
    const list = await resources.listRooms(t.db, narrowed, { page: 1, pageSize: 20 });

    expect(error.code).toBe('NOT_FOUND');
    expect(list.items.map((r) => r.id)).not.toContain(room.id);
  });
});

describe('bulk room creation', () => {
  async function pattern(): Promise<{ ctx: RequestContext; input: RoomBatchInput }> {
    const { ctx, projects } = await companyWithProjects();
    const b1 = await createBuilding(t.db, ctx, {
      projectId: projects[0].id,
      code: '1',
      name: '1栋',
    });
    const b2 = await createBuilding(t.db, ctx, {
      projectId: projects[0].id,
      code: '2',
      name: '2栋',
    });

    return {
      ctx,
      input: {
        projectId: projects[0].id,
        buildingIds: [b1.id, b2.id],
        unitCount: 2,
        floorFrom: 1,
        floorTo: 3,
        roomsPerFloor: 2,
        codeTemplate: '{building}-{unit}-{floor}{room:2}',
        area: '89.37',
        use: 'residential',
        status: 'unsold',
      },
    };
  }

  it('previews 2 buildings × 2 units × 3 floors × 2 rooms = 24 rooms without writing', async () => {
    const { ctx, input } = await pattern();

    const preview = await previewRoomBatch(t.db, ctx, input);
    const rooms = await resources.listRooms(t.db, ctx, {
      projectId: input.projectId,
      page: 1,
      pageSize: 1,
    });

    expect(preview).toMatchObject({ total: 24, toCreate: 24, existing: 0 });
    expect(preview.sample.slice(0, 3).map((r) => r.code)).toEqual([
      '1-1-101',
      '1-1-102',
      '1-1-201',
    ]);
    expect(rooms.total).toBe(0);
  });

  it('creates the rooms and their units once; running it again creates nothing', async () => {
    const { ctx, input } = await pattern();

    const first = await createRoomBatch(t.db, ctx, input);
    const second = await createRoomBatch(t.db, ctx, input);
    const tree = await resourceTree(t.db, ctx, input.projectId);

    expect(first).toEqual({ created: 24, skipped: 0, unitsCreated: 4 });
    expect(second).toEqual({ created: 0, skipped: 24, unitsCreated: 0 });
    expect(tree.buildings.map((b) => [b.code, b.roomCount, b.units.length])).toEqual([
      ['1', 12, 2],
      ['2', 12, 2],
    ]);
    expect(tree.buildings[0].units[0].floors).toEqual([
      { floor: 3, roomCount: 2 },
      { floor: 2, roomCount: 2 },
      { floor: 1, roomCount: 2 },
    ]);
  });

  it('refuses a template that would give two rooms the same code', async () => {
    const { ctx, input } = await pattern();

    const error = await refusal(
      previewRoomBatch(t.db, ctx, { ...input, codeTemplate: '{floor}{room:2}' }),
    );

    expect(error.details?.[0].field).toBe('codeTemplate');
  });
});
