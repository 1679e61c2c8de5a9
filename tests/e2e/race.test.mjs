import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { ARTIFACTS, openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

const laneValues = (page, lane) =>
  page.$$eval(`[data-testid=${lane}] [data-testid=bar]`, (bars) => bars.map((bar) => Number(bar.dataset.value)));
const number = async (page, id) => Number(await page.getByTestId(id).textContent());

test('two algorithms race on one input with one clock, and a winner is named', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/race?a=bubble-sort&b=insertion-sort&values=9,4,7,1,8,2,6,3,5`);
  await page.getByTestId('lane-a').locator('[data-testid=bar]').first().waitFor();
  assert.deepEqual(await laneValues(page, 'lane-a'), [9, 4, 7, 1, 8, 2, 6, 3, 5]);
  assert.deepEqual(await laneValues(page, 'lane-b'), [9, 4, 7, 1, 8, 2, 6, 3, 5]);
  assert.match(await page.getByTestId('lane-a').locator('h2').textContent(), /Bubble sort/);
  assert.match(await page.getByTestId('lane-b').locator('h2').textContent(), /Insertion sort/);

  // One clock: a step moves both lanes.
  for (let k = 0; k < 6; k++) await page.getByTestId('step').click();
  assert.equal(await number(page, 'race-a-steps'), 6);
  assert.equal(await number(page, 'race-b-steps'), 6);
  const [a, b] = [await number(page, 'race-a-comparisons'), await number(page, 'race-b-comparisons')];
  if (a !== b) {
    const fewer = a < b ? 'race-a-comparisons' : 'race-b-comparisons';
    assert.match(await page.getByTestId(fewer).getAttribute('class'), /fewer/);
  }
  assert.equal(await page.getByTestId('winner').count(), 0, 'no winner before the end');

  // At the end each lane rests on its own last step; the one with fewer steps is named the winner.
  await page.getByTestId('end').click();
  const [stepsA, stepsB] = [await number(page, 'race-a-steps'), await number(page, 'race-b-steps')];
  const last = Number((await page.getByTestId('step-count').textContent()).match(/\/ (\d+)/)[1]);
  assert.equal(Math.max(stepsA, stepsB), last);
  const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  assert.deepEqual(await laneValues(page, 'lane-a'), sorted);
  assert.deepEqual(await laneValues(page, 'lane-b'), sorted);
  const winner = await page.getByTestId('winner').textContent();
  const work = async (lane) => (await number(page, `race-${lane}-comparisons`)) + (await number(page, `race-${lane}-writes`));
  const [workA, workB] = [await work('a'), await work('b')];
  const name = { a: 'Bubble sort', b: 'Insertion sort' };
  const first = stepsA < stepsB ? name.a : name.b;
  const less = workA < workB ? name.a : name.b;
  assert.notEqual(stepsA, stepsB, 'this input separates them');
  assert.notEqual(workA, workB, 'this input separates them');
  // Each comparison names its winner's number first.
  const steps = `${Math.min(stepsA, stepsB)} vs ${Math.max(stepsA, stepsB)} steps`;
  const cost = `${Math.min(workA, workB)} vs ${Math.max(workA, workB)} comparisons + writes`;
  const expected =
    first === less
      ? `${first} wins: finished first (${steps}) with less work (${cost}).`
      : `${first} finished first (${steps}), but ${less} did less work (${cost}).`;
  assert.equal(winner, expected);
  await page.screenshot({ path: join(ARTIFACTS, 'race-desktop.png'), fullPage: true });

  // Rivals share the input kind; choosing another one restarts the race.
  const rivals = await page.getByTestId('race-b').locator('option').allTextContents();
  assert.ok(rivals.includes('Heap sort') && !rivals.includes('Binary search') && !rivals.includes('Bubble sort'));
  await page.getByTestId('race-b').selectOption('heap-sort');
  await page.waitForFunction(() => document.querySelector('[data-testid=lane-b] h2').textContent.includes('Heap sort'));
  assert.equal(await number(page, 'race-b-steps'), 0);
  await page.waitForFunction(() => location.search.includes('b=heap-sort'));
  assert.deepEqual(errors, []);
});

test('a run can be raced from its visualizer with the same input, also on a phone', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/binary-search?values=1,3,5,7,9,11,13&target=11`, {
    viewport: { width: 375, height: 812 },
  });
  await page.getByRole('link', { name: 'Race it against another algorithm' }).click();
  await page.getByTestId('lane-b').locator('[data-testid=bar]').first().waitFor();
  assert.deepEqual(await laneValues(page, 'lane-a'), [1, 3, 5, 7, 9, 11, 13]);
  assert.match(await page.getByTestId('lane-a').locator('h2').textContent(), /Binary search/);
  const rivals = await page.getByTestId('race-b').locator('option').allTextContents();
  assert.ok(rivals.every((name) => name.endsWith('search')), rivals.join());
  await page.keyboard.press('End');
  await page.getByTestId('winner').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
  await page.screenshot({ path: join(ARTIFACTS, 'race-phone.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('graph lanes side by side on a desktop draw node labels of 12 px or more', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await openPage(context, `${shared.server.url}/race?a=dijkstra&b=prim`);
  await page.getByTestId('lane-b').getByTestId('node').first().waitFor();
  // Each lane's drawing as wide as its lane allows: a label's size on screen is its font size in the
  // drawing's units times the drawing's scale.
  const sizes = await page.$$eval('[data-testid=node] .node-label', (labels) =>
    labels.map((label) => parseFloat(getComputedStyle(label).fontSize) * label.ownerSVGElement.getScreenCTM().a));
  assert.ok(sizes.length >= 2 * 10, `both lanes' labels (${sizes.length})`);
  const lanes = await page.$$eval('.lane', (lanes) => lanes.map((lane) => Math.round(lane.getBoundingClientRect().x)));
  assert.equal(new Set(lanes).size, 2, 'the lanes stand side by side');
  assert.ok(Math.min(...sizes) >= 12, `the smallest label is ${Math.min(...sizes).toFixed(1)} px`);
  assert.deepEqual(errors, []);
  await context.close();
});
