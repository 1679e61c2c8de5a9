import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openEditor, openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

const graphText = (lines) => encodeURIComponent(lines.join('\n'));
const states = (page, kind) =>
  page.$$eval(`[data-testid=${kind}]`, (items) => items.map((item) => item.dataset.state ?? null));
const nodeState = (page, label) =>
  page.$eval(`[data-testid=node][data-label="${label}"]`, (node) => node.dataset.state ?? null);
const number = async (page, id) => Number(await page.getByTestId(id).textContent());
const stepTo = async (page, step) => {
  for (let k = 0; k < step; k++) await page.getByTestId('step').click();
};

test('a graph algorithm renders its graph, steps through it, and shows its queue, table and counters', async () => {
  const text = graphText(['A B 4', 'A C 1', 'C B 1', 'B D 5', 'C D 8', 'start A', 'goal D']);
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/dijkstra?graph=${text}`);
  await page.getByTestId('node').first().waitFor();
  assert.equal(await page.getByTestId('node').count(), 4);
  assert.equal(await page.getByTestId('edge').count(), 5);
  assert.deepEqual(await states(page, 'node'), [null, null, null, null], 'nothing visited at step 0');
  // The counters panel shows what Dijkstra's card declares, nothing else.
  const counters = await page.getByTestId('counters').locator('dt').allTextContents();
  assert.deepEqual(counters, ['Edges examined', 'Relaxations', 'Pushes', 'Pops', 'Nodes visited']);
  assert.equal(await page.getByTestId('comparisons').count(), 0);

  await stepTo(page, 2); // A is pushed, then settled
  assert.equal(await nodeState(page, 'A'), 'current');
  assert.match(await page.getByTestId('narration').textContent(), /Pop \(0, A\)/);
  await stepTo(page, 1); // A → B relaxed to 4
  assert.equal(await page.$eval('[data-testid=edge][data-index="0"]', (e) => e.dataset.state), 'relaxed');
  assert.match(await page.getByTestId('structure-heap').textContent(), /B\s*4/);
  const dist = await page.$$eval('[data-testid=table-row]', (rows) => rows.map((r) => r.children[1].textContent));
  assert.deepEqual(dist, ['0', '4', '∞', '∞']);
  assert.equal(await number(page, 'relaxations'), 1);

  // The end: every distance final, the path to the goal marked.
  await page.getByTestId('end').click();
  const final = await page.$$eval('[data-testid=table-row]', (rows) => rows.map((r) => r.children[1].textContent));
  assert.deepEqual(final, ['0', '2', '1', '7']);
  assert.match(await page.getByTestId('narration').textContent(), /costs 7: A → C → B → D/);
  for (const label of ['A', 'C', 'B', 'D']) assert.equal(await nodeState(page, label), 'path');
  // The path's edges (A–C, C–B, B–D) stand apart from the tree's and are drawn twice as wide.
  assert.deepEqual(await states(page, 'edge'), [null, 'path', 'path', 'path', null]);
  const width = (index) => page.$eval(`[data-testid=edge][data-index="${index}"] .edge-line`, (l) => parseFloat(getComputedStyle(l).strokeWidth));
  assert.ok((await width(1)) >= 2 * 6, `the path's edges are wide (${await width(1)})`);
  assert.match(await page.getByTestId('frame-text').textContent(), /Path: A, B, C, D\./);
  assert.match(await page.getByTestId('frame-text').textContent(), /3 path edges\./);
  // Back goes back: a seek, not a replay.
  await page.getByTestId('back').click();
  assert.notEqual(await nodeState(page, 'D'), 'path');
  await page.screenshot({ path: join(ARTIFACTS, 'graph-dijkstra.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('a step touches only the nodes and edges it changed', async () => {
  const { page, errors } = await openPage(
    shared.browser,
    `${shared.server.url}/algorithms/bfs?nodes=60&density=5&wmin=1&wmax=9&directed=0&acyclic=0&seed=3`,
  );
  await page.getByTestId('node').first().waitFor();
  await stepTo(page, 3);
  const changed = await page.evaluate(async () => {
    const touched = new Set();
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const item = record.target.closest?.('[data-testid=node], [data-testid=edge]');
        if (item) touched.add(item);
      }
    });
    observer.observe(document.querySelector('[data-testid=graph]'), { subtree: true, attributes: true, childList: true, characterData: true });
    document.querySelector('[data-testid=step]').click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    observer.disconnect();
    return touched.size;
  });
  const total = (await page.getByTestId('node').count()) + (await page.getByTestId('edge').count());
  assert.ok(changed >= 1 && changed <= 4, `${changed} of ${total} nodes and edges touched by one step`);
  assert.deepEqual(errors, []);
});

