/**
 * The worker thread of a SQLite bill run: opens its own connection, computes the run's pages
 * and posts them to the writer, staying at most two pages ahead of it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type DatabaseOptions, openDatabase } from '../../db/database.js';
import { type PageWork, computedPages } from './bill-run.service.js';

const work = workerData as PageWork & { options: DatabaseOptions };
const port = parentPort;
if (!port) throw new Error('bill-run-worker runs as a worker thread');

// Pages it may compute ahead of the writer, so neither waits for the other.
let credit = 4;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit += 1;
  wake?.();
});

const handle = openDatabase(work.options);
try {
  for await (const page of computedPages(handle.db, work)) {
    port.postMessage(page);
    credit -= 1;
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  }
  port.postMessage(null);
} finally {
  await handle.close();
}
