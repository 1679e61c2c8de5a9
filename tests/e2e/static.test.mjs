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

test('deep links work from static hosting, and nothing asks for a server API', async () => {
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
  assert.deepEqual(requested.filter((path) => path.startsWith('/api')), []);
  assert.deepEqual(errors, []);
});