test('a typed graph with a mistake names its line and column, and keeps the run', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/bfs`);
  await page.getByTestId('node').first().waitFor();
  const before = await page.getByTestId('node').count();
  await openEditor(page);
  await page.getByTestId('mode-typed').check();
  await page.getByTestId('graph-text').fill('A B 4\nB C x\nstart A');
  await page.getByTestId('apply').click();
  assert.equal(await page.getByTestId('input-error').textContent(), 'line 2, column 5: "x" is not a whole-number weight');
  assert.equal(await page.getByTestId('node').count(), before, 'the current run stays');
  await page.getByTestId('graph-text').fill('matrix\n0 1 0\n1 0 1\n0 1 0');
  await page.getByTestId('apply').click();
  assert.equal(await page.getByTestId('input-error').textContent(), 'choose a start node (a line "start A")');
  await page.getByTestId('graph-text').fill('A B 4\nB C 2\nstart A');
  await page.getByTestId('apply').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=node]').length === 3);
  // The address holds the typed graph, so the link reproduces it.
  await page.waitForFunction(() => decodeURIComponent(location.search).includes('graph=A B 4\nB C 2\nstart A'));
  assert.deepEqual(errors, []);
});

test('drawing a graph: nodes by click, an edge by drag, a start, then a run', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/dfs`);
  // Tall enough that the whole drawing surface is on screen: the mouse acts only inside the viewport.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.getByTestId('node').first().waitFor();
  await openEditor(page);
  await page.getByTestId('mode-typed').check();
  await page.getByTestId('graph-text').fill('');
  await page.getByTestId('mode-draw').check();
  const surface = page.getByTestId('draw-surface');
  await page.getByTestId('draw-weight').fill('6');
  await surface.scrollIntoViewIfNeeded();
  // Drawing coordinates (0…1000, in a viewBox with a margin of 40) to the page's, where the surface is now.
  const box = await surface.boundingBox();
  const at = (x, y) => [box.x + (box.width * (x + 40)) / 1080, box.y + (box.height * (y + 40)) / 1080];
  for (const [x, y] of [[150, 150], [800, 150], [475, 800]]) await page.mouse.click(...at(x, y));
  assert.equal(await page.getByTestId('draw-node').count(), 3);
  const drag = async (from, to) => {
    await page.mouse.move(...at(...from));
    await page.mouse.down();
    await page.mouse.move(...at(...to), { steps: 4 });
    await page.mouse.up();
  };
  await drag([150, 150], [800, 150]);
  await drag([800, 150], [475, 800]);
  assert.equal(await page.getByTestId('draw-edge').count(), 2);
  assert.match(await page.getByTestId('graph-text').inputValue(), /^A B 6\nB C 6\n/);
  await page.mouse.click(...at(150, 150));
  await page.getByTestId('draw-start').click();
  assert.equal(await page.$eval('[data-testid=draw-node][data-label=A]', (n) => n.dataset.role), 'start');
  await page.getByTestId('apply').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=graph] [data-testid=node]').length === 3);
  await page.getByTestId('end').click();
  assert.match(await page.getByTestId('narration').textContent(), /3 of 3 nodes reached/);
  assert.deepEqual(errors, []);
});

