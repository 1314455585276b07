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

function ensureBuilt() {
  if (fs.existsSync(path.join(root, 'apps/server/dist/cli.js'))) return;
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

async function startAishang(port) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aishang-bench-'));
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

async function signIn(port) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin123' }),
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

function print(rows) {
  const header = ['benchmark', 'req/s', 'p99 ms', 'errors', 'note'];
  const lines = rows.map((r) => [
    r.name,
    r.rps.toFixed(0),
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
print(rows);
