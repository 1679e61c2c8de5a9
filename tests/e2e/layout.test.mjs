// What a learner sees on the first screen, and that it holds still: a page's layout shift from a real load
// (Chromium's layout instability entries, as Lighthouse sums them) stays at 0.05 or less on a phone, and the
// stage, Play and the narration are inside the first screen on every visualizer kind at a desktop's and a
// phone's size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** Opens `path` in a fresh context (a first visit: no account, no stored data) with a layout-shift recorder
 * in place before the page's first script. */
async function open(path, options, ready, { slowApi = false } = {}) {
  const context = await shared.browser.newContext(options);
  // A phone on a slow network: the server's answers come after the page has been drawn, as they do
  // outside a test machine (here they would come before the first paint and hide any shift).
  if (slowApi) {
    await context.route('**/api/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await route.continue();
    });
  }
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) {
          window.__shifts.push({
            value: entry.value,
            at: entry.startTime,
            sources: entry.sources.map((s) => s.node?.outerHTML?.slice(0, 80) ?? '?'),
          });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${shared.server.url}${path}`);
  await ready(page);
  return { context, page, errors };
}

/** The largest sum of shifts within a session window (1 s gaps, 5 s at most), as CLS is defined. */
const cumulativeShift = (shifts) => {
  let worst = 0;
  let window = [];
  for (const shift of shifts) {
    const first = window[0];
    const last = window[window.length - 1];
    if (first && (shift.at - last.at > 1000 || shift.at - first.at > 5000)) window = [];
    window.push(shift);
    worst = Math.max(worst, window.reduce((sum, s) => sum + s.value, 0));
  }
  return worst;
};

const KINDS = [
  ['/algorithms/bubble-sort', (page) => page.getByTestId('bar').first().waitFor()],
  ['/algorithms/dijkstra', (page) => page.getByTestId('node').first().waitFor()],
  ['/algorithms/grid-astar', (page) => page.getByTestId('grid').waitFor()],
  ['/algorithms/bst', (page) => page.getByTestId('tree').waitFor()],
];

test('a first visit on a phone shifts its layout by 0.05 or less, the tracker badge included', async () => {
  for (const [path, ready] of [['/', (page) => page.getByTestId('card').first().waitFor()], ...KINDS]) {
    const { context, page, errors } = await open(path, PHONE, ready, { slowApi: true });
    // The badge settles once the server has answered (a first visit makes no account: "this device only").
    await page.waitForFunction(() => document.querySelector('[data-testid=sync]')?.dataset.state !== 'checking');
    await page.waitForTimeout(2500);
    const shifts = await page.evaluate(() => window.__shifts);
    const cls = cumulativeShift(shifts);
    assert.ok(cls <= 0.05, `${path}: layout shift ${cls.toFixed(3)}: ${JSON.stringify(shifts)}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the stage, Play and the narration are on the first screen of every visualizer kind, desktop and phone', async () => {
  for (const options of [DESKTOP, PHONE]) {
    for (const [path, ready] of KINDS) {
      const { context, page, errors } = await open(path, options, ready);
      const height = options.viewport.height;
      const box = async (selector) => page.locator(selector).first().boundingBox();
      const stage = path.includes('sort') ? await box('[data-testid=bar]') : await box('[data-testid=stage] svg, [data-testid=grid]');
      for (const [name, found] of [
        ['the stage', stage],
        ['Play', await box('[data-testid=play]')],
        ['the narration', await box('[data-testid=narration]')],
      ]) {
        assert.ok(found, `${path}: ${name} is drawn`);
        // Play whole, the narration's first line, the stage's top: in view without scrolling.
        const needed = name === 'Play' ? found.height : name === 'the narration' ? 24 : 0;
        assert.ok(
          found.y >= 0 && found.y + needed <= height,
          `${path} at ${options.viewport.width} px: ${name} at ${Math.round(found.y)}–${Math.round(found.y + found.height)} px, the first screen ends at ${height} px`,
        );
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('on a phone every button, field and menu is at least 24 × 24 px', async () => {
  const pages = [
    ['/', (page) => page.getByTestId('card').first().waitFor()],
    ...KINDS,
    ['/race?a=bfs&b=dfs', (page) => page.getByTestId('node').first().waitFor()],
    ['/progress', (page) => page.getByTestId('streak-panel').waitFor()],
    ['/plot', (page) => page.getByTestId('measure').waitFor()],
  ];
  for (const [path, ready] of pages) {
    const { context, page, errors } = await open(path, PHONE, ready);
    if (path.startsWith('/algorithms/')) {
      await page.getByTestId('edit-input').click();
      await page.getByTestId('input-editor').waitFor();
    }
    // WCAG 2.5.8: links inside a sentence are exempt; controls and the header's links are not.
    const small = await page.$$eval(
      'button, select, input:not([type=hidden]):not([type=file]), .site-nav a, .brand a',
      (targets) => targets
        .filter((t) => t.checkVisibility())
        // A box or radio inside its label is targeted by the whole label.
        .map((t) => [t, /^(radio|checkbox)$/.test(t.type) ? (t.closest('label') ?? t) : t])
        .map(([t, target]) => [t.dataset.testid ?? t.getAttribute('aria-label') ?? t.textContent.trim().slice(0, 20), target.getBoundingClientRect()])
        .filter(([, box]) => box.width < 24 || box.height < 24)
        .map(([name, box]) => `${name} ${Math.round(box.width)} × ${Math.round(box.height)}`),
    );
    assert.deepEqual(small, [], `${path}: targets under 24 × 24 px`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('on a wide screen the pseudocode and variables sit beside the stage, the current line in view', async () => {
  for (const [path, ready] of KINDS) {
    const { context, page, errors } = await open(path, DESKTOP, ready);
    await page.getByTestId('step').click();
    const box = async (selector) => page.locator(selector).first().boundingBox();
    const stage = await box('.visualizer .stage');
    const code = await box('[data-testid=pseudocode]');
    const line = await box('[data-testid=pseudocode] li.current');
    const variables = await box('[data-testid=variables]');
    assert.ok(code.x >= stage.x + stage.width, `${path}: the pseudocode (x ${Math.round(code.x)}) is right of the stage (ends at ${Math.round(stage.x + stage.width)})`);
    assert.ok(line.y + line.height <= 800, `${path}: the current line at ${Math.round(line.y)} px is on the first screen`);
    assert.ok(variables.x >= stage.x + stage.width, `${path}: the variables beside the stage`);
    assert.deepEqual(errors, []);
    await context.close();
  }
  // On a phone they follow the stage.
  const { context, page } = await open('/algorithms/bubble-sort', PHONE, KINDS[0][1]);
  const [bar, code] = [await page.getByTestId('bar').first().boundingBox(), await page.getByTestId('pseudocode').boundingBox()];
  assert.ok(code.y > bar.y, 'below the bars on a phone');
  await context.close();
});
