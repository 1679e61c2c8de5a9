import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openEditor, openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

const gridText = (rows) => encodeURIComponent(rows.join('\n'));
const number = async (page, id) => Number(await page.getByTestId(id).textContent());
const stepTo = async (page, step) => {
  for (let k = 0; k < step; k++) await page.getByTestId('step').click();
};
const painted = (page, scope = page) => scope.getByTestId('grid').getAttribute('data-painted').then(Number);
/** The colour the canvas shows at the middle of cell (x, y), as #rrggbb. */
const pixel = (page, x, y, testId = 'grid') =>
  page.$eval(`[data-testid=${testId}]`, (canvas, [x, y]) => {
    const size = canvas.width / Number(canvas.dataset.width ?? canvas.width / 36);
    // Sample near a corner of the cell: the middle may hold a letter or a shape.
    const [r, g, b] = canvas.getContext('2d').getImageData(Math.floor(x * size + 2), Math.floor(y * size + 2), 1, 1).data;
    return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  }, [x, y]);
const variable = (page, name) =>
  page.$$eval('[data-testid=variables] dt', (terms, name) => {
    const term = terms.find((t) => t.textContent === name);
    return term ? term.nextElementSibling.textContent : null;
  }, name);

test('a grid search draws the grid, steps through it with f, g and h, and finds the path', async () => {
  const grid = gridText(['S..#', '.#..', '...G']);
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/grid-astar?grid=${grid}`);
  await page.getByTestId('grid').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=grid]')?.dataset.painted === '12');
  assert.equal(await page.getByTestId('grid').getAttribute('data-width'), '4');
  const counters = await page.getByTestId('counters').locator('dt').allTextContents();
  assert.deepEqual(counters, ['Cells visited', 'Largest frontier', 'Pushes', 'Pops']);
  // The stylesheet's colours: the wall at (3, 0) is the wall colour, open ground the open colour.
  assert.equal(await pixel(page, 3, 0), '#2b2d33');
  assert.equal(await pixel(page, 2, 0), '#ffffff');

  await stepTo(page, 2); // the start is pushed, then taken from the open set
  assert.match(await page.getByTestId('narration').textContent(), /Take \(0, 0\) from the open set: the smallest f = g \+ h = 0 \+ 5/);
  assert.equal(await variable(page, 'f[u]'), '5');
  assert.equal(await variable(page, 'h[u]'), '5');
  assert.equal(await pixel(page, 0, 0), '#d55e00', 'the current cell is painted');
  assert.ok((await painted(page)) <= 2, 'a step repaints only the cells it changed');
  await stepTo(page, 1); // up is off the grid: right, (1, 0), is pushed
  assert.match(await page.getByTestId('frame-text').textContent(), /Frontier: the cell at \(1, 0\)\./);
  assert.equal(await pixel(page, 1, 0), '#e69f00');

  await page.getByTestId('end').click();
  assert.match(await page.getByTestId('narration').textContent(), /The goal \(3, 2\) is reached: a path of 5 moves, cost 5/);
  assert.match(await page.getByTestId('frame-text').textContent(), /Path: 6 cells\./);
  assert.equal(await variable(page, 'path cost'), '5');
  assert.equal(await pixel(page, 3, 2), '#009e73', 'the goal is on the path');
  assert.ok((await number(page, 'cells_visited')) >= 5);
  // Back is a seek: the path is gone again.
  await page.getByTestId('back').click();
  assert.notEqual(await pixel(page, 3, 2), '#009e73');
  // The dark theme repaints the canvas in its own colours.
  await page.getByTestId('theme-toggle').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.waitForFunction(() => document.querySelector('[data-testid=grid]').dataset.painted === '12');
  assert.equal(await pixel(page, 3, 0), '#c9ccd5');
  await page.screenshot({ path: join(ARTIFACTS, 'grid-astar.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('at 100 × 100 a step repaints at most three cells of 10,000', async () => {
  const { page, errors } = await openPage(
    shared.browser,
    `${shared.server.url}/algorithms/grid-bfs?width=100&height=100&walls=20&weights=0&seed=1`,
  );
  await page.waitForFunction(() => document.querySelector('[data-testid=grid]')?.dataset.painted === '10000');
  const counts = [];
  for (let k = 0; k < 12; k++) {
    await page.getByTestId('step').click();
    counts.push(await painted(page));
  }
  // A step that only looks (a neighbour already seen) changes no cell at all.
  assert.ok(counts.every((n) => n <= 3) && counts.some((n) => n > 0), `cells repainted per step: ${counts}`);
  // Seeking far repaints what differs, and the frame text follows.
  await page.getByTestId('end').click();
  assert.ok((await painted(page)) > 100);
  assert.match(await page.getByTestId('frame-text').textContent(), /Visited: \d+ cells\./);
  assert.deepEqual(errors, []);
});

test('painting walls with a mouse and moving the goal with a finger change the grid that runs', async () => {
  const context = await shared.browser.newContext({ hasTouch: true });
  const { page, errors } = await openPage(context, `${shared.server.url}/algorithms/grid-bfs?grid=${gridText(['S.....', '......', '.....G'])}`);
  await page.getByTestId('grid').waitFor();
  await openEditor(page);
  await page.getByTestId('mode-paint').check();
  const surface = page.getByTestId('paint-surface');
  await surface.waitFor();
  const box = await surface.boundingBox();
  const cell = box.width / 6;
  const at = (x, y) => [box.x + (x + 0.5) * cell, box.y + (y + 0.5) * cell];
  // A wall down column 2, dragged with the mouse, leaving row 2 open.
  await page.getByTestId('paint-wall').check();
  await page.mouse.move(...at(2, 0));
  await page.mouse.down();
  await page.mouse.move(...at(2, 1), { steps: 4 });
  await page.mouse.up();
  // The goal moves to (0, 2) with a tap.
  await page.getByTestId('paint-goal').check();
  await page.touchscreen.tap(...at(0, 2));
  await page.getByTestId('mode-typed').check();
  assert.equal(await page.getByTestId('grid-text').inputValue(), 'S.#...\n..#...\nG.....\n');
  await page.getByTestId('apply').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('grid') === 'S.#...\n..#...\nG.....');
  await page.getByTestId('end').click();
  assert.match(await page.getByTestId('narration').textContent(), /The goal \(0, 2\) is reached: a path of 2 moves/);
  assert.match(await page.getByTestId('frame-text').textContent(), /2 walls; start at \(0, 0\), goal at \(0, 2\)\./);
  await context.close();
  assert.deepEqual(errors, []);
});

test('a typed grid with a mistake names its line and column; a costly cell is refused by BFS', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/grid-bfs`);
  await page.getByTestId('grid').waitFor();
  await openEditor(page);
  await page.getByTestId('mode-typed').check();
  await page.getByTestId('grid-text').fill('S..\n.x.\n..G');
  await page.getByTestId('apply').click();
  assert.equal(
    await page.getByTestId('input-error').textContent(),
    'line 2, column 2: "x" is not a cell: use . (open), # (wall), 2–9 (cost), S (start) or G (goal)',
  );
  await page.getByTestId('grid-text').fill('S..\n.5.\n..G');
  await page.getByTestId('apply').click();
  assert.match(await page.getByTestId('input-error').textContent(), /line 2, column 2 costs 5: this search counts steps/);
  // An example grid runs at once.
  await page.getByTestId('grid-preset').selectOption('maze');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('grid')?.startsWith('#####'));
  await page.getByTestId('end').click();
  assert.match(await page.getByTestId('narration').textContent(), /The goal \(19, 9\) is reached/);
  assert.deepEqual(errors, []);
});

