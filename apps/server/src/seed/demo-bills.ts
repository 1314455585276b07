import type { Database } from '../db/database.js';
import { BILL_RUN_JOB, billRunJob, startBillRun } from '../modules/billing/bill-run.service.js';
import {
  insertEntries,
  periodicItemIds,
  recomputeBalances,
  unpaidPeriodicBills,
} from '../modules/billing/billing.repository.js';
import type { RequestContext } from '../platform/context.js';
import { JobQueue } from '../platform/jobs.js';
import { nowInstant } from '../platform/time.js';
import { inTransaction } from '../platform/transaction.js';

/** The demo year: bills for January to December 2026, the months the demo bindings run. */
const FIRST_MONTH = '2026-01';
const LAST_MONTH = '2026-12';

/**
 * Twelve months of bills for both demo projects, made by bill runs as staff would make them,
 * then paid the way a real estate pays: most months settled, the last ones less so, a few
 * households paying part, December not yet due. Payments are plain entries marked as demo
 * data until the cashier desk records real ones.
 */
export async function seedDemoBills(
  db: Database,
  ctx: RequestContext,
  projectIds: number[],
): Promise<void> {
  const jobs = new JobQueue(db);
  jobs.register(BILL_RUN_JOB, billRunJob());
  for (const projectId of projectIds) {
    const feeItemIds = await periodicItemIds(db, projectId);
    await startBillRun(db, jobs, ctx, {
      projectId,
      fromMonth: FIRST_MONTH,
      toMonth: LAST_MONTH,
      feeItemIds,
      notify: false,
    });
  }
  await jobs.drain();
  await payDemoBills(db, ctx);
}

/** How much of a bill the demo household paid, decided by its resource and month. */
function paidShare(resourceId: number, month: number): 'all' | 'half' | 'none' {
  if (month >= 12) return 'none';
  if (resourceId % 23 === 0) return 'none';
  if (resourceId % 17 === 0) return month >= 9 ? 'half' : 'all';
  if (month >= 10) return resourceId % 3 === 0 ? 'none' : 'all';

  return resourceId % 10 === 0 && month >= 6 ? 'none' : 'all';
}

async function payDemoBills(db: Database, ctx: RequestContext): Promise<void> {
  const bills = await unpaidPeriodicBills(db);
  const now = nowInstant();
  const payments = bills.flatMap((bill) => {
    const share = paidShare(bill.resource_id, Number(bill.period_start.slice(5, 7)));
    if (share === 'none' || bill.outstanding_fen === 0) return [];

    return [
      {
        org_id: bill.org_id,
        project_id: bill.project_id,
        bill_id: bill.id,
        kind: 'payment' as const,
        amount_fen: share === 'all' ? bill.outstanding_fen : Math.floor(bill.outstanding_fen / 2),
        entry_date: `${bill.period_start.slice(0, 8)}${String(3 + (bill.id % 20)).padStart(2, '0')}`,
        reason: '演示数据：历史缴费',
        source_type: 'demo',
        created_by: ctx.actor?.id ?? null,
        created_at: now,
      },
    ];
  });
  // Tens of thousands of payments: appended in bulk, then each balance set from its entries.
  await inTransaction(db, async (trx) => {
    await insertEntries(trx, payments);
    await recomputeBalances(
      trx,
      payments.map((payment) => payment.bill_id),
    );
  });
}
