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
  assert.equal((await visibleIds(page)).length, 49);
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

  // Categories are the catalogue's: the graph family's four are filters too.
  await page.getByTestId('filter-shortest_paths').click();
  assert.deepEqual(await visibleIds(page), ['dijkstra', 'bellman-ford', 'floyd-warshall', 'astar-graph']);
  await page.getByTestId('filter-mazes').click();
  assert.deepEqual(await visibleIds(page), ['maze-backtracker', 'maze-prim', 'maze-division', 'maze-kruskal']);
  // A data structure's category, whose entries open the tree kind's pages.
  await page.getByTestId('filter-search_trees').click();
  assert.deepEqual(await visibleIds(page), ['bst']);
  await page.getByTestId('filter-searching').click();

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

test('search knows categories and common names, and the query and chip live in the address', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  await page.getByTestId('card').first().waitFor();
  const search = async (query) => {
    await page.getByTestId('search').fill(query);
    return (await visibleIds(page)).sort();
  };
  // Every graph algorithm, by the cards' own category line.
  const graphCategories = ['Graph traversal', 'Shortest paths', 'Spanning trees', 'Connectivity'];
  const graphIds = await page.$$eval('[data-testid=card]', (cards, names) =>
    cards.filter((card) => names.includes(card.querySelector('.card-category').textContent)).map((card) => card.dataset.id), graphCategories);
  assert.equal(graphIds.length, 16);
  const graph = await search('graph');
  assert.ok(graphIds.every((id) => graph.includes(id)), `graph: ${graph.join()}`);
  assert.deepEqual(await search('mst'), ['kruskal', 'prim']);
  assert.deepEqual(await search('MST'), ['kruskal', 'prim']);
  assert.deepEqual(await search('scc'), ['kosaraju-scc', 'tarjan-scc']);
  assert.deepEqual(await search('union find'), ['connected-components', 'kruskal', 'maze-kruskal']);
  // The maze generators, and the grid searches that solve mazes.
  const maze = await search('maze');
  assert.ok(['maze-backtracker', 'maze-division', 'maze-kruskal', 'maze-prim', 'grid-bfs'].every((id) => maze.includes(id)), maze.join());
  assert.ok(!maze.includes('dijkstra'), maze.join());
  const sssp = await search('sssp');
  assert.ok(['dijkstra', 'bellman-ford', 'bfs'].every((id) => sssp.includes(id)), sssp.join());
  const shortest = await search('shortest path');
  assert.ok(['dijkstra', 'bellman-ford', 'astar-graph', 'grid-astar', 'grid-dijkstra'].every((id) => shortest.includes(id)), shortest.join());
  const pathfinding = await search('pathfinding');
  assert.ok(pathfinding.includes('grid-bfs') && pathfinding.includes('dijkstra'), pathfinding.join());

  // The query and the chip are in the address, and a fresh load of it shows the same cards.
  await search('mst');
  await page.getByTestId('filter-spanning_trees').click();
  await page.waitForFunction(() => location.search === '?q=mst&category=spanning_trees');
  await page.reload();
  await page.locator('[data-testid=card][data-id=prim]').waitFor();
  assert.equal(await page.getByTestId('search').inputValue(), 'mst');
  assert.equal(await page.getByTestId('filter-spanning_trees').getAttribute('aria-pressed'), 'true');
  assert.deepEqual((await visibleIds(page)).sort(), ['kruskal', 'prim']);
  await page.getByTestId('search').fill('');
  await page.getByTestId('filter-all').click();
  await page.waitForFunction(() => location.search === '');

  // Each card labels its costs.
  assert.equal(
    await page.locator('[data-testid=card][data-id=insertion-sort] [data-testid=card-complexity]').textContent(),
    'best O(n) · average O(n²) · worst O(n²)',
  );
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

test('the home page offers to continue where the learner left off, after a reload too', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(shared.server.url);
  await page.getByTestId('card').first().waitFor();
  assert.equal(await page.getByTestId('continue').count(), 0, 'nothing to continue yet');

  await page.goto(`${shared.server.url}/algorithms/heap-sort?values=5,2,8,1,9,3`);
  await page.getByTestId('bar').first().waitFor();
  for (let k = 0; k < 9; k++) await page.getByTestId('step').click();
  await page.waitForFunction(() => location.search.includes('step=9'));
  const bars = await page.$$eval('[data-testid=bar]', (els) => els.map((el) => el.dataset.value));

  await page.goto(shared.server.url); // a fresh page load
  const link = page.getByTestId('continue').first();
  await link.waitFor();
  assert.match(await link.textContent(), /Heap sort · step 9/);
  // The card offers the place too, beside the fresh start; cards without a place offer none.
  const onCard = page.locator('[data-testid=card][data-id=heap-sort] [data-testid=card-continue]');
  assert.equal(await onCard.textContent(), 'Continue at step 9');
  assert.equal(await page.getByTestId('card-continue').count(), 1);
  await onCard.click();
  await page.waitForFunction(() => document.querySelector('[data-testid=step-count]')?.textContent.startsWith('Step 9 /'));
  assert.deepEqual(await page.$$eval('[data-testid=bar]', (els) => els.map((el) => el.dataset.value)), bars);
  await page.goto(shared.server.url);
  await link.waitFor();
  await link.locator('a').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=step-count]')?.textContent.startsWith('Step 9 /'));
  assert.deepEqual(await page.$$eval('[data-testid=bar]', (els) => els.map((el) => el.dataset.value)), bars);

  // Data from another version, or garbage, is ignored rather than breaking the page.
  await page.evaluate(() => localStorage.setItem('algovista.sessions.v1', '[{"algorithm": 7}]'));
  await page.goto(shared.server.url);
  await page.getByTestId('card').first().waitFor();
  assert.equal(await page.getByTestId('continue').count(), 0);
  await page.evaluate(() =>
    localStorage.setItem('algovista.sessions.v1', JSON.stringify([{ algorithm: 'gone-sort', query: '', step: 3, updated: 1 }])),
  );
  await page.reload();
  await page.getByTestId('card').first().waitFor();
  assert.equal(await page.getByTestId('continue').count(), 0, 'an algorithm no longer in the catalogue is dropped');
  assert.deepEqual(errors, []);
  await context.close();
});
