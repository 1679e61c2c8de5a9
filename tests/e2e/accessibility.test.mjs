// Accessibility, checked the way an outside audit would: axe-core's WCAG 2.1 A/AA rules on every route in
// both themes (and in the visualizer's states that add content), the help dialog driven by keyboard only,
// reflow at 320 px, and each route's own title and focus after navigation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { ARTIFACTS, openEditor, openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

// A fourth item prepares the page before the audit: the graph and grid pages with their editor open (a
// module fetched on use), so its form and drawing surface are audited too.
const ROUTES = [
  ['catalogue', '/', '[data-testid=card]'],
  ['sorting visualizer', '/algorithms/bubble-sort?values=38,27,43,3,9,82,10,55,21,64', '[data-testid=bar]'],
  ['searching visualizer', '/algorithms/binary-search?values=1,3,5,7,9,11,13&target=9', '[data-testid=bar]'],
  ['quiz', '/algorithms/bubble-sort/quiz?values=38,27,43,3,9', '[data-testid=quiz]'],
  ['graph visualizer', '/algorithms/dijkstra?nodes=8&density=30&wmin=1&wmax=9&directed=0&acyclic=0&seed=2&step=5', '[data-testid=node]', openEditor],
  ['grid visualizer', '/algorithms/grid-astar?width=20&height=12&walls=20&weights=1&seed=2&step=9', '[data-testid=grid]', openEditor],
  ['tree visualizer', '/algorithms/bst?script=insert%2050%2030%2070%2020%2040&step=5', '[data-testid=tree-node]', openEditor],
  ['race', '/race', '[data-testid=lane-a]'],
  ['plot', '/plot', '[data-testid=measure]'],
  ['progress', '/progress', '[data-testid=streak-panel]'],
  ['not found', '/no/such/page', '[data-testid=not-found]'],
];

/** axe-core needs a page of an explicit context; closing the page closes the context too. */
async function open(path, ready, options = {}) {
  const context = await shared.browser.newContext(options);
  const opened = await openPage(context, `${shared.server.url}${path}`);
  opened.page.on('close', () => context.close().catch(() => {}));
  await opened.page.locator(ready).first().waitFor();
  return opened;
}

/** The WCAG 2.1 A/AA (and axe best-practice) violations on the page as it is now, one line each, so a failure names what and where. */
async function violations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} — ${node.failureSummary.replace(/\s+/g, ' ')}`),
  );
}

for (const colorScheme of ['light', 'dark']) {
  test(`every route has no WCAG 2.1 A/AA violation in the ${colorScheme} theme`, async () => {
    const found = [];
    for (const [name, path, ready, prepare] of ROUTES) {
      const { page, errors } = await open(path, ready, { colorScheme });
      await prepare?.(page);
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
        colorScheme === 'dark' ? 'rgb(20, 21, 26)' : 'rgb(251, 251, 253)',
        `${name} follows the system's ${colorScheme} theme`,
      );
      found.push(...(await violations(page)).map((v) => `${name}: ${v}`));
      assert.deepEqual(errors, []);
      await page.close();
    }
    assert.deepEqual(found, [], colorScheme);
  });

  test(`the visualizer stepped, with its help open, and the plot measured: no violation (${colorScheme})`, async () => {
    const { page, errors } = await open(ROUTES[1][1], ROUTES[1][2], { colorScheme });
    for (let i = 0; i < 5; i++) await page.getByTestId('step').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=bar][data-mark]'));
    assert.deepEqual(await violations(page), [], `visualizer after stepping (${colorScheme})`);
    await page.getByTestId('help').click();
    await page.getByTestId('help-overlay').waitFor();
    assert.deepEqual(await violations(page), [], `visualizer with help open (${colorScheme})`);
    await page.close();

    // The quiz with a question waiting for its answer, then answered.
    const { page: quiz } = await open('/algorithms/bubble-sort/quiz?values=38,27,43,3,9', '[data-testid=quiz]', { colorScheme });
    await quiz.keyboard.press('ArrowRight');
    await quiz.getByTestId('quiz-question').waitFor();
    assert.deepEqual(await violations(quiz), [], `quiz asking (${colorScheme})`);
    await quiz.getByTestId('quiz-skip').click();
    await quiz.keyboard.press('ArrowRight');
    await quiz.getByTestId('quiz-yes').click();
    await quiz.waitForFunction(() => document.querySelector('[data-testid=quiz-outcome]').dataset.right);
    assert.deepEqual(await violations(quiz), [], `quiz answered (${colorScheme})`);
    await quiz.close();

    const { page: plot } = await open('/plot', '[data-testid=measure]', { colorScheme });
    await plot.getByTestId('measure').click();
    await plot.waitForFunction(
      () => document.querySelector('[data-testid=progress]').textContent.startsWith('Done'), null, { timeout: 60000 });
    assert.deepEqual(await violations(plot), [], `plot measured (${colorScheme})`);
    assert.deepEqual(errors, []);
    await plot.close();
  });
}

