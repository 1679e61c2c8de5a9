// What a learner reads off a drawing: the legend names only the states the algorithm's frames show, in the
// algorithm's own words, and each swatch is drawn exactly as the marks it names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

const open = async (path, ready, options) => {
  const context = await shared.browser.newContext(options);
  const opened = await openPage(context, `${shared.server.url}${path}`);
  opened.page.on('close', () => context.close().catch(() => {}));
  await opened.page.locator(ready).first().waitFor();
  return opened;
};

const legendWords = (page) =>
  page.$$eval('[data-testid=legend] li', (items) => items.map((item) => item.textContent.trim()));

test('each legend lists the states its algorithm shows, in its own words', async () => {
  const cases = [
    ['/algorithms/bubble-sort?values=5,3,8,1', '[data-testid=bar]', ['compared', 'swapped', 'sorted']],
    ['/algorithms/bst?script=insert%205%203', '[data-testid=tree]', ['on the path', 'compared', 'found', 'inserted', 'successor moving up']],
    ['/algorithms/binary-search?values=1,3,5,7&target=5', '[data-testid=bar]', ['probed', 'found']],
    [
      '/algorithms/kruskal?nodes=6&density=50&wmin=1&wmax=9&directed=0&acyclic=0&seed=1',
      '[data-testid=node]',
      ['ends of the edge', 'in the forest', 'edge being tried', 'kept edge', 'discarded (closes a cycle)'],
    ],
    [
      '/algorithms/prim?nodes=6&density=50&wmin=1&wmax=9&directed=0&acyclic=0&seed=1',
      '[data-testid=node]',
      ['reachable, not in the tree', 'joins the tree', 'in the tree', 'improves a key', 'tree edge', 'no better (discarded)'],
    ],
    [
      '/algorithms/grid-bfs?grid=' + encodeURIComponent('S..\n.#.\n..G'),
      '[data-testid=grid]',
      ['in the open set', 'being expanded', 'expanded', 'neighbour looked at', 'on the path', 'wall', 'start', 'goal'],
    ],
    [
      '/algorithms/grid-dijkstra?grid=' + encodeURIComponent('S.5\n.#.\n9.G'),
      '[data-testid=grid]',
      [
        'in the open set', 'being expanded', 'expanded', 'neighbour looked at', 'on the path', 'wall', 'start', 'goal',
        'costly cell (2–9, darker is dearer)',
      ],
    ],
  ];
  for (const [path, ready, words] of cases) {
    const { page, errors } = await open(path, ready);
    assert.deepEqual(await legendWords(page), words, path);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`every legend swatch is drawn as the marks it names (${colorScheme})`, async () => {
    // Graph swatches: each is compared with a node or edge of the drawing itself put in the same state,
    // property by property as the browser resolved the stylesheet.
    const { page, errors } = await open(
      '/algorithms/tarjan-scc?nodes=8&density=30&wmin=1&wmax=9&directed=1&acyclic=0&seed=4',
      '[data-testid=node]',
      { colorScheme },
    );
    const graphDiffs = await page.evaluate(() => {
      const properties = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity'];
      const look = (el) => properties.map((p) => getComputedStyle(el).getPropertyValue(p)).join(' ; ');
      const diffs = [];
      let swatches = 0;
      for (const swatch of document.querySelectorAll('.graph-legend g[data-state]')) {
        swatches += 1;
        const kind = swatch.classList.contains('node') ? 'node' : 'edge';
        const real = document.querySelector(`svg.graph [data-testid=${kind}]`);
        const twin = real.cloneNode(true);
        twin.setAttribute('data-state', swatch.dataset.state);
        // A group's swatch: a node in that group, with its number beside it.
        if (swatch.dataset.group) twin.setAttribute('data-group', swatch.dataset.group);
        real.parentNode.appendChild(twin);
        const part = kind === 'node' ? 'circle:not(.role-ring)' : '.edge-line';
        const [a, b] = [look(swatch.querySelector(part)), look(twin.querySelector(part))];
        if (a !== b) diffs.push(`${kind} ${swatch.dataset.state}: legend ${a} | graph ${b}`);
        const tags = [swatch, twin].map((g) => g.querySelector('.group-tag')).filter(Boolean);
        if (swatch.dataset.group && (tags.length !== 2 || look(tags[0]) !== look(tags[1]))) {
          diffs.push(`group ${swatch.dataset.group}: its number is not drawn as the graph's`);
        }
        twin.remove();
      }
      return { swatches, diffs };
    });
    assert.equal(graphDiffs.swatches, 11, "Tarjan's legend: four node states, four edge states, three groups");
    assert.deepEqual(graphDiffs.diffs, []);
    // The legend's node swatches differ from each other (they were once all one empty circle).
    const fills = await page.$$eval('.graph-legend g.node circle', (circles) =>
      circles.map((c) => getComputedStyle(c).fill + getComputedStyle(c).strokeDasharray + getComputedStyle(c).strokeWidth),
    );
    assert.equal(new Set(fills).size, fills.length, `node swatches alike: ${fills.join(' | ')}`);
    assert.deepEqual(errors, []);
    await page.close();

    // Bar swatches against a bar of the drawing given the same mark.
    const bars = await open('/algorithms/insertion-sort?values=5,3,8,1', '[data-testid=bar]', { colorScheme });
    const barDiffs = await bars.page.evaluate(() => {
      const properties = ['background-color', 'background-image', 'box-shadow', 'outline-style'];
      const look = (el) => properties.map((p) => getComputedStyle(el).getPropertyValue(p)).join(' ; ');
      const real = document.querySelector('[data-testid=bar]');
      return [...document.querySelectorAll('.legend .swatch')].flatMap((swatch) => {
        const twin = real.cloneNode(false);
        twin.setAttribute('data-mark', swatch.dataset.mark);
        twin.classList.remove('outside');
        real.parentNode.appendChild(twin);
        const [a, b] = [look(swatch), look(twin)];
        twin.remove();
        return a === b ? [] : [`${swatch.dataset.mark}: legend ${a} | bar ${b}`];
      });
    });
    assert.deepEqual(barDiffs, []);
    assert.equal(await bars.page.locator('.legend .swatch').count(), 4);
    await bars.page.close();

    // Grid swatches are cells painted by the grid's painter: a swatch's corner has its state's fill.
    const grid = await open('/algorithms/grid-bfs?grid=' + encodeURIComponent('S..\n.#.\n..G'), '[data-testid=grid]', {
      colorScheme,
    });
    const painted = await grid.page.evaluate(() => {
      const fills = { frontier: '--mark-compared', visited: '--bar', current: '--mark-swapped', wall: '--cell-wall' };
      const rgb = (css) => {
        const probe = document.createElement('canvas').getContext('2d');
        probe.fillStyle = css;
        probe.fillRect(0, 0, 1, 1);
        return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const style = getComputedStyle(document.querySelector('canvas.grid'));
      return Object.entries(fills).map(([state, variable]) => {
        const swatch = document.querySelector(`.grid-legend canvas[data-state=${state}]`);
        const corner = [...swatch.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3)];
        return [state, corner, rgb(style.getPropertyValue(variable).trim())];
      });
    });
    for (const [state, corner, fill] of painted) assert.deepEqual(corner, fill, `${state} swatch painted in its fill`);
    await grid.page.close();
  });
}