test('on a touch screen, a tap adds a node and a drag from node to node draws an edge; Clear starts over', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const { page, errors } = await openPage(context, `${shared.server.url}/algorithms/dfs`);
  await page.getByTestId('node').first().waitFor();
  await openEditor(page);
  await page.getByTestId('mode-draw').check();
  await page.getByTestId('draw-clear').click();
  assert.equal(await page.getByTestId('draw-node').count(), 0, 'Clear leaves an empty drawing');
  assert.equal(await page.getByTestId('graph-text').inputValue(), '');
  const surface = page.getByTestId('draw-surface');
  await surface.scrollIntoViewIfNeeded();
  const box = await surface.boundingBox();
  const at = (x, y) => [box.x + (box.width * (x + 40)) / 1080, box.y + (box.height * (y + 40)) / 1080];
  for (const [x, y] of [[150, 150], [800, 150]]) {
    const [px, py] = at(x, y);
    await page.touchscreen.tap(px, py);
  }
  assert.equal(await page.getByTestId('draw-node').count(), 2);
  // A drag by touch events (not a mouse): the browser makes them touch pointers, captured by the node the
  // finger went down on, so the destination never hears the pointer go up.
  const cdp = await context.newCDPSession(page);
  const touch = (type, [x, y]) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const [from, to] = [at(150, 150), at(800, 150)];
  await touch('touchStart', from);
  for (let k = 1; k <= 5; k++) await touch('touchMove', [from[0] + ((to[0] - from[0]) * k) / 5, from[1]]);
  await touch('touchEnd', to);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=draw-edge]').length === 1);
  assert.match(await page.getByTestId('graph-text').inputValue(), /^A B 1\n/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two graph algorithms race on one graph: BFS against DFS, Dijkstra against Bellman–Ford', async () => {
  const { page, errors } = await openPage(
    shared.browser,
    `${shared.server.url}/race?a=bfs&b=dfs&nodes=12&density=20&wmin=1&wmax=9&directed=0&acyclic=0&seed=4`,
  );
  await page.getByTestId('lane-a').locator('[data-testid=node]').first().waitFor();
  assert.equal(await page.getByTestId('lane-a').locator('[data-testid=node]').count(), 12);
  assert.equal(await page.getByTestId('lane-b').locator('[data-testid=node]').count(), 12);
  await stepTo(page, 4);
  assert.equal(await number(page, 'race-a-steps'), 4);
  assert.equal(await number(page, 'race-b-steps'), 4);
  await page.getByTestId('end').click();
  const winner = await page.getByTestId('winner').textContent();
  assert.match(winner, /edges examined \+ nodes visited/);
  // Rivals are graph algorithms of the same input kind.
  const rivals = await page.getByTestId('race-b').locator('option').allTextContents();
  assert.ok(rivals.includes("Dijkstra's shortest paths") && !rivals.includes('Bubble sort'));
  await page.getByTestId('race-a').selectOption('dijkstra');
  await page.getByTestId('race-b').selectOption('bellman-ford');
  // Dijkstra is the other graph engine's: the lanes wait for it to load.
  await page.waitForFunction(() => document.querySelector('[data-testid=lane-b] h2')?.textContent.includes('Bellman'));
  await page.getByTestId('end').click();
  const distances = (lane) =>
    page.$$eval(`[data-testid=${lane}] [data-testid=table-row]`, (rows) => rows.map((r) => r.children[1].textContent));
  assert.deepEqual(await distances('lane-a'), await distances('lane-b'), 'both find the same distances');
  assert.deepEqual(errors, []);
});

