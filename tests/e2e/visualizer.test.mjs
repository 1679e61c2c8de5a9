import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, openPage, startServer } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const barValues = (page) =>
  page.$$eval('[data-testid=bar]', (bars) => bars.map((bar) => Number(bar.dataset.value)));

test('stepping until a swap exchanges two adjacent bars', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('bar').first().waitFor();
  const narration = page.getByTestId('narration');

  let before = await barValues(page);
  let swapped = false;
  for (let clicks = 0; clicks < 50 && !swapped; clicks++) {
    before = await barValues(page);
    await page.getByTestId('step').click();
    swapped = (await narration.textContent()).startsWith('Swap');
  }
  assert.ok(swapped, 'a swap is narrated within 50 steps');

  const afterSwap = await barValues(page);
  const changed = afterSwap.flatMap((value, i) => (value === before[i] ? [] : [i]));
  assert.equal(changed.length, 2, `exactly two bars changed: ${before} → ${afterSwap}`);
  const [i, j] = changed;
  assert.equal(j, i + 1, 'the two bars are neighbours');
  assert.deepEqual([afterSwap[i], afterSwap[j]], [before[j], before[i]], 'they changed places');
  assert.equal(await page.locator('[data-mark=swapped]').count(), 2);
  assert.match(await narration.textContent(), new RegExp(`A\\[${i}\\] is now ${afterSwap[i]}`));

  await page.screenshot({ path: join(ARTIFACTS, 'visualizer-after-swap.png') });
  assert.deepEqual(errors, []);
});

test('play advances on its own, pause stops it, reset returns to the input', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const initial = await barValues(page);
  const stepCount = page.getByTestId('step-count');
  const step = async () => Number((await stepCount.textContent()).replace('Step ', ''));

  await page.getByTestId('play').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=step-count]').textContent === 'Step 3');
  await page.getByTestId('play').click();
  assert.equal(await page.getByTestId('play').textContent(), 'Play');
  const paused = await step();
  await page.waitForTimeout(1000);
  assert.equal(await step(), paused, 'no steps while paused');

  await page.getByTestId('reset').click();
  assert.deepEqual(await barValues(page), initial);
  assert.equal(await step(), 0);
  assert.deepEqual(errors, []);
});
