import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { ARTIFACTS, openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

const visibleIds = (page) =>
  page.$$eval('[data-testid=card]:not([hidden])', (cards) => cards.map((card) => card.dataset.id));

test('the catalogue lists every algorithm, searches, filters and opens one', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  await page.getByTestId('card').first().waitFor();
  assert.equal((await visibleIds(page)).length, 22);
  await page.screenshot({ path: join(ARTIFACTS, 'catalogue-desktop.png'), fullPage: true });

  await page.getByTestId('search').fill('quicksort');
  assert.deepEqual(await visibleIds(page), ['quicksort-lomuto', 'quicksort-hoare', 'quicksort-randomized']);
  assert.equal(await page.getByTestId('result-count').textContent(), '3 algorithms');
  await page.getByTestId('search').fill('zzz');
  assert.equal(await page.getByTestId('result-count').textContent(), 'No algorithm matches.');
  await page.getByTestId('search').fill('');

  await page.getByTestId('filter-searching').click();
  const searches = await visibleIds(page);
  assert.equal(searches.length, 6);
  assert.ok(searches.every((id) => id.endsWith('-search')), searches.join());
  assert.equal(await page.getByTestId('filter-searching').getAttribute('aria-pressed'), 'true');

  await page.locator('[data-id=binary-search] a').click();
  // Client-side navigation, then the address bar gains the input, step and speed.
  await page.waitForFunction(() => location.pathname === '/algorithms/binary-search' && location.search.includes('step=0'));
  await page.getByTestId('bar').first().waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Binary search');

  // The browser's Back and Forward move between the pages without reloading.
  await page.evaluate(() => (window.sameDocument = true));
  await page.goBack();
  await page.getByTestId('search').waitFor();
  await page.goForward();
  await page.getByTestId('bar').first().waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Binary search');
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'no reload');
  assert.deepEqual(errors, []);
});

test('an unknown algorithm gets a page that leads back', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/no-such-sort`);
  await page.getByTestId('not-found').waitFor();
  await page.getByRole('link', { name: 'See every algorithm' }).click();
  await page.getByTestId('card').first().waitFor();
  assert.deepEqual(errors, []);
});

test('the theme follows the system, then the toggle, and is remembered', async () => {
  const context = await shared.browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  await page.getByTestId('theme-toggle').waitFor();
  assert.equal(await theme(), 'dark', 'the system preference');
  await page.getByTestId('theme-toggle').click();
  assert.equal(await theme(), 'light');
  await page.reload();
  await page.getByTestId('theme-toggle').waitFor();
  assert.equal(await theme(), 'light', 'remembered across reloads');
  // Stored data this version does not know is ignored.
  await page.evaluate(() => localStorage.setItem('algovista.theme', '{"old": "format"}'));
  await page.reload();
  await page.getByTestId('theme-toggle').waitFor();
  assert.equal(await theme(), 'dark');
  await context.close();
});