test('the help dialog is modal: focus moves in, stays in, Esc closes from anywhere, focus returns, no stepping', async () => {
  const { page, errors } = await open(ROUTES[1][1], ROUTES[1][2]);
  const focusedId = () => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);
  const step = async () => Number((await page.getByTestId('step-count').textContent()).match(/Step (\d+)/)[1]);

  // Opened with `?` while Play has focus: focus moves into the dialog.
  await page.getByTestId('play').focus();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('help-overlay');
  await dialog.waitFor();
  assert.equal(await focusedId(), 'help-close');
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid=help-overlay]').closest('dialog')?.open), true);

  // Tab and Shift+Tab never leave it.
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    assert.equal(
      await page.evaluate(() => document.querySelector('[data-testid=help-overlay]').contains(document.activeElement)),
      true,
      `after ${key} focus is inside the dialog`,
    );
  }

  // The run does not step, play or seek while it is open.
  // (Space or Enter would press the focused Close button.)
  for (const key of ['ArrowRight', 'End', 'Shift+ArrowRight', 'ArrowLeft', '+']) await page.keyboard.press(key);
  assert.equal(await page.getByTestId('speed-value').textContent(), '4/s');
  assert.equal(await step(), 0);
  assert.equal(await page.getByTestId('play').textContent(), 'Play');

  // Esc closes it, from whichever element inside has focus, and focus returns to the opener.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focusedId(), 'play');

  // Opened by the button; closed with `?`; focus back on the button.
  await page.getByTestId('help').click();
  await dialog.waitFor();
  assert.equal(await focusedId(), 'help-close');
  await page.keyboard.press('?');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focusedId(), 'help');

  // Shortcuts work again once it is closed.
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(), 1);
  assert.deepEqual(errors, []);
});

