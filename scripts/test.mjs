#!/usr/bin/env node
// Runs every check that decides whether a change may land, in order, and prints one summary.
// Usage: npm test            (everything)
//        npm test -- --quick (skip PostgreSQL and the browser)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const skipPostgres = process.env.SKIP_POSTGRES === '1' || quick;
const reportDir = path.join(root, '.test-output');
fs.mkdirSync(reportDir, { recursive: true });

const results = [];
const counts = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args, env = {}, countsTests = false) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${label}\n`);
  const child = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const ok = child.status === 0;
  results.push({ label, ok, countsTests, seconds: (Date.now() - started) / 1000 });

  return ok;
}

/** Runs a vitest suite and adds its test counts to the summary. */
function vitest(label, config, env = {}) {
  const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  fs.rmSync(report, { force: true });
  const ok = run(
    label,
    'npx',
    [
      'vitest',
      'run',
      '-c',
      config,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`,
    ],
    env,
    true,
  );
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    counts.passed += json.numPassedTests;
    counts.failed += json.numFailedTests;
    counts.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  } else if (!ok) {
    counts.failed += 1;
  }

  return ok;
}

function fail(message) {
  process.stderr.write(`\n✖ ${message}\n`);
  process.exit(1);
}

function hasCjkFont() {
  const fc = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return fc.status === 0 && fc.stdout.trim().length > 0;
}

/** The browser tests need Debian's Chromium and a CJK font; root may install them. */
function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium') && hasCjkFont()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(
      'The browser tests need Chromium and a Chinese font. Install them with:\n' +
        '    sudo apt-get install chromium fonts-noto-cjk\n' +
        '  or run the quick checks only: npm test -- --quick',
    );
  }
  process.stdout.write('Installing chromium and fonts-noto-cjk (Debian packages)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
    stdio: 'inherit',
    env,
  });
  if (update.status !== 0 || install.status !== 0 || !fs.existsSync('/usr/bin/chromium')) {
    fail('Could not install chromium and fonts-noto-cjk with apt-get.');
  }
}

/** PostgreSQL must answer unless SKIP_POSTGRES=1; CI never skips it. */
async function ensurePostgres() {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    fail(
      `PostgreSQL does not answer at ${url} (${error.message}).\n` +
        '  Start it, point TEST_DATABASE_URL at one, or set SKIP_POSTGRES=1 to skip those tests.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

if (!skipPostgres) await ensurePostgres();
if (!quick) ensureChromium();

const checks = [
  () => run('type check', 'npm', ['run', '--silent', 'typecheck']),
  () => run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']),
  () => run('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']),
  () => run('build', 'npm', ['run', '--silent', 'build']),
  () => run('API client is up to date', 'node', ['scripts/generate-client.mjs', '--check']),
  () =>
    vitest('server tests on SQLite', 'apps/server/vitest.config.ts', { TEST_DIALECT: 'sqlite' }),
];
if (!skipPostgres) {
  checks.push(() =>
    vitest('server tests on PostgreSQL', 'apps/server/vitest.config.ts', {
      TEST_DIALECT: 'postgres',
    }),
  );
}
if (!quick) {
  checks.push(() => vitest('browser tests', 'apps/admin/vitest.e2e.config.ts'));
}

for (const check of checks) check();

process.stdout.write('\nSummary\n');
for (const result of results) {
  process.stdout.write(
    `  ${result.ok ? '✔' : '✖'} ${result.label} (${result.seconds.toFixed(1)} s)\n`,
  );
}
const failedChecks = results.filter((r) => !r.ok).length;
if (failedChecks > 0) process.stdout.write(`  ${failedChecks} check(s) failed\n`);
process.stdout.write(`  machine: ${os.cpus().length} cores\n`);
const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
const otherFailures = results.filter((r) => !r.ok && !r.countsTests).length;
process.stdout.write(
  `tests: ${counts.passed} passed, ${counts.failed + otherFailures} failed${skipped}\n`,
);
process.exit(failedChecks > 0 ? 1 : 0);
