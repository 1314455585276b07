import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const screenshotDir = path.join(repoRoot, '.test-output/screenshots');

const CHROMIUM = '/usr/bin/chromium';
const SERVER_CLI = path.join(repoRoot, 'apps/server/dist/cli.js');
const CONSOLE_INDEX = path.join(repoRoot, 'apps/admin/dist/index.html');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (its own cookies and localStorage) with one page. */
  newPage: () => Promise<Page>;
  /** Saves a full-page PNG as `<prefix>-<name>.png` under .test-output/screenshots. */
  screenshot: (page: Page, name: string) => Promise<string>;
  close: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function assertBuilt(): void {
  for (const file of [SERVER_CLI, CONSOLE_INDEX]) {
    if (!fs.existsSync(file)) {
      throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\` first`);
    }
  }
}

function startServer(port: number, dataDir: string): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const child = spawn(process.execPath, [SERVER_CLI, 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

  return { child, output };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * Starts the built server on a free port with a fresh data directory (it seeds the demo
 * company), and a headless Chromium to drive the console with.
 */
export async function startHarness(prefix: string): Promise<Harness> {
  assertBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aishang-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { child, output } = startServer(port, dataDir);

  try {
    await waitFor(
      'the server to answer /api/health',
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited:\n${output.join('')}`);
        const response = await fetch(`${baseUrl}/api/health`).catch(() => null);
        return response?.ok ?? false;
      },
      60_000,
    );
    // Chromium may still be being installed by apt when the tests start.
    await waitFor(CHROMIUM, async () => fs.existsSync(CHROMIUM), 10 * 60_000);
  } catch (error) {
    await stopServer(child);
    throw error;
  }

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  fs.mkdirSync(screenshotDir, { recursive: true });

  return {
    baseUrl,
    browser,
    newPage: async () => {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
      });
      return context.newPage();
    },
    screenshot: async (page, name) => {
      const file = path.join(screenshotDir, `${prefix}-${name}.png`);
      // Let tables finish loading so the picture shows data, not a spinner.
      await page
        .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'), {
          timeout: 10_000,
        })
        .catch(() => undefined);
      // …and the fade-in that follows a spinner (0.3 s) to end.
      await page.waitForTimeout(400);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await browser.close();
      await stopServer(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
