import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { type CompanyFixture, makeCompany, makeProject } from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';
import { createBindingBatch } from '../fees/binding.service.js';
import { createFeeItem } from '../fees/fee-item.service.js';
import { setFeePrices } from '../fees/price.service.js';
import { createFeeStandard } from '../fees/standard.service.js';
import { createBuilding } from '../resources/building.service.js';
import { createRoomBatch } from '../resources/room-batch.service.js';
import { startBillRun } from './bill-run.service.js';

/*
 * The crash test: a worker process writing a bill run is killed with SIGKILL between two
 * pages; the run is picked up again (its job is stale) and finishes with exactly one bill per
 * resource, item and period. 60 rooms × 1 item × 2 months = 120 bills, 10 bindings a page.
 */
const ROOMS = 60;
const MONTHS = 2;

const t = setupTestApp();
let company: CompanyFixture;
let body: {
  projectId: number;
  fromMonth: string;
  toMonth: string;
  feeItemIds: number[];
  notify: boolean;
};

beforeAll(async () => {
  company = await makeCompany(t.db);
  const ctx = company.ctx;
  const project = await makeProject(t.db, company.orgId);
  const building = await createBuilding(t.db, ctx, {
    projectId: project.id,
    code: '1',
    name: '1栋',
  });
  await createRoomBatch(t.db, ctx, {
    projectId: project.id,
    buildingIds: [building.id],
    unitCount: 1,
    floorFrom: 1,
    floorTo: 15,
    roomsPerFloor: 4,
    codeTemplate: '{building}-{unit}-{floor}{room:2}',
    area: '89.37',
    use: 'residential',
    status: 'occupied',
  });
  const item = await createFeeItem(t.db, ctx, {
    projectId: project.id,
    code: 'WYF',
    name: '物业费',
    category: 'property_fee',
    cycle: 'monthly',
    billingMode: 'prepaid',
    dueRule: 'days_after_period_start',
    dueValue: 15,
  });
  const standard = await createFeeStandard(t.db, ctx, {
    feeItemId: item.id,
    name: '住宅',
    method: 'area_price',
    parameters: { areaBasis: 'building' },
    resourceKinds: ['room'],
  });
  await setFeePrices(t.db, ctx, standard.id, {
    effectiveFrom: '2026-01-01',
    prices: [{ scope: 'project', price: '2.35' }],
  });
  await createBindingBatch(t.db, ctx, {
    standardId: standard.id,
    target: { buildingId: building.id },
    startDate: '2026-01-01',
  });
  body = {
    projectId: project.id,
    fromMonth: '2026-01',
    toMonth: '2026-02',
    feeItemIds: [item.id],
    notify: false,
  };
});

/** Runs the worker process and kills it with SIGKILL once it has committed `pages` pages. */
function runWorkerAndKill(pages: number): Promise<{ pagesSeen: number; signal: string | null }> {
  const script = fileURLToPath(new URL('./test-support/bill-run-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, AISHANG_TEST_DB: JSON.stringify(t.options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pagesSeen = 0;
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    pagesSeen += chunk
      .toString()
      .split('\n')
      .filter((line) => line === 'page').length;
    if (pagesSeen >= pages) child.kill('SIGKILL');
  });

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`the worker failed: ${errors}`));
      else resolve({ pagesSeen, signal });
    });
  });
}

async function billsOfRun(runId: number) {
  const row = await t.db
    .selectFrom('bill')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('bill_run_id', '=', runId)
    .executeTakeFirstOrThrow();

  return Number(row.n);
}

it('a run killed mid-way and run again ends with exactly one bill per resource, item and period', async () => {
  const run = await startBillRun(t.db, t.app.jobs, company.ctx, body);

  const { signal } = await runWorkerAndKill(3);
  expect(signal).toBe('SIGKILL');
  const written = await billsOfRun(run.id);
  // Three pages of ten bindings, two months each, were committed before the kill (a fourth may
  // have been committed between the third "page" and the signal arriving).
  expect(written).toBeGreaterThanOrEqual(60);
  expect(written).toBeLessThan(ROOMS * MONTHS);
  const job = await t.db
    .selectFrom('job')
    .select(['status'])
    .where('id', '=', run.jobId!)
    .executeTakeFirstOrThrow();
  expect(job.status).toBe('running');

  // The dead worker stopped beating; any process finds the job stale and runs it again.
  await t.db
    .updateTable('job')
    .set({ heartbeat_at: '2000-01-01T00:00:00.000Z' })
    .where('id', '=', run.jobId!)
    .execute();
  expect(await t.app.jobs.drain()).toBe(1);

  expect(await billsOfRun(run.id)).toBe(ROOMS * MONTHS);
  const duplicates = await sql<{ n: number }>`
    select count(*) as n from (
      select resource_id, fee_item_id, period_key from bill
      group by resource_id, fee_item_id, period_key having count(*) > 1) d`.execute(t.db);
  expect(Number(duplicates.rows[0].n)).toBe(0);
  const finished = await t.db
    .selectFrom('bill_run')
    .selectAll()
    .where('id', '=', run.id)
    .executeTakeFirstOrThrow();
  expect(finished).toMatchObject({ status: 'completed', bill_count: ROOMS * MONTHS });
  expect(Number(finished.total_fen)).toBe(ROOMS * MONTHS * 21002);
});