test('a graph run exports as a trace, an SVG and a PNG, and imports back at its step', async () => {
  const text = graphText(['A B 4', 'A C 1', 'C B 1', 'B D 5', 'start A', 'goal D']);
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/dijkstra?graph=${text}&step=6`);
  await page.getByTestId('node').first().waitFor();
  const download = async (testId) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), path: await file.path() };
  };
  const trace = await download('export-trace');
  assert.equal(trace.name, 'dijkstra-trace.json');
  const file = JSON.parse(readFileSync(trace.path, 'utf8'));
  assert.deepEqual(file.input.graph.nodes, ['A', 'B', 'C', 'D']);
  assert.deepEqual(file.input.graph.edges[0], ['A', 'B', 4]);
  assert.equal(file.step, 6);
  const states = await page.$$eval('[data-testid=node]', (nodes) => nodes.map((n) => n.dataset.state ?? null));
  const atSix = file.snapshots[6].frame.graph.nodes;
  for (const [index, state] of atSix) assert.equal(states[index], state, `node ${index} at step 6`);

  const svg = readFileSync((await download('export-svg')).path, 'utf8');
  assert.equal(svg.match(/<circle /g).length, 4);
  assert.equal(svg.match(/<line /g).length, 4);
  // The image's colours are the page's (both from style/palette.css): each node's fill and outline and
  // each edge's stroke, read from the page as the browser computed them, in the light theme.
  const hex = (rgb) => '#' + rgb.match(/\d+/g).slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('');
  const onPage = await page.evaluate(() => ({
    nodes: [...document.querySelectorAll('[data-testid=node] circle:not(.role-ring)')].map((c) => [getComputedStyle(c).fill, getComputedStyle(c).stroke]),
    edges: [...document.querySelectorAll('[data-testid=edge] .edge-line')].map((l) => getComputedStyle(l).stroke),
  }));
  const inImage = {
    nodes: [...svg.matchAll(/<circle [^>]*fill="(#[0-9a-f]{6})" stroke="(#[0-9a-f]{6})"/g)].map((m) => [m[1], m[2]]),
    edges: [...svg.matchAll(/<line [^>]*stroke="(#[0-9a-f]{6})"/g)].map((m) => m[1]),
  };
  assert.deepEqual(onPage.nodes.map(([fill, stroke]) => [hex(fill), hex(stroke)]), inImage.nodes);
  assert.deepEqual(onPage.edges.map(hex), inImage.edges);
  assert.ok(new Set(inImage.nodes.map(([fill]) => fill)).size >= 2, 'the step shows nodes in different states');
  const png = await download('export-png');
  assert.deepEqual([...readFileSync(png.path).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');

  // Imported on another graph algorithm's page: Dijkstra's page opens at step 6 with the same graph.
  const { page: other } = await openPage(shared.browser, `${shared.server.url}/algorithms/bfs`);
  await other.getByTestId('node').first().waitFor();
  await other.getByTestId('import-trace').setInputFiles(trace.path);
  await other.waitForFunction(() => location.pathname === '/algorithms/dijkstra');
  await other.waitForFunction(() => document.querySelector('[data-testid=step-count]')?.textContent.startsWith('Step 6 /'));
  assert.equal(await other.getByTestId('node').count(), 4);
  assert.deepEqual(errors, []);
});

test('example graphs fit the algorithm and run', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/bellman-ford`);
  await page.getByTestId('node').first().waitFor();
  await openEditor(page);
  await page.getByTestId('mode-typed').check();
  const offered = await page.getByTestId('graph-preset').locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(offered.includes('negative-cycle') && offered.includes('roads'), offered.join());
  await page.getByTestId('graph-preset').selectOption('negative-cycle');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=node]').length === 5);
  await page.getByTestId('end').click();
  assert.match(await page.getByTestId('narration').textContent(), /a negative cycle is reachable from the start/);
  // Dijkstra is offered no graph with negative weights.
  await page.goto(`${shared.server.url}/algorithms/dijkstra`);
  await page.getByTestId('node').first().waitFor();
  await openEditor(page);
  await page.getByTestId('mode-typed').check();
  const forDijkstra = await page.getByTestId('graph-preset').locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(!forDijkstra.includes('negative') && !forDijkstra.includes('negative-cycle') && forDijkstra.includes('roads'), forDijkstra.join());
  assert.deepEqual(errors, []);
});