/** WCAG 2.1 contrast ratio of two `rgb(…)` or `#rrggbb` colours. */
function contrast(a, b) {
  const channels = (colour) =>
    colour.startsWith('#')
      ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
      : colour.match(/[\d.]+/g).slice(0, 3).map(Number);
  const luminance = (colour) => {
    const [r, g, b] = channels(colour).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

for (const colorScheme of ['light', 'dark']) {
  test(`every mark reaches 3:1 against the panel and differs from the others without colour (${colorScheme})`, async () => {
    const { page } = await open(ROUTES[1][1], ROUTES[1][2], { colorScheme });
    // The stylesheet's values as the browser resolved them: a swatch of every mark (a page's legend lists
    // only its algorithm's, so the other marks' swatches are added here), styled like a bar of that mark;
    // the first bar at step 0 carries no mark.
    const looks = await page.evaluate(() => {
      const legend = document.querySelector('[data-testid=legend]');
      for (const mark of ['compared', 'swapped', 'written', 'pivot', 'sorted', 'found', 'eliminated']) {
        if (legend.querySelector(`.swatch[data-mark=${mark}]`)) continue;
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.dataset.mark = mark;
        legend.appendChild(swatch);
      }
      const look = (el, name) => {
        const style = getComputedStyle(el);
        return {
          name,
          edge: style.getPropertyValue('--edge').trim(),
          panel: getComputedStyle(el.closest('.stage')).backgroundColor,
          // Everything that draws the mark, with its colours removed: what is left must tell marks apart.
          shape: [style.backgroundImage, style.boxShadow, style.outlineStyle]
            .join(' | ')
            .replace(/rgba?\([^)]*\)|#[0-9a-f]{3,8}|color\([^)]*\)/gi, 'C'),
        };
      };
      return [
        look(document.querySelector('[data-testid=bar]:not([data-mark])'), 'plain bar'),
        ...[...document.querySelectorAll('.legend .swatch')].map((el) => look(el, el.dataset.mark)),
      ];
    });
    assert.equal(looks.length, 8, 'a plain bar and seven marks');
    for (const { name, edge, panel } of looks) {
      const ratio = contrast(edge, panel);
      assert.ok(ratio >= 3, `${name}: edge ${edge} on ${panel} is ${ratio.toFixed(2)}:1, below 3:1`);
    }
    const shapes = new Map(looks.map(({ name, shape }) => [shape, name]));
    assert.equal(shapes.size, looks.length, `marks told apart by colour alone: ${JSON.stringify(looks.map((l) => [l.name, l.shape]))}`);
    await page.close();
  });
}

test('every route reflows at 320 px without horizontal scrolling', async () => {
  for (const [name, path, ready] of ROUTES) {
    const { page, errors } = await open(path, ready, { viewport: { width: 320, height: 640 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: ${overflow}px wider than the screen`);
    await page.screenshot({ path: join(ARTIFACTS, `${name.replace(/ /g, '-')}-320px.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('each route has its own title, and a link moves focus to the new page heading; a skip link leads to the content', async () => {
  const titles = new Set();
  for (const [name, path, ready] of ROUTES) {
    const { page } = await open(path, ready);
    const title = await page.title();
    assert.match(title, /AlgoVista/, name);
    titles.add(title);
    if (name === 'sorting visualizer') assert.match(title, /^Bubble sort/);
    await page.close();
  }
  assert.equal(titles.size, ROUTES.length, `titles differ: ${[...titles].join(' | ')}`);

  const { page, errors } = await open('/', '[data-testid=card]');
  // The first Tab reaches the skip link; following it puts focus on the main content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'MAIN');

  await page.getByRole('link', { name: 'Race', exact: true }).click();
  await page.locator('[data-testid=lane-a]').first().waitFor();
  await page.waitForFunction(() => document.activeElement.tagName === 'H1');
  assert.equal(await page.title(), 'Race — AlgoVista');
  await page.goBack();
  await page.locator('[data-testid=card]').first().waitFor();
  await page.waitForFunction(() => document.activeElement.tagName === 'H1');
  assert.equal(await page.title(), 'Algorithms — AlgoVista');
  assert.deepEqual(errors, []);

  // Within one page module too: from "not found" back to the catalogue by its link.
  const { page: lost } = await open('/no/such/page', '[data-testid=not-found]');
  assert.equal(await lost.title(), 'Nothing here — AlgoVista');
  await lost.getByRole('link', { name: 'See every algorithm' }).click();
  await lost.locator('[data-testid=card]').first().waitFor();
  await lost.waitForFunction(() => document.activeElement.textContent === 'Algorithms');
  assert.equal(await lost.title(), 'Algorithms — AlgoVista');
});

test('robots.txt is a robots file and the page has a description', async () => {
  const robots = await fetch(`${shared.server.url}/robots.txt`);
  assert.equal(robots.status, 200);
  assert.match(robots.headers.get('content-type'), /^text\/plain/);
  assert.match(await robots.text(), /^User-agent: \*/m);
  const { page } = await open('/', '[data-testid=card]');
  assert.ok((await page.locator('meta[name=description]').getAttribute('content')).length > 40);
});
