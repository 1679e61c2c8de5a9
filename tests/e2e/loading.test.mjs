// Each route loads only its own page module and the engines of the families it runs, under hashed names
// the server sends precompressed and lets clients keep; a module that fails to load says so and retries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEditor, openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

/** Opens `path` and returns the page with the modules (`page-…`, `engine-…`, `tools-…`, `editor-…`) it fetched so far. */
async function modulesFetched(path, ready, before) {
  const page = await shared.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await before?.(page);
  await page.goto(`${shared.server.url}${path}`);
  await ready(page);
  const modules = () => {
    const names = new Set();
    for (const response of responses) {
      const match = new URL(response.url()).pathname.match(/^\/assets\/((?:page|engine|tools|editor)-[a-z_-]+)-[0-9a-f]{16}\//);
      if (match) names.add(match[1]);
    }
    return [...names].sort();
  };
  return { page, errors, responses, modules };
}

const bars = (page) => page.getByTestId('bar').first().waitFor();

test('each route fetches its page module and only the engines it runs', async () => {
  const home = await modulesFetched('/', (page) => page.getByTestId('card').first().waitFor());
  assert.deepEqual(home.modules(), ['page-catalogue'], 'the catalogue runs no algorithm');

  const sorting = await modulesFetched('/algorithms/bubble-sort', bars);
  assert.deepEqual(sorting.modules(), ['engine-sorting', 'page-visualizer']);
  const searching = await modulesFetched('/algorithms/binary-search', bars);
  assert.deepEqual(searching.modules(), ['engine-searching', 'page-visualizer']);
  const quiz = await modulesFetched('/algorithms/bubble-sort/quiz', bars);
  assert.deepEqual(quiz.modules(), ['engine-sorting', 'page-quiz'], 'the quiz is its own page module');

  const race = await modulesFetched('/race', bars);
  assert.deepEqual(race.modules(), ['engine-sorting', 'page-race']);
  // A graph algorithm's page and a race of graph algorithms are the graph module's, with the graph engine.
  const nodes = (page) => page.getByTestId('node').first().waitFor();
  const graph = await modulesFetched('/algorithms/dijkstra', nodes);
  assert.deepEqual(graph.modules(), ['engine-paths', 'page-graph'], 'shortest paths ship apart from traversal and trees');
  const graphRace = await modulesFetched('/race?a=bfs&b=dfs', nodes);
  assert.deepEqual(graphRace.modules(), ['engine-traversal', 'page-graph-race'], 'a graph race is its own module');
  // A race across graph families loads one engine with every graph algorithm, not the two families' engines.
  const acrossFamilies = await modulesFetched('/race?a=dijkstra&b=prim', nodes);
  assert.deepEqual(acrossFamilies.modules(), ['engine-graphs', 'page-graph-race']);
  await acrossFamilies.page.getByTestId('lane-b').getByTestId('node').first().waitFor();
  // A grid algorithm's page is its own module (the visualizer built with the grid family alone).
  const grid = await modulesFetched('/algorithms/grid-astar', (page) => page.getByTestId('grid').waitFor());
  assert.deepEqual(grid.modules(), ['engine-grids', 'page-grid']);
  // A tree entry's page and its quiz are the tree kind's own modules, with its family's engine; its editor
  // is part of the page.
  const tree = await modulesFetched('/algorithms/bst', (page) => page.getByTestId('tree').waitFor());
  assert.deepEqual(tree.modules(), ['engine-search_trees', 'page-tree']);
  await openEditor(tree.page);
  const treeQuiz = await modulesFetched('/algorithms/bst/quiz', (page) => page.getByTestId('quiz').waitFor());
  assert.deepEqual(treeQuiz.modules(), ['engine-search_trees', 'page-tree-quiz']);
  // The graph and grid editors are modules of their own, fetched when the learner opens one.
  await openEditor(graph.page);
  assert.deepEqual(graph.modules(), ['editor-graph', 'engine-paths', 'page-graph']);
  await openEditor(grid.page);
  assert.deepEqual(grid.modules(), ['editor-grid', 'engine-grids', 'page-grid']);

  const plot = await modulesFetched('/plot', (page) => page.getByTestId('measure').waitFor());
  assert.deepEqual(plot.modules(), ['page-plot'], 'nothing is measured before Measure');

  // Moving from the catalogue to a search fetches that page's module and its family's engine, no other.
  await home.page.locator('[data-id=binary-search] a').click();
  await bars(home.page);
  assert.deepEqual(home.modules(), ['engine-searching', 'page-catalogue', 'page-visualizer']);

  for (const { errors } of [home, sorting, searching, race, plot, graph, graphRace, acrossFamilies, grid]) assert.deepEqual(errors, []);
});

test('modules are sent precompressed under hashed names clients keep; the page is revalidated', async () => {
  const { page, responses } = await modulesFetched('/algorithms/heap-sort', bars);
  const modules = responses.filter((r) => new URL(r.url()).pathname.startsWith('/assets/'));
  assert.ok(modules.length >= 4, `js and wasm of a page and an engine: ${modules.map((r) => r.url())}`);
  for (const response of modules) {
    const headers = await response.allHeaders();
    assert.equal(headers['content-encoding'], 'br', response.url());
    assert.equal(headers['cache-control'], 'public, max-age=31536000, immutable', response.url());
  }
  const document = responses.find((r) => r.request().resourceType() === 'document');
  const headers = await document.allHeaders();
  assert.equal(headers['cache-control'], 'no-cache');
  assert.equal(headers['content-encoding'], 'br');
  await page.close();
});

test('a failed engine fetch says so and retries; nothing is blank', async () => {
  let blocked = true;
  const { page, errors } = await modulesFetched(
    '/algorithms/insertion-sort',
    (page) => page.getByTestId('engine-error').waitFor(),
    (page) =>
      page.route(/engine-sorting_bg\.wasm/, (route) => (blocked ? route.abort('connectionrefused') : route.continue())),
  );
  assert.match(await page.getByTestId('engine-error').textContent(), /The sorting algorithms could not be loaded/);
  assert.equal(await page.locator('h1').textContent(), 'Insertion sort', 'the page around it is there');
  blocked = false;
  await page.getByTestId('engine-retry').click();
  await bars(page);
  assert.equal(await page.getByTestId('engine-error').count(), 0);
  assert.deepEqual(errors, []);
});

test('a failed editor fetch says so and retries; the run stays on screen', async () => {
  let blocked = true;
  const { page, errors } = await modulesFetched(
    '/algorithms/grid-dijkstra?width=12&height=8&walls=20&weights=1&seed=4',
    (page) => page.getByTestId('grid').waitFor(),
    (page) => page.route(/editor-grid_bg\.wasm/, (route) => (blocked ? route.abort('connectionrefused') : route.continue())),
  );
  assert.equal(await page.getByTestId('input-summary').textContent(), 'A grid of 12 × 8 cells, generated from seed 4.');
  await page.getByTestId('edit-input').click();
  await page.getByText(/The editor could not be loaded/).waitFor();
  assert.match(await page.getByTestId('editor-status').textContent(), /^The editor could not be loaded \(.+\)\. Check the connection, then try again\.$/);
  assert.equal(await page.getByTestId('grid').count(), 1, 'the run stays');
  blocked = false;
  await openEditor(page);
  assert.equal(await page.getByTestId('editor-status').textContent(), '', 'the failure is no longer said');
  // The editor opened on the input on screen, with focus in it; what it runs comes back to the page.
  assert.equal(await page.getByTestId('width').inputValue(), '12');
  assert.ok(await page.evaluate(() => document.querySelector('[data-testid=editor-slot]').contains(document.activeElement)));
  await page.getByTestId('width').fill('15');
  await page.getByTestId('apply').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=grid]')?.dataset.width === '15');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('width') === '15');
  assert.deepEqual(errors, []);
});

test('a reply that arrives after its page left is dropped, not written into the gone page', async () => {
  // The catalogue asks the server whether it answers; the reply is held until the learner has moved on
  // to another page module, whose arrival unmounts the catalogue's.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page, errors } = await modulesFetched(
    '/',
    (page) => page.getByTestId('card').first().waitFor(),
    (page) => page.route(/\/api\/health$/, async (route) => { await held; await route.continue(); }),
  );
  await page.locator('[data-id=binary-search] a').click();
  await bars(page);
  release();
  await page.waitForResponse(/\/api\/health$/);
  await page.waitForTimeout(200);
  assert.deepEqual(errors, []);
});

test('a failed page module fetch says so and retries', async () => {
  let blocked = true;
  const { page, errors } = await modulesFetched(
    '/race',
    (page) => page.getByTestId('load-error').waitFor(),
    (page) => page.route(/page-race\.js/, (route) => (blocked ? route.abort('connectionrefused') : route.continue())),
  );
  assert.match(await page.getByTestId('load-error').textContent(), /This page could not be loaded/);
  blocked = false;
  await page.getByTestId('load-retry').click();
  await bars(page);
  assert.equal(await page.getByTestId('load-error').isVisible(), false);
  assert.deepEqual(errors, []);
});
