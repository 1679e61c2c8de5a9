// The app from plain static hosting, with no AlgoVista server at all: files as they are, and 404.html for
// any other path, as static hosts do.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser } from './harness.mjs';

const DIST = process.env.ALGOVISTA_DIST;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
let server;
let browser;
let url;
const requested = [];

before(async () => {
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    requested.push(path);
    try {
      const body = await readFile(join(DIST, path === '/' ? 'index.html' : path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end(await readFile(join(DIST, '404.html')));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

test('deep links work from static hosting; the only API request asks whether a server is there', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}/algorithms/selection-sort?values=4,1,3,2&step=5`);
  await page.waitForFunction(() => document.querySelector('[data-testid=step-count]')?.textContent.startsWith('Step 5 /'));
  assert.equal(await page.locator('[data-testid=bar]').count(), 4);
  await page.goto(`${url}/race`);
  await page.getByTestId('lane-b').waitFor();
  await page.goto(`${url}/plot`);
  await page.getByTestId('measure').waitFor();
  assert.deepEqual([...new Set(requested.filter((path) => path.startsWith('/api')))], ['/api/health']);
  assert.deepEqual(errors, []);
});

test('with no server, progress is kept on this device and labelled so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/algorithms/bubble-sort?values=2,1`);
  await page.waitForFunction(() => document.querySelector('[data-testid=sync]')?.dataset.state === 'local');
  assert.equal(await page.getByTestId('sync').textContent(), 'This device only, not verified');
  await page.getByTestId('bar').first().waitFor();
  const last = Number((await page.getByTestId('step-count').textContent()).match(/\/ (\d+)/)[1]);
  for (let i = 0; i < last; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid=streak]').textContent === '1-day streak · today done');
  assert.equal(await page.evaluate(() => localStorage.getItem('algovista.account.v1')), null, 'no account anywhere');

  await page.getByTestId('tracker').click();
  await page.getByTestId('streak-panel').waitFor();
  assert.match(await page.getByTestId('progress-source').textContent(), /This device only, not verified/);
  assert.equal(await page.getByTestId('current-streak').textContent(), '1');
  assert.equal(await page.locator('[data-testid=algorithm-progress][data-id=bubble-sort] [data-testid=runs]').textContent(), '1');
  assert.equal(await page.locator('[data-testid=calendar] rect[data-count="1"]').count(), 1);
  await context.close();
});
