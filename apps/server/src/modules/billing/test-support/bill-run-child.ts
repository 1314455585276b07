/**
 * A worker process for the crash test: opens the database named in AISHANG_TEST_DB, runs the
 * queued bill run a few bindings a page, and says "page" after each committed page so the test
 * knows when to kill it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../../../db/database.js';
import { JobQueue } from '../../../platform/jobs.js';
import { BILL_RUN_JOB, billRunJob } from '../bill-run.service.js';

const handle = openDatabase(JSON.parse(process.env.AISHANG_TEST_DB ?? '{}'));
const jobs = new JobQueue(handle.db);
jobs.register(
  BILL_RUN_JOB,
  billRunJob({
    pageSize: 10,
    worker: true,
    afterPage: async () => {
      process.stdout.write('page\n');
      await sleep(50);
    },
  }),
);
await jobs.drain();
process.stdout.write('done\n');
await handle.close();
