// The bill-run benchmark: 100,000 rooms × 3 fee items, one month, on SQLite or PostgreSQL.
// Each step runs in its own process so that its peak memory is its own:
//   node scripts/bench/bill-run.mjs setup|run|raw sqlite|postgres <dir>
// setup builds the rooms, items, prices and bindings and queues the run; run executes the job
// and reports seconds and peak RSS; raw reads the bills back, empties the table and inserts the
// same rows again the fastest plain way (one prepared statement in one transaction on SQLite,
// COPY on PostgreSQL), as the yardstick.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (file) => import(pathToFileURL(path.join(root, 'apps/server/dist', file)).href);

const { openDatabase, migrateToLatest } = await dist('db/database.js');
const { systemContext } = await dist('platform/context.js');
const { JobQueue } = await dist('platform/jobs.js');
const { permissionCatalogue } = await dist('modules/catalogue.js');

const [mode, dialect, dir] = process.argv.slice(2);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_bill_run';
const options =
  dialect === 'postgres'
    ? { url: PG_URL, searchPath: SCHEMA, poolSize: 4 }
    : { sqlitePath: path.join(dir, 'bill-run.db') };

function psql(command) {
  const result = spawnSync('psql', [PG_URL, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], {
    encoding: 'utf8',
    env: { ...process.env, PGOPTIONS: `-c search_path=${SCHEMA}` },
  });
  if (result.status !== 0) throw new Error(result.stderr);
}

function actorContext(orgId) {
  return systemContext({
    actor: {
      kind: 'employee',
      id: 1,
      orgId,
      name: 'bench',
      username: 'bench',
      channel: 'console',
      sessionId: 'bench',
      permissions: new Set(permissionCatalogue.codes('console')),
      projectIds: 'all',
      authEpoch: 0,
    },
  });
}

const seconds = (started) => Number(process.hrtime.bigint() - started) / 1e9;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function setup() {
  if (dialect === 'postgres')
    psql(`drop schema if exists ${SCHEMA} cascade; create schema ${SCHEMA}`);
  fs.mkdirSync(dir, { recursive: true });
  const handle = openDatabase(options);
  await migrateToLatest(handle.db);
  const db = handle.db;
  const { createCompany } = await dist('modules/org/company.service.js');
  const { createProject } = await dist('modules/org/project.service.js');
  const { createBuilding } = await dist('modules/resources/building.service.js');
  const { createRoomBatch } = await dist('modules/resources/room-batch.service.js');
  const { createFeeItem } = await dist('modules/fees/fee-item.service.js');
  const { createFeeStandard } = await dist('modules/fees/standard.service.js');
  const { setFeePrices } = await dist('modules/fees/price.service.js');
  const { createBindingBatch } = await dist('modules/fees/binding.service.js');
  const { startBillRun } = await dist('modules/billing/bill-run.service.js');

  const company = await createCompany(db, systemContext(), {
    name: '压测物业',
    code: `bench${Date.now()}`,
    adminUsername: 'bench',
    adminName: '压测',
    adminPassword: 'bench12345',
  });
  const ctx = actorContext(company.id);
  const project = await createProject(db, ctx, {
    name: '压测花园',
    code: 'BENCH',
    type: 'residential',
  });
  const buildingIds = [];
  for (let b = 1; b <= 50; b += 1) {
    const building = await createBuilding(db, ctx, {
      projectId: project.id,
      code: String(b),
      name: `${b}栋`,
    });
    buildingIds.push(building.id);
  }
  // 50 buildings × 4 units × 25 floors × 20 rooms = 100,000 rooms.
  for (let i = 0; i < 50; i += 10) {
    await createRoomBatch(db, ctx, {
      projectId: project.id,
      buildingIds: buildingIds.slice(i, i + 10),
      unitCount: 4,
      floorFrom: 1,
      floorTo: 25,
      roomsPerFloor: 20,
      codeTemplate: '{building}-{unit}-{floor}{room:2}',
      area: '89.37',
      use: 'residential',
      status: 'occupied',
    });
  }

  const monthly = {
    projectId: project.id,
    cycle: 'monthly',
    billingMode: 'prepaid',
    dueRule: 'days_after_period_start',
    dueValue: 15,
  };
  const standards = [
    [
      { ...monthly, code: 'WYF', name: '物业费', category: 'property_fee' },
      { name: '住宅', method: 'area_price', parameters: { areaBasis: 'building' }, price: '2.35' },
    ],
    [
      { ...monthly, code: 'LJF', name: '垃圾清运费', category: 'other' },
      { name: '每户', method: 'fixed', parameters: {}, price: '10' },
    ],
    [
      { ...monthly, code: 'DTF', name: '电梯运行费', category: 'other' },
      {
        name: '按楼层系数',
        method: 'floor_coefficient',
        parameters: {
          areaBasis: 'building',
          bands: [
            { floorFrom: 1, floorTo: 6, coefficient: '0.8' },
            { floorFrom: 7, floorTo: 18, coefficient: '1' },
            { floorFrom: 19, floorTo: null, coefficient: '1.2' },
          ],
        },
        price: '0.35',
      },
    ],
  ];
  const itemIds = [];
  for (const [item, standard] of standards) {
    const createdItem = await createFeeItem(db, ctx, item);
    const { price, ...fields } = standard;
    const created = await createFeeStandard(db, ctx, {
      feeItemId: createdItem.id,
      resourceKinds: ['room'],
      ...fields,
    });
    await setFeePrices(db, ctx, created.id, {
      effectiveFrom: '2026-01-01',
      prices: [{ scope: 'project', price }],
    });
    await createBindingBatch(db, ctx, {
      standardId: created.id,
      target: {},
      startDate: '2026-01-01',
    });
    itemIds.push(createdItem.id);
  }

  const jobs = new JobQueue(db);
  const run = await startBillRun(db, jobs, ctx, {
    projectId: project.id,
    fromMonth: '2026-03',
    toMonth: '2026-03',
    feeItemIds: itemIds,
    notify: false,
  });
  await handle.close();

  return { runId: run.id };
}

