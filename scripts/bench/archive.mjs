// Benchmarks of the property archive, run in a child process so that its peak memory is its own.
// Usage: node scripts/bench/archive.mjs import|list-db <dir>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (file) => import(pathToFileURL(path.join(root, 'apps/server/dist', file)).href);

// ExcelJS with the streaming reader fixed, loaded before anything else loads ExcelJS.
const { default: ExcelJS } = await dist('platform/exceljs.js');

const { openDatabase, migrateToLatest } = await dist('db/database.js');
const { createCompany } = await dist('modules/org/company.service.js');
const { createProject } = await dist('modules/org/project.service.js');
const { createBuilding } = await dist('modules/resources/building.service.js');
const { createRoomBatch } = await dist('modules/resources/room-batch.service.js');
const { systemContext } = await dist('platform/context.js');
const { permissionCatalogue } = await dist('modules/catalogue.js');

const [mode, dir] = process.argv.slice(2);
fs.mkdirSync(dir, { recursive: true });

async function company(db) {
  const created = await createCompany(db, systemContext(), {
    name: '压测物业',
    code: `bench${Date.now()}`,
    adminUsername: 'bench',
    adminName: '压测',
    adminPassword: 'bench12345',
  });
  const ctx = systemContext({
    actor: {
      kind: 'employee',
      id: 1,
      orgId: created.id,
      name: 'bench',
      username: 'bench',
      channel: 'console',
      sessionId: 'bench',
      permissions: new Set(permissionCatalogue.codes('console')),
      projectIds: 'all',
      authEpoch: 0,
    },
  });
  const project = await createProject(db, ctx, {
    name: '压测花园',
    code: 'BENCH',
    type: 'residential',
  });

  return { ctx, project };
}

/** 50,000 rooms with owners: 25 buildings × 4 units × 25 floors × 20 rooms. */
async function writeWorkbook(file) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('房屋导入');
  sheet
    .addRow([
      '楼栋编号',
      '单元编号',
      '楼层',
      '房屋编号',
      '建筑面积',
      '套内面积',
      '户型',
      '装修',
      '用途',
      '状态',
      '业主姓名',
      '业主手机',
    ])
    .commit();
  let n = 0;
  for (let b = 1; b <= 25; b += 1) {
    for (let u = 1; u <= 4; u += 1) {
      for (let f = 1; f <= 25; f += 1) {
        for (let r = 1; r <= 20; r += 1) {
          n += 1;
          const code = `${b}-${u}-${f}${String(r).padStart(2, '0')}`;
          sheet
            .addRow([
              String(b),
              String(u),
              f,
              code,
              '89.37',
              '72.15',
              '3室2厅1卫',
              '精装',
              '住宅',
              '已入住',
              `业主${n}`,
              `139${String(n).padStart(8, '0')}`,
            ])
            .commit();
        }
      }
    }
  }
  await workbook.commit();

  return n;
}

if (mode === 'import') {
  const handle = openDatabase({ sqlitePath: path.join(dir, 'import.db') });
  await migrateToLatest(handle.db);
  const { ctx, project } = await company(handle.db);
  for (let b = 1; b <= 25; b += 1) {
    await createBuilding(handle.db, ctx, {
      projectId: project.id,
      code: String(b),
      name: `${b}栋`,
    });
  }
  const file = path.join(dir, 'rooms.xlsx');
  const rows = await writeWorkbook(file);
  const { importJobHandler } = await dist('modules/imports/import.service.js');
  const { roomImport } = await dist('modules/resources/room-import.js');
  const run = importJobHandler([roomImport]);
  const job = (mode) => ({
    id: 0,
    ctx,
    payload: { kind: 'rooms', projectId: project.id, mode, file },
    progress: async () => {},
  });

  const started = process.hrtime.bigint();
  const dryRun = await run(handle.db, job('dry_run'));
  const dryRunSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.copyFileSync(file, `${file}.keep`);
  const imported = await run(handle.db, job('import'));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.renameSync(`${file}.keep`, file);
  await handle.close();

  process.stdout.write(
    JSON.stringify({
      rows,
      dryRunSeconds,
      seconds,
      created: imported.created,
      errors: dryRun.errorCount + imported.errorCount,
      sample: dryRun.errors.slice(0, 3),
      peakMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
} else if (mode === 'list-db') {
  const handle = openDatabase({ sqlitePath: path.join(dir, 'aishang.db') });
  await migrateToLatest(handle.db);
  const { ctx, project } = await company(handle.db);
  const buildingIds = [];
  for (let b = 1; b <= 50; b += 1) {
    buildingIds.push(
      (
        await createBuilding(handle.db, ctx, {
          projectId: project.id,
          code: String(b),
          name: `${b}栋`,
        })
      ).id,
    );
  }
  for (let i = 0; i < 50; i += 10) {
    await createRoomBatch(handle.db, ctx, {
      projectId: project.id,
      buildingIds: buildingIds.slice(i, i + 10),
      unitCount: 4,
      floorFrom: 1,
      floorTo: 25,
      roomsPerFloor: 20,
      codeTemplate: '{building}-{unit}-{floor}{room:2}',
      area: '89.37',
      use: 'residential',
      status: i % 20 === 0 ? 'occupied' : 'vacant',
    });
  }
  await handle.close();
  process.stdout.write(
    JSON.stringify({
      projectId: project.id,
      // Buildings 11-20 hold vacant rooms: the filters below match 2,000 of 100,000 rooms.
      buildingId: buildingIds[10],
      username: 'bench',
      password: 'bench12345',
    }),
  );
}