test('a maze is carved from a seed, the same maze every time, with rooms − 1 walls taken down', async () => {
  const url = `${shared.server.url}/algorithms/maze-backtracker?width=11&height=9&seed=3`;
  const { page, errors } = await openPage(shared.browser, url);
  await page.getByTestId('grid').waitFor();
  assert.equal(await page.getByTestId('input-summary').textContent(), 'A grid of 11 × 9 cells, generated from seed 3.');
  // Width, height and seed only: a maze takes no walls or costs.
  await openEditor(page);
  assert.equal(await page.getByTestId('width').inputValue(), '11');
  assert.equal(await page.getByTestId('walls').count(), 0);
  assert.match(await page.getByTestId('frame-text').textContent(), /99 walls/);
  await page.getByTestId('end').click();
  // 5 × 4 rooms and 19 passages open, of 99 cells.
  assert.match(await page.getByTestId('frame-text').textContent(), /60 walls; start at \(1, 1\), goal at \(9, 7\)\./);
  // The canvas's own pixels: a screenshot would also take whatever the player's dock covers of it.
  const pixels = (p) => p.getByTestId('grid').evaluate((canvas) => canvas.toDataURL());
  const image = await pixels(page);
  const { page: again } = await openPage(shared.browser, url);
  await again.getByTestId('grid').waitFor();
  await again.getByTestId('end').click();
  await again.waitForFunction(() => document.querySelector('[data-testid=frame-text]').textContent.includes('60 walls'));
  assert.equal(await pixels(again), image, 'the seed repeats the maze');
  // The finished maze is a grid to search: A* finds its one way through.
  await again.getByTestId('solve-maze').getByText('A*').click();
  await again.waitForFunction(() => location.pathname === '/algorithms/grid-astar');
  await again.getByTestId('grid').waitFor();
  assert.match(await again.getByTestId('frame-text').textContent(), /60 walls; start at \(1, 1\), goal at \(9, 7\)\./);
  await again.getByTestId('end').click();
  assert.match(await again.getByTestId('narration').textContent(), /The goal \(9, 7\) is reached/);
  // Another generator races it on the same size.
  await page.goto(`${shared.server.url}/race?a=maze-prim&b=maze-kruskal&width=11&height=9&seed=3`);
  await page.getByTestId('lane-b').getByTestId('grid').waitFor();
  const rivals = await page.getByTestId('race-b').locator('option').allTextContents();
  assert.deepEqual(rivals.sort(), ['Maze: randomized Kruskal', 'Maze: recursive backtracker', 'Maze: recursive division']);
  await page.getByTestId('end').click();
  for (const lane of ['lane-a', 'lane-b']) {
    assert.match(await page.getByTestId(lane).getByTestId('frame-text').textContent(), /60 walls/, lane);
  }
  assert.deepEqual(errors, []);
});