async function run() {
  const handle = openDatabase(options);
  const { BILL_RUN_JOB, billRunJob } = await dist('modules/billing/bill-run.service.js');
  const jobs = new JobQueue(handle.db);
  jobs.register(BILL_RUN_JOB, billRunJob());
  const started = process.hrtime.bigint();
  await jobs.drain();
  const elapsed = seconds(started);
  const result = await handle.db
    .selectFrom('bill_run')
    .select(['status', 'bill_count', 'total_fen', 'error'])
    .executeTakeFirstOrThrow();
  await handle.close();

  return { seconds: elapsed, peakMb: peakMb(), ...result };
}

async function raw() {
  const handle = openDatabase(options);
  const rows = await handle.db.selectFrom('bill').selectAll().orderBy('id').execute();
  await handle.close();
  const columns = Object.keys(rows[0]).filter((column) => column !== 'id');

  if (dialect === 'postgres') {
    const file = path.join(dir, 'bills.csv');
    const quote = (value) => (value === null ? '' : `"${String(value).replaceAll('"', '""')}"`);
    fs.writeFileSync(
      file,
      rows.map((row) => columns.map((c) => quote(row[c])).join(',')).join('\n'),
    );
    psql('truncate bill cascade');
    const started = process.hrtime.bigint();
    psql(`\\copy bill (${columns.join(', ')}) from '${file}' csv`);

    return { seconds: seconds(started), rows: rows.length };
  }

  const { default: Sqlite } = await import(
    pathToFileURL(path.join(root, 'node_modules/better-sqlite3/lib/index.js')).href
  );
  const sqlite = new Sqlite(options.sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  // Emptying the table is preparation, not the yardstick: without this every deleted bill would
  // be looked for among the others' parent_bill_id.
  sqlite.pragma('foreign_keys = OFF');
  sqlite.exec('delete from bill');
  sqlite.pragma('foreign_keys = ON');
  const insert = sqlite.prepare(
    `insert into bill (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  const values = rows.map((row) => columns.map((c) => row[c]));
  const started = process.hrtime.bigint();
  sqlite.transaction(() => {
    for (const row of values) insert.run(row);
  })();
  const elapsed = seconds(started);
  sqlite.close();

  return { seconds: elapsed, rows: rows.length };
}

const steps = { setup, run, raw };
process.stdout.write(JSON.stringify(await steps[mode]()));
