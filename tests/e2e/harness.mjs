// Shared set-up for the end-to-end tests: a real server on a free loopback port over a fresh SQLite file,
// and headless Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the tests through scripts/test.sh`);
  return value;
};

export const ARTIFACTS = join(process.cwd(), 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/**
 * Starts the server and resolves once it reports its address and answers /api/health: on a free port over
 * a fresh database by default; given `dir` and `addr`, over `dir`'s database at `addr` (a restart), and the
 * caller then owns `dir`.
 */
export async function startServer({ dir, addr = '127.0.0.1:0' } = {}) {
  const owned = !dir;
  dir ??= mkdtempSync(join(tmpdir(), 'algovista-e2e-'));
  const child = spawn(
    required('ALGOVISTA_SERVER_BIN'),
    ['--addr', addr, '--db', join(dir, 'e2e.db'), '--dist', required('ALGOVISTA_DIST')],
    { env: { ...process.env, NO_COLOR: '1', RUST_LOG: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/listening addr=(127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(`http://${match[1]}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const health = await fetch(`${url}/api/health`);
  if (!health.ok) throw new Error(`health check answered ${health.status}`);
  return {
    url,
    dir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      if (owned) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Chromium's path, and its flags here: no sandbox (root), no GPU, and none of its own network traffic,
 * which this machine's closed network refuses. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Holds every request of `page` whose URL matches `pattern` until `release()` is called (a reply still in
 * flight); `asked` resolves when the first such request is made.
 */
export async function holdRequests(page, pattern) {
  let release;
  let requested;
  const held = new Promise((resolve) => (release = resolve));
  const asked = new Promise((resolve) => (requested = resolve));
  await page.route(pattern, async (route) => {
    requested();
    await held;
    await route.continue();
  });
  return { asked, release };
}

/** Opens a page (of a browser or a context) that fails the test on any console error or uncaught exception. */
export async function openPage(browser, url, options = {}) {
  const page = await browser.newPage(options);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(url);
  return { page, errors };
}

/** A page in a browser context of its own (its own storage: another device), closed with the page. */
export async function openDevice(browser, url) {
  const context = await browser.newContext();
  const opened = await openPage(context, url);
  opened.page.on('close', () => context.close().catch(() => {}));
  return opened;
}

/** Opens a graph or grid page's input editor (its own module, fetched on first use) and waits for it. */
export async function openEditor(page) {
  await page.getByTestId('edit-input').click();
  await page.getByTestId('editor-slot').getByTestId('input-editor').waitFor();
}

/** What the page keeps in local storage under `key`, parsed. */
export const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);

/** Starts a server and a browser before the file's tests and stops both after; read them from the result. */
export function serverAndBrowser() {
  const shared = {};
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.stop();
  });
  return shared;
}