test('Dijkstra races A* on one grid and on one graph: the same cost, A* visits fewer', async () => {
  const { page, errors } = await openPage(
    shared.browser,
    `${shared.server.url}/race?a=grid-dijkstra&b=grid-astar&width=30&height=20&walls=15&weights=1&seed=2`,
  );
  await page.getByTestId('lane-b').getByTestId('grid').waitFor();
  await page.getByTestId('end').click();
  const cost = (lane) => page.getByTestId(lane).locator('.narration').textContent().then((t) => t.match(/cost (\d+)/)?.[1]);
  assert.ok(await cost('lane-a'));
  assert.equal(await cost('lane-a'), await cost('lane-b'), 'both find the cheapest path');
  const visited = (lane) => page.getByTestId(`race-${lane}-cells_visited`).textContent().then(Number);
  assert.ok((await visited('b')) < (await visited('a')), 'A* expands fewer cells');
  assert.match(await page.getByTestId('winner').textContent(), /cells visited/);

  // On a graph with coordinates: A* on the plane against Dijkstra.
  const graph = encodeURIComponent(
    ['A B 300', 'B C 300', 'A D 450', 'D C 400', 'C E 350', 'B E 520', 'at A 100 500', 'at B 380 420', 'at C 650 500',
      'at D 380 700', 'at E 900 450', 'start A', 'goal E'].join('\n'),
  );
  await page.goto(`${shared.server.url}/race?a=dijkstra&b=astar-graph&graph=${graph}`);
  await page.getByTestId('lane-b').locator('[data-testid=node]').first().waitFor();
  await page.getByTestId('end').click();
  const narrations = await Promise.all(['lane-a', 'lane-b'].map((lane) => page.getByTestId(lane).locator('.narration').textContent()));
  for (const text of narrations) assert.match(text, /950|A → B → E/, text);
  assert.deepEqual(errors, []);
});

test('a grid run exports as a trace and an SVG of its cells, and the trace imports back at its step', async () => {
  const grid = gridText(['S.#', '..G']);
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/grid-astar?grid=${grid}&step=999`);
  await page.getByTestId('grid').waitFor();
  const download = async (testId) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return file.path();
  };
  const svg = readFileSync(await download('export-svg'), 'utf8');
  assert.equal(svg.match(/<rect x=/g).length, 6);
  assert.equal(svg.match(/fill="#009e73"/g).length, 4, 'the path: S, two cells, G');
  const tracePath = await download('export-trace');
  const trace = JSON.parse(readFileSync(tracePath, 'utf8'));
  assert.deepEqual(trace.input.grid, ['S.#', '..G']);
  assert.equal(trace.step, trace.steps - 1);
  const cells = trace.snapshots.at(-1).frame.grid.cells;
  assert.equal(cells.length, 6);
  assert.equal(cells[2], '#');
  assert.equal([...cells].filter((c) => c === 'p').length, 4, cells);
  // Imported on another grid algorithm's page: A*'s page opens at the last step with the same grid.
  const { page: other } = await openPage(shared.browser, `${shared.server.url}/algorithms/grid-bfs`);
  await other.getByTestId('grid').waitFor();
  await other.getByTestId('import-trace').setInputFiles(tracePath);
  await other.waitForFunction(() => location.pathname === '/algorithms/grid-astar');
  await other.waitForFunction((last) => document.querySelector('[data-testid=step-count]')?.textContent.startsWith(`Step ${last} /`), trace.steps - 1);
  assert.equal(await other.getByTestId('grid').getAttribute('data-width'), '3');
  assert.match(await other.getByTestId('narration').textContent(), /The goal \(2, 1\) is reached/);
  assert.deepEqual(errors, []);
});
