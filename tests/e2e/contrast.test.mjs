// Text drawn over a mark must be readable: axe cannot judge text over SVG shapes or on a canvas (it marks
// them "incomplete"), so the contrast of every label against the fill behind it is computed here, in the
// browser, for every algorithm in the catalogue and both themes, and must reach 4.5:1 (WCAG 1.4.3).
//
// The states checked on a page are those its legend names; the algorithms' harness proves that the
// legend names exactly the states the algorithm's frames show, so every state a run shows is checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

/** WCAG contrast, in the page: colours as `rgb(…)`/`#rrggbb` strings or [r, g, b] arrays. */
const CONTRAST = `
  window.__rgb = (colour) => {
    if (Array.isArray(colour)) return colour;
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = colour;
    probe.fillRect(0, 0, 1, 1);
    return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  };
  window.__contrast = (a, b) => {
    const luminance = (colour) => {
      const [r, g, bl] = window.__rgb(colour).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };
`;

/** Every label over a graph's marks: node labels over each legend state's fill, weights over their halo. */
const graphLabels = () => {
  const found = [];
  const real = document.querySelector('svg.graph [data-testid=node]');
  const states = [null, ...[...document.querySelectorAll('.graph-legend g.node[data-state]')].map((g) => g.dataset.state)];
  for (const state of states) {
    const twin = real.cloneNode(true);
    if (state) twin.setAttribute('data-state', state);
    else twin.removeAttribute('data-state');
    real.parentNode.appendChild(twin);
    const label = twin.querySelector('.node-label');
    const fill = getComputedStyle(twin.querySelector('circle:not(.role-ring)')).fill;
    if (label) found.push([`node label on ${state ?? 'a plain node'}`, window.__contrast(getComputedStyle(label).fill, fill)]);
    twin.remove();
  }
  // A run that shows groups fills its settled nodes with each group's colour (the legend shows three of
  // the eight); its number beside a node is over the halo of the page's panel.
  if (document.querySelector('.graph-legend [data-group]')) {
    for (let group = 0; group < 8; group++) {
      const twin = real.cloneNode(true);
      twin.setAttribute('data-state', 'finished');
      twin.setAttribute('data-group', String(group));
      real.parentNode.appendChild(twin);
      const label = twin.querySelector('.node-label');
      const fill = getComputedStyle(twin.querySelector('circle:not(.role-ring)')).fill;
      if (label) found.push([`node label on group ${group + 1}`, window.__contrast(getComputedStyle(label).fill, fill)]);
      const tag = twin.querySelector('.group-tag');
      if (tag) found.push([`group number ${group + 1}`, window.__contrast(getComputedStyle(tag).fill, getComputedStyle(tag).stroke)]);
      twin.remove();
    }
  }
  const weight = document.querySelector('svg.graph .weight');
  if (weight) {
    // A weight is drawn over a halo of its stroke colour (painted first, wide enough to cover the line).
    const style = getComputedStyle(weight);
    const haloed = style.paintOrder.startsWith('stroke') && parseFloat(style.strokeWidth) >= 3;
    const behind = haloed ? style.stroke : getComputedStyle(weight.closest('.stage')).backgroundColor;
    found.push(['edge weight', window.__contrast(style.fill, behind)]);
  }
  return found;
};

/** A tree's keys over each legend mark's fill (and over a plain node). */
const treeLabels = () => {
  const real = document.querySelector('[data-testid=tree-node]');
  const marks = [null, ...[...document.querySelectorAll('.tree-legend .tree-node[data-mark]')].map((g) => g.dataset.mark)];
  return marks.map((mark) => {
    const twin = real.cloneNode(true);
    if (mark) twin.setAttribute('data-mark', mark);
    else twin.removeAttribute('data-mark');
    real.parentNode.appendChild(twin);
    const ratio = window.__contrast(getComputedStyle(twin.querySelector('text')).fill, getComputedStyle(twin.querySelector('circle')).fill);
    twin.remove();
    return [`key on a ${mark ?? 'plain'} node`, ratio];
  });
};

/** Bar values, for a bar of each legend mark: over the panel when drawn above the bar, else over its fill. */
const barLabels = () => {
  const found = [];
  const real = document.querySelector('[data-testid=bar]');
  const panel = getComputedStyle(real.closest('.stage')).backgroundColor;
  const marks = [null, ...[...document.querySelectorAll('.legend .swatch')].map((s) => s.dataset.mark)];
  for (const mark of marks) {
    const twin = real.cloneNode(true);
    if (mark) twin.setAttribute('data-mark', mark);
    else twin.removeAttribute('data-mark');
    twin.classList.remove('outside');
    real.parentNode.appendChild(twin);
    const label = twin.querySelector('.bar-label');
    if (label) {
      const above = label.getBoundingClientRect().bottom <= twin.getBoundingClientRect().top + 1;
      const behind = above ? panel : getComputedStyle(twin).backgroundColor;
      found.push([`value on a ${mark ?? 'plain'} bar`, window.__contrast(getComputedStyle(label).color, behind)]);
    }
    twin.remove();
  }
  for (const plate of document.querySelectorAll('.cell[data-mark] > span')) {
    const style = getComputedStyle(plate);
    found.push([`auxiliary value on ${plate.parentElement.dataset.mark}`, window.__contrast(style.color, style.backgroundColor)]);
  }
  return found;
};

