import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { ARTIFACTS, holdRequests, openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

test('the complexity plot measures in slices across frames, and finishes', async () => {
  const { page, errors } = await openPage(
    shared.browser,
    `${shared.server.url}/plot?ids=insertion-sort,merge-sort&metric=comparisons`,
  );
  await page.getByTestId('measure').waitFor();
  assert.equal(await page.getByTestId('pick-insertion-sort').isChecked(), true);
  assert.equal(await page.getByTestId('pick-merge-sort').isChecked(), true);
  assert.equal(await page.getByTestId('pick-heap-sort').isChecked(), false);

  // The work is sliced across frames: animation frames keep firing while it computes, and each shows
  // progress that has moved on (a single long task would show none of these in-between states). The
  // watcher starts before the click, so the first runs (and the engine's loading) are not missed.
  await page.evaluate(() => {
    window.progressSeen = new Set();
    const tick = () => {
      const text = document.querySelector('[data-testid=progress]').textContent;
      if (text.startsWith('Measuring')) window.progressSeen.add(text);
      if (!text.startsWith('Done')) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByTestId('measure').click();
  await page.waitForFunction(() => window.progressSeen.size >= 5 || document.querySelector('[data-testid=progress]').textContent.startsWith('Done'), null, {
    timeout: 120000,
  });
  const seen = await page.evaluate(() => [...window.progressSeen]);
  assert.ok(seen.length >= 5, `progress seen between frames: ${seen.join(' | ')}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=progress]').textContent.startsWith('Done'), null, {
    timeout: 120000,
  });
  // Insertion sort stops at its count-only limit (20,000 → n = 16,384); merge sort goes to 65,536.
  assert.match(await page.getByTestId('progress').textContent(), /Done: 30 runs/);
  const rows = await page.$$eval('[data-testid=plot-table] tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent)),
  );
  const of = (name) => rows.filter((r) => r[0] === name).map((r) => [Number(r[1]), Number(r[2])]);
  const insertion = of('Insertion sort');
  const merge = of('Merge sort (top-down)');
  assert.equal(insertion.length, 14);
  assert.equal(merge.length, 16);
  assert.deepEqual(insertion.at(-1)[0], 16384);
  // Quadratic against n log n: quadrupling per doubling against a bit more than doubling.
  const ratio = (series) => series.at(-1)[1] / series.at(-2)[1];
  assert.ok(ratio(insertion) > 3.5 && ratio(insertion) < 4.5, `insertion ×${ratio(insertion)}`);
  assert.ok(ratio(merge) > 1.9 && ratio(merge) < 2.4, `merge ×${ratio(merge)}`);
  assert.equal(await page.locator('[data-testid=series]').count(), 2);
  assert.equal(await page.locator('[data-testid=chart] .reference').count(), 3);
  // The y axis is titled with what is counted.
  assert.equal(await page.getByTestId('y-title').textContent(), 'Comparisons');
  await page.screenshot({ path: join(ARTIFACTS, 'plot-desktop.png'), fullPage: true });

  // The metric and the choice live in the address.
  await page.getByTestId('metric').selectOption('writes');
  await page.waitForFunction(() => location.search === '?ids=insertion-sort,merge-sort&metric=writes');
  assert.deepEqual(errors, []);
});

test('graph algorithms are measured against nodes plus edges, on the counters they declare', async () => {
  const { page, errors } = await openPage(
    shared.browser,
    `${shared.server.url}/plot?ids=bfs,dijkstra,bubble-sort&metric=edges_examined`,
  );
  await page.getByTestId('measure').waitFor();
  assert.equal(await page.getByTestId('metric').inputValue(), 'edges_examined');
  await page.getByTestId('measure').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=progress]').textContent.startsWith('Done'), null, {
    timeout: 120000,
  });
  const rows = await page.$$eval('[data-testid=plot-table] tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent)),
  );
  // Bubble sort examines no edges: it is measured but not plotted on this counter.
  assert.deepEqual([...new Set(rows.map((r) => r[0]))].sort(), ["Breadth-first search", "Dijkstra's shortest paths"]);
  const series = await page.$$eval('[data-testid=series]', (gs) => gs.map((g) => g.dataset.id));
  assert.deepEqual(series.sort(), ['bfs', 'dijkstra']);
  const bfs = rows.filter((r) => r[0] === 'Breadth-first search').map((r) => [Number(r[1]), Number(r[2])]);
  // Graphs of 2, 4, …, 2,048 nodes; the size on the axis is nodes plus edges, so never a bare power of two
  // past the smallest, and growing.
  assert.equal(bfs.length, 11);
  assert.ok(bfs.slice(2).every(([size]) => (size & (size - 1)) !== 0), JSON.stringify(bfs));
  assert.ok(bfs.every(([size], i) => i === 0 || size > bfs[i - 1][0]));
  // Linear in nodes plus edges: an edge is examined at most from both ends.
  for (const [size, examined] of bfs.slice(1)) assert.ok(examined > 0 && examined <= 2 * size, `${size}: ${examined}`);
  assert.deepEqual(errors, []);
});

test('the measures offered are those the chosen algorithms count, and one that draws nothing says so', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/plot?ids=binary-search&metric=comparisons`);
  await page.getByTestId('measure').waitFor();
  const offered = () => page.getByTestId('metric').locator('option').evaluateAll((os) => os.map((o) => o.value));
  // Binary search counts comparisons and reads only: nothing else is offered.
  assert.deepEqual(await offered(), ['comparisons', 'reads']);
  assert.equal(await page.getByTestId('not-drawn').count(), 0);
  // Adding a sort offers its counters; a measure one of them does not count says which is left out.
  await page.getByTestId('pick-bubble-sort').check();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=metric] option').length > 2);
  assert.ok((await offered()).includes('swaps'));
  await page.getByTestId('metric').selectOption('swaps');
  assert.equal(await page.getByTestId('not-drawn').textContent(), 'Binary search does not count swaps: not drawn on this measure.');
  // Dropping the sort takes its counters away, and the measure moves to one binary search counts.
  await page.getByTestId('pick-bubble-sort').uncheck();
  await page.waitForFunction(() => document.querySelector('[data-testid=metric]').value === 'comparisons');
  assert.deepEqual(await offered(), ['comparisons', 'reads']);
  await page.waitForFunction(() => location.search === '?ids=binary-search&metric=comparisons');
  assert.deepEqual(errors, []);
});

test('a late engine reply after the learner has left the plot writes nothing and breaks nothing', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/plot?ids=insertion-sort&metric=comparisons`);
  await page.getByTestId('measure').waitFor();
  // Hold the sorting engine's module until the learner has gone to another page.
  const { asked, release } = await holdRequests(page, /\/assets\/engine-sorting-[0-9a-f]{16}\//);
  await page.getByTestId('measure').click();
  await asked;
  await page.getByRole('link', { name: 'Algorithms', exact: true }).click();
  await page.getByTestId('card').first().waitFor();
  release();
  // The reply lands on a page that is gone: a few frames later, nothing has failed.
  await page.waitForTimeout(1500);
  await page.getByTestId('search').fill('sort');
  assert.ok((await page.getByTestId('card').count()) > 0);
  assert.deepEqual(errors, []);
});

test('grid searches are measured against their cells', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/plot?ids=grid-bfs,grid-astar&metric=cells_visited`);
  await page.getByTestId('measure').waitFor();
  await page.getByTestId('measure').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=progress]').textContent.startsWith('Done'), null, {
    timeout: 120000,
  });
  const rows = await page.$$eval('[data-testid=plot-table] tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent)),
  );
  const series = await page.$$eval('[data-testid=series]', (gs) => gs.map((g) => g.dataset.id));
  assert.deepEqual(series.sort(), ['grid-astar', 'grid-bfs']);
  // Square grids of about 4 to 65,536 cells: each size a square, growing; no search visits more cells
  // than the grid has.
  const bfs = rows.filter((r) => r[0] === 'Breadth-first search (grid)').map((r) => [Number(r[1]), Number(r[2])]);
  assert.equal(bfs.length, 15);
  assert.equal(bfs.at(-1)[0], 65536);
  assert.ok(bfs.every(([size], i) => Number.isInteger(Math.sqrt(size)) && (i === 0 || size > bfs[i - 1][0])), JSON.stringify(bfs));
  for (const [size, visited] of bfs) assert.ok(visited >= 0 && visited <= size, `${size}: ${visited}`);
  assert.deepEqual(errors, []);
});