test("Floyd–Warshall's table marks the cell it updates and the row and column k it reads", async () => {
  const text = graphText(['directed', 'A B 3', 'B C 1', 'A C 7', 'C A 2']);
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/floyd-warshall?graph=${text}`);
  await page.getByTestId('node-table').waitFor();
  assert.equal(await page.locator('td[data-focus]').count(), 0, 'nothing in focus before the first pair');
  await stepTo(page, 3);
  const variable = (name) => page.getByTestId(`var-${name}`).textContent();
  const [k, i, j] = [await variable('k'), await variable('i'), await variable('j')];
  const focus = await page.$$eval('td[data-focus]', (cells) =>
    cells.map((td) => ({
      kind: td.dataset.focus,
      row: td.parentElement.querySelector('th').textContent,
      column: td.closest('table').querySelectorAll('thead th')[td.cellIndex].textContent,
    })),
  );
  const written = focus.filter((f) => f.kind === 'cell');
  assert.equal(written.length, 1);
  assert.equal(written[0].row, i);
  assert.ok(written[0].column === `→ ${j}` || written[0].column === `→ ${k}`, JSON.stringify(written));
  // Row k and column k, three cells each, sharing one, less the written cell if it lies on them.
  for (const f of focus.filter((f) => f.kind === 'line')) assert.ok(f.row === k || f.column === `→ ${k}`, JSON.stringify(f));
  assert.ok(focus.length >= 5, JSON.stringify(focus));
  // At the end nothing is in focus.
  await page.getByTestId('end').click();
  assert.equal(await page.locator('td[data-focus]').count(), 0);
  assert.deepEqual(errors, []);
});

test('components and sets are each in their own colour and number, the legend shows how', async () => {
  // Two cycles joined one way (A→B→C→A, C→D, D→E→D) and F alone: three strongly connected components.
  const text = graphText(['directed', 'A B 1', 'B C 1', 'C A 1', 'C D 1', 'D E 1', 'E D 1', 'F A 1']);
  const groupsOf = (page) =>
    page.$$eval('[data-testid=node]', (nodes) =>
      Object.fromEntries(nodes.map((n) => [n.dataset.label, [n.dataset.group ?? null, n.querySelector('.group-tag')?.textContent ?? null]])));
  for (const id of ['tarjan-scc', 'kosaraju-scc']) {
    const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/${id}?graph=${text}`);
    await page.getByTestId('node').first().waitFor();
    assert.ok(Object.values(await groupsOf(page)).every(([group, tag]) => group === null && tag === ''), `${id}: no group at step 0`);
    await page.getByTestId('end').click();
    const groups = await groupsOf(page);
    const [abc, de, f] = [groups.A, groups.D, groups.F];
    assert.deepEqual([groups.B, groups.C], [abc, abc], `${id}: A, B and C together`);
    assert.deepEqual(groups.E, de, `${id}: D and E together`);
    assert.equal(new Set([abc[1], de[1], f[1]]).size, 3, `${id}: three numbers`);
    assert.equal(new Set([abc[0], de[0], f[0]]).size, 3, `${id}: three colours`);
    const fills = await page.$$eval('[data-testid=node] circle:not(.role-ring)', (circles) => circles.map((c) => getComputedStyle(c).fill));
    assert.equal(new Set(fills).size, 3, `${id}: each component filled in its own colour (${fills})`);
    const legend = await page.getByTestId('legend').textContent();
    assert.match(legend, /components: each its own colour and number/);
    assert.equal(await page.locator('.graph-legend [data-group]').count(), 3);
    assert.match(await page.getByTestId('frame-text').textContent(), /Group 1: .*Group 2: .*Group 3: /);
    assert.deepEqual(errors, []);
  }

  // Union–find: the sets of two or more nodes are numbered; a node alone is in none.
  const pairs = graphText(['A B 1', 'C D 1', 'B C 1', 'E F 1', 'G']);
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/connected-components?graph=${pairs}`);
  await page.getByTestId('node').first().waitFor();
  await page.getByTestId('end').click();
  const groups = await groupsOf(page);
  assert.deepEqual([groups.B, groups.C, groups.D], [groups.A, groups.A, groups.A]);
  assert.deepEqual(groups.F, groups.E);
  assert.notDeepEqual(groups.E, groups.A);
  assert.deepEqual(groups.G, [null, ''], 'G alone is in no set of two');
  assert.match(await page.getByTestId('legend').textContent(), /sets: each its own colour and number/);
  assert.deepEqual(errors, []);
});