/**
 * The letters on a grid's canvas (S, G and costs): for each cell given, its fill is read at a corner and its
 * ink as the pixel of the cell's middle that contrasts most with that fill (a glyph's solid core).
 */
const gridLetters = (cells) => {
  const canvas = document.querySelector('canvas.grid');
  const size = canvas.width / Number(canvas.dataset.width);
  const context = canvas.getContext('2d');
  return cells.map(([name, x, y]) => {
    const data = context.getImageData(x * size, y * size, size, size).data;
    const pixel = (i, j) => [...data.slice((j * size + i) * 4, (j * size + i) * 4 + 3)];
    const fill = pixel(1, 1);
    let best = 1;
    for (let j = Math.floor(size * 0.3); j < Math.ceil(size * 0.7); j++) {
      for (let i = Math.floor(size * 0.3); i < Math.ceil(size * 0.7); i++) best = Math.max(best, window.__contrast(pixel(i, j), fill));
    }
    return [`${name} on rgb(${fill})`, best];
  });
};

/** The start and goal cells, as the grid's text for screen readers names them. */
const startAndGoal = async (page) => {
  const text = await page.getByTestId('frame-text').textContent();
  const start = text.match(/start at \((\d+), (\d+)\)/);
  const goal = text.match(/goal at \((\d+), (\d+)\)/);
  return [['S', Number(start[1]), Number(start[2])], ['G', Number(goal[1]), Number(goal[2])]];
};

const scrubTo = (page, fraction) =>
  page.getByTestId('scrubber').evaluate((el, f) => {
    el.value = String(Math.round(Number(el.max) * f));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, fraction);

for (const colorScheme of ['light', 'dark']) {
  test(`every label over a mark reaches 4.5:1 on every algorithm's page (${colorScheme})`, async () => {
    const context = await shared.browser.newContext({ colorScheme });
    const { page: catalogue } = await openPage(context, `${shared.server.url}/`);
    await catalogue.getByTestId('card').first().waitFor();
    const ids = await catalogue.$$eval('[data-testid=card]', (cards) => cards.map((card) => card.dataset.id));
    assert.ok(ids.length >= 49, `the whole catalogue (${ids.length})`);
    await catalogue.close();

    const low = [];
    const measured = { graph: 0, array: 0, grid: 0, tree: 0 };
    for (const id of ids) {
      const { page, errors } = await openPage(context, `${shared.server.url}/algorithms/${id}`);
      await page.locator('.stage :is([data-testid=node], [data-testid=bar], [data-testid=grid], svg.tree)').first().waitFor();
      await page.addScriptTag({ content: CONTRAST });
      let found;
      if (await page.locator('svg.tree').count()) {
        // A tree run starts empty: its last step has every key.
        await page.getByTestId('end').click();
        await page.getByTestId('tree-node').first().waitFor();
        found = await page.evaluate(treeLabels);
        measured.tree += found.length;
      } else if (await page.locator('svg.graph').count()) {
        found = await page.evaluate(graphLabels);
        measured.graph += found.length;
      } else if (await page.locator('canvas.grid').count()) {
        // Sampled through the run: the start and goal pass through the states the run gives them.
        found = [];
        const cells = await startAndGoal(page);
        for (const fraction of [0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1]) {
          await scrubTo(page, fraction);
          // The canvas is repainted by an effect: two frames later it shows the new step.
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          found.push(...(await page.evaluate(gridLetters, cells)).map(([name, ratio]) => [`${name} at ${fraction}`, ratio]));
        }
        measured.grid += found.length;
      } else {
        found = await page.evaluate(barLabels);
        measured.array += found.length;
      }
      low.push(...found.filter(([, ratio]) => ratio < 4.5).map(([name, ratio]) => `${id}: ${name} is ${ratio.toFixed(2)}:1`));
      assert.deepEqual(errors, [], id);
      await page.close();
    }
    // Costs on open ground: the tint deepens with the cost, and each digit must still read.
    const costs = encodeURIComponent('S23456789\n.........\n........G');
    const { page } = await openPage(context, `${shared.server.url}/algorithms/grid-dijkstra?grid=${costs}`);
    await page.locator('canvas.grid[data-painted]').waitFor();
    await page.addScriptTag({ content: CONTRAST });
    const digits = await page.evaluate(gridLetters, [...'23456789'].map((d, x) => [`cost ${d}`, x + 1, 0]));
    low.push(...digits.filter(([, ratio]) => ratio < 4.5).map(([name, ratio]) => `grid-dijkstra: ${name} is ${ratio.toFixed(2)}:1`));
    await context.close();

    assert.ok(measured.graph > 16 * 2 && measured.array > 22 * 3 && measured.grid >= 10 * 16 && measured.tree >= 6, JSON.stringify(measured));
    assert.deepEqual(low, []);
  });
}
