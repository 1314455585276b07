#!/usr/bin/env node
// npm run bench: measures the figures the issues name, on generated data, and prints a table.
import { fork, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;

/** Builds the server every time: a stale dist would measure yesterday's code. */
function ensureBuilt() {
  const build = spawnSync('npm', ['run', 'build', '-w', 'apps/server'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(1);
}

async function waitFor(url, tries = 100) {
  for (let i = 0; i < tries; i += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

function load(url, headers = {}) {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
}

function row(name, result) {
  return {
    name,
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

async function startAishang(
  port,
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aishang-bench-')),
) {
  const child = spawn('node', ['apps/server/dist/cli.js', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/api/health`);

  return child;
}

async function signIn(port, username = 'admin', password = 'admin123') {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);

  return response.headers.get('set-cookie').split(';')[0];
}

async function profileVersusBare() {
  const barePort = 3901;
  const bare = fork(path.join(root, 'scripts/bench/bare-server.mjs'), {
    env: { ...process.env, PORT: String(barePort) },
    stdio: 'inherit',
  });
  await new Promise((resolve) => bare.once('message', resolve));
  const bareResult = await load(`http://127.0.0.1:${barePort}/employees/7`);
  bare.kill();

  const port = 3902;
  const server = await startAishang(port);
  const cookie = await signIn(port);
  const profile = await load(`http://127.0.0.1:${port}/api/v1/auth/me`, { cookie });
  server.kill();

  const ours = row('GET /api/v1/auth/me (signed in)', profile);
  const yardstick = row('bare Fastify + SQLite by id', bareResult);

  return [
    { ...ours, note: `ratio ${(ours.rps / yardstick.rps).toFixed(2)} of bare (goal ≥ 0.60)` },
    { ...yardstick, note: 'yardstick' },
  ];
}

function runArchive(mode, dir) {
  const child = spawnSync('node', [path.join(root, 'scripts/bench/archive.mjs'), mode, dir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 10 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`archive ${mode} failed`);

  return JSON.parse(child.stdout);
}

/** 50,000 rooms with their owners from one .xlsx: dry run, then import. */
function roomImport() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aishang-bench-import-'));
  const result = runArchive('import', dir);
  fs.rmSync(dir, { recursive: true, force: true });
  const ok = result.seconds <= 20 && result.peakMb <= 500;

  return {
    name: `import ${result.rows.toLocaleString('en')} rooms + owners (.xlsx)`,
    value: `${result.seconds.toFixed(1)} s`,
    p99: `${result.peakMb.toFixed(0)} MB peak`,
    errors: String(result.errors),
    note: `dry run ${result.dryRunSeconds.toFixed(1)} s; goal ≤ 20 s, ≤ 500 MB ${ok ? '✓' : '✗'}`,
  };
}

/** The room list with two filters and a search, on 100,000 rooms. */
async function roomList() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aishang-bench-list-'));
  const fixture = runArchive('list-db', dir);
  const port = 3903;
  const server = await startAishang(port, dir);
  const cookie = await signIn(port, fixture.username, fixture.password);
  const url =
    `http://127.0.0.1:${port}/api/v1/rooms?projectId=${fixture.projectId}` +
    `&buildingId=${fixture.buildingId}&status=vacant&q=12`;
  const result = await load(url, { cookie });
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });

  return {
    ...row('room list, 2 filters + search, 100k rooms', result),
    note: `goal p99 ≤ 30 ms ${result.latency.p99 <= 30 ? '✓' : '✗'}`,
  };
}

function billRunStep(step, dialect, dir) {
  const child = spawnSync(
    'node',
    [path.join(root, 'scripts/bench/bill-run.mjs'), step, dialect, dir],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`bill run ${step} on ${dialect} failed`);

  return JSON.parse(child.stdout);
}

/** A bill run of 100,000 rooms × 3 items beside the plain insert of the same 300,000 rows. */
function billRun(dialect) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aishang-bench-bills-${dialect}-`));
  billRunStep('setup', dialect, dir);
  const run = billRunStep('run', dialect, dir);
  const raw = billRunStep('raw', dialect, dir);
  fs.rmSync(dir, { recursive: true, force: true });
  const ratio = run.seconds / raw.seconds;
  const ok = ratio <= 1.5 && run.peakMb <= 400;
  const yardstick = dialect === 'postgres' ? 'COPY' : 'one prepared insert';

  return {
    name: `bill run 100k rooms × 3 items, ${dialect}`,
    value: `${run.seconds.toFixed(1)} s`,
    p99: `${run.peakMb.toFixed(0)} MB peak`,
    errors: run.bill_count === 300000 ? '0' : `${300000 - run.bill_count} missing`,
    note:
      `${yardstick} ${raw.seconds.toFixed(1)} s, ratio ${ratio.toFixed(2)}; ` +
      `goal ≤ 1.5 ×, ≤ 400 MB ${ok ? '✓' : '✗'}`,
  };
}

function print(rows) {
  const header = ['benchmark', 'req/s or time', 'p99 ms or memory', 'errors', 'note'];
  const lines = rows.map((r) => [
    r.name,
    r.value ?? r.rps.toFixed(0),
    String(r.p99),
    String(r.errors),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(
    `\n${format(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n`,
  );
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
  process.stdout.write(
    `\n${CONNECTIONS} connections, ${DURATION} s each, ${os.cpus().length} cores\n`,
  );
}

ensureBuilt();
const rows = await profileVersusBare();
rows.push(roomImport());
rows.push(await roomList());
rows.push(billRun('sqlite'));
if (process.env.SKIP_POSTGRES !== '1') rows.push(billRun('postgres'));
print(rows);
