import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openEditor, openPage, serverAndBrowser } from './harness.mjs';

const shared = serverAndBrowser();

const SAMPLE = '38,27,43,3,9,82,10,55,21,64';
const bubble = (query = `values=${SAMPLE}`) => `${shared.server.url}/algorithms/bubble-sort?${query}`;

const barValues = (page) =>
  page.$$eval('[data-testid=bar]', (bars) => bars.map((bar) => Number(bar.dataset.value)));
const stepOf = async (page) => Number((await page.getByTestId('step-count').textContent()).match(/Step (\d+)/)[1]);
const lastStepOf = async (page) => Number((await page.getByTestId('step-count').textContent()).match(/\/ (\d+)/)[1]);
const waitForStep = (page, step) =>
  page.waitForFunction((s) => document.querySelector('[data-testid=step-count]').textContent.startsWith(`Step ${s} /`), step);

async function open(url, options) {
  const opened = await openPage(shared.browser, url, options);
  await opened.page.getByTestId('bar').first().waitFor();
  return opened;
}

test('stepping until a swap exchanges two adjacent bars', async () => {
  const { page, errors } = await open(bubble());
  const narration = page.getByTestId('narration');
  let before = await barValues(page);
  let swapped = false;
  for (let clicks = 0; clicks < 50 && !swapped; clicks++) {
    before = await barValues(page);
    await page.getByTestId('step').click();
    swapped = (await narration.textContent()).startsWith('Swap');
  }
  assert.ok(swapped, 'a swap is narrated within 50 steps');
  const afterSwap = await barValues(page);
  const changed = afterSwap.flatMap((value, i) => (value === before[i] ? [] : [i]));
  assert.equal(changed.length, 2, `exactly two bars changed: ${before} → ${afterSwap}`);
  const [i, j] = changed;
  assert.equal(j, i + 1, 'the two bars are neighbours');
  assert.deepEqual([afterSwap[i], afterSwap[j]], [before[j], before[i]], 'they changed places');
  assert.equal(await page.locator('[data-testid=bar][data-mark=swapped]').count(), 2);
  assert.match(await narration.textContent(), new RegExp(`A\\[${i}\\] is now ${afterSwap[i]}`));
  assert.equal(await page.locator('.pseudocode li.current').count(), 1);
  assert.deepEqual(errors, []);
});

test('a step touches only the bars whose value or mark changed', async () => {
  const { page, errors } = await open(bubble());
  await page.evaluate(() => {
    window.mutated = new Set();
    window.structural = 0;
    const bars = document.querySelector('[data-testid=bars]');
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'childList' && record.target === bars) window.structural++;
        const bar = record.target.closest?.('[data-testid=bar]') ?? record.target.parentElement?.closest('[data-testid=bar]');
        if (bar) window.mutated.add([...bars.children].indexOf(bar));
      }
    }).observe(bars, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const counts = [];
  for (let k = 0; k < 12; k++) {
    const before = await page.$$eval('[data-testid=bar]', (bars) => bars.map((b) => `${b.dataset.value}/${b.dataset.mark ?? ''}`));
    await page.evaluate(() => window.mutated.clear());
    await page.getByTestId('step').click();
    const after = await page.$$eval('[data-testid=bar]', (bars) => bars.map((b) => `${b.dataset.value}/${b.dataset.mark ?? ''}`));
    const changed = after.flatMap((state, i) => (state === before[i] ? [] : [i])).sort();
    const touched = (await page.evaluate(() => [...window.mutated])).sort();
    assert.deepEqual(touched, changed, `step ${k + 1}: only changed bars are touched`);
    counts.push(touched.length);
  }
  assert.equal(await page.evaluate(() => window.structural), 0, 'no bar is created or removed');
  assert.ok(Math.max(...counts) <= 4, `at most four bars per bubble-sort step: ${counts}`);
  assert.deepEqual(errors, []);
});

test('play, pause, back, end, start and the scrubber', async () => {
  const { page, errors } = await open(bubble());
  const initial = await barValues(page);
  await page.getByTestId('play').click();
  await waitForStep(page, 3);
  await page.getByTestId('play').click();
  assert.equal(await page.getByTestId('play').textContent(), 'Play');
  const paused = await stepOf(page);
  await page.waitForTimeout(700);
  assert.equal(await stepOf(page), paused, 'no steps while paused');

  await page.getByTestId('back').click();
  assert.equal(await stepOf(page), paused - 1);
  await page.getByTestId('end').click();
  const last = await lastStepOf(page);
  assert.equal(await stepOf(page), last);
  assert.deepEqual(await barValues(page), [...initial].sort((a, b) => a - b), 'sorted at the end');
  assert.equal(await page.locator('[data-testid=bar][data-mark=sorted]').count(), initial.length);
  await page.getByTestId('reset').click();
  assert.deepEqual(await barValues(page), initial);

  // Scrubbing is a seek: the same step shows the same bars however it was reached.
  for (let k = 0; k < 20; k++) await page.getByTestId('step').click();
  const atTwenty = await barValues(page);
  await page.getByTestId('reset').click();
  await page.getByTestId('scrubber').evaluate((el) => {
    el.value = '20';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.equal(await stepOf(page), 20);
  assert.deepEqual(await barValues(page), atTwenty);
  // The focused scrubber moves by the arrow keys (natively, not twice).
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await stepOf(page), 21);
  assert.deepEqual(errors, []);
});

test('keyboard shortcuts drive everything, and ? lists them', async () => {
  const { page, errors } = await open(bubble());
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  assert.equal(await stepOf(page), await lastStepOf(page));
  await page.keyboard.press('Home');
  assert.equal(await stepOf(page), 0);
  await page.keyboard.press('ArrowRight');
  assert.equal(await stepOf(page), 1);
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await stepOf(page), 11);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await stepOf(page), 10);
  await page.keyboard.press('Shift+ArrowLeft');
  assert.equal(await stepOf(page), 0);

  const speed = () => page.getByTestId('speed-value').textContent();
  assert.equal(await speed(), '4/s');
  await page.keyboard.press('+');
  assert.equal(await speed(), '8/s');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  assert.equal(await speed(), '2/s');

  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('play').textContent(), 'Pause');
  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('play').textContent(), 'Play');

  await page.keyboard.press('?');
  const help = page.getByTestId('help-overlay');
  await help.waitFor();
  for (const key of ['Space', 'Shift + ← / →', 'Home / End', '+ / −', '?']) {
    assert.ok((await help.textContent()).includes(key), `the help lists ${key}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'visualizer-help.png') });
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });

  // Without a mouse: closing the help returns focus to its button, Tab moves between controls, and the
  // focused control is always visibly outlined.
  const focused = () =>
    page.evaluate(() => ({
      id: document.activeElement.dataset.testid,
      outline: getComputedStyle(document.activeElement).outlineStyle,
    }));
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'help');
  assert.deepEqual(await focused(), { id: 'help', outline: 'solid' });
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focused(), { id: 'speed', outline: 'solid' });
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focused(), { id: 'scrubber', outline: 'solid' });
  assert.deepEqual(errors, []);
});

test('at 64 steps per second several steps happen per frame', async () => {
  const { page, errors } = await open(bubble('preset=reversed&n=60&min=1&max=99&seed=3&speed=64'));
  assert.equal(await page.getByTestId('speed-value').textContent(), '64/s');
  // Steps follow elapsed time × speed, however many frames that took: the step count after a second of
  // play matches 64 × the time the page itself measured between play and pause.
  const started = await page.evaluate(() => {
    document.querySelector('[data-testid=play]').click();
    return performance.now();
  });
  await page.waitForTimeout(1000);
  const elapsed = await page.evaluate((started) => {
    document.querySelector('[data-testid=play]').click();
    return (performance.now() - started) / 1000;
  }, started);
  const reached = await stepOf(page);
  assert.ok(Math.abs(reached - 64 * elapsed) <= 8, `${reached} steps in ${elapsed.toFixed(2)} s at 64/s`);
  assert.deepEqual(errors, []);
});

test('the sliders say their values in words, and a long run moves by larger units', async () => {
  const { page, errors } = await open(bubble('preset=reversed&n=300&min=1&max=999&seed=3&speed=4'));
  const last = await lastStepOf(page);
  assert.ok(last > 10000, `${last} steps`);
  const scrubber = page.getByTestId('scrubber');
  assert.equal(await scrubber.getAttribute('aria-valuetext'), `step 0 of ${last}`);
  assert.equal(await page.getByTestId('speed').getAttribute('aria-valuetext'), '4 steps per second');
  // Moves of 1 step up to a tenth of the run are offered; one step is the default.
  const unit = page.getByTestId('unit');
  const sizes = [1, 10, 100, 1000, 10000, 100000].filter((u) => u === 1 || u * 10 <= last);
  assert.ok(sizes.includes(1000));
  assert.deepEqual(await unit.locator('option').evaluateAll((os) => os.map((o) => Number(o.value))), sizes);
  assert.deepEqual((await unit.locator('option').allTextContents()).slice(0, 4), ['1 step', '10 steps', '100 steps', '1,000 steps']);
  assert.equal(await unit.inputValue(), '1');
  await unit.selectOption('1000');
  await page.getByTestId('step').click();
  await waitForStep(page, 1000);
  assert.equal(await scrubber.getAttribute('aria-valuetext'), `step 1000 of ${last}`);
  await page.getByTestId('back').click();
  await waitForStep(page, 0);
  await page.keyboard.press('Shift+ArrowRight');
  await waitForStep(page, 10000);
  assert.equal(await page.getByTestId('speed').getAttribute('aria-valuetext'), '4000 steps per second');
  // Play moves that many steps per tick: the run is watched to its end in seconds.
  for (let k = 0; k < 4; k++) await page.keyboard.press('+');
  assert.equal(await page.getByTestId('speed-value').textContent(), '64/s');
  await page.getByTestId('play').click();
  await page.waitForFunction((l) => document.querySelector('[data-testid=step-count]').textContent.startsWith(`Step ${l} /`), last, { timeout: 10000 });
  assert.deepEqual(errors, []);
});

test('a short run offers no larger moves', async () => {
  const { page, errors } = await open(bubble('values=5,1,4'));
  assert.equal(await page.getByTestId('unit').count(), 0);
  assert.deepEqual(errors, []);
});

test('the input editor: a disclosure that closes on Run; typed, generated, presets, and refused input keeps the run', async () => {
  const { page, errors } = await open(bubble());
  const before = await barValues(page);
  const toggle = page.getByTestId('edit-input');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByTestId('input-editor').count(), 0, 'closed until asked for');
  assert.equal(await page.getByTestId('input-summary').textContent(), '10 values: 38, 27, 43, 3, 9, 82, 10, 55, 21, 64.');
  await openEditor(page);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.getByTestId('mode-typed').check();
  await page.getByTestId('values').fill('3, x, 5');
  await page.getByTestId('apply').click();
  const error = page.getByTestId('input-error');
  await error.waitFor();
  assert.match(await error.textContent(), /item 2.*"x"/);
  assert.deepEqual(await barValues(page), before, 'the previous run stays');
  // The message is tied to its field: announced as invalid, with the reason as its description.
  const values = page.getByTestId('values');
  assert.equal(await values.getAttribute('aria-invalid'), 'true');
  assert.equal(await error.getAttribute('id'), await values.getAttribute('aria-describedby'));
  assert.equal(await page.getByTestId('target').count(), 0, 'a sort takes no target');
  // An empty list is refused with the reason, not run as an empty "done".
  await values.fill('   ');
  await page.getByTestId('apply').click();
  await page.waitForFunction(() => /the list is empty/.test(document.querySelector('[data-testid=input-error]')?.textContent));
  assert.deepEqual(await barValues(page), before, 'the previous run stays');

  await page.getByTestId('values').fill('5, 1, 4');
  await page.getByTestId('apply').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=bar]').length === 3);
  assert.deepEqual(await barValues(page), [5, 1, 4]);
  assert.equal(await page.getByTestId('input-error').count(), 0);
  assert.equal(await page.getByTestId('values').count(), 0, 'the editor is closed');
  // Run closed the editor and gave focus back to its button; the line says what runs.
  assert.equal(await page.getByTestId('input-editor').count(), 0);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'edit-input');
  assert.equal(await page.getByTestId('input-summary').textContent(), '3 values: 5, 1, 4.');

  await openEditor(page);
  await page.getByTestId('mode-generate').check();
  await page.getByTestId('preset').selectOption('reversed');
  await page.getByTestId('size').fill('12');
  await page.getByTestId('seed').fill('7');
  await page.getByTestId('apply').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=bar]').length === 12);
  const reversed = await barValues(page);
  assert.deepEqual(reversed, [...reversed].sort((a, b) => b - a));
  assert.equal(await page.getByTestId('input-summary').textContent(), '12 values: reversed, from 1 to 99, seed 7.');

  await openEditor(page);
  await page.getByTestId('size').fill('5000');
  await page.getByTestId('apply').click();
  await error.waitFor();
  assert.match(await error.textContent(), /5000 values is more than the 2000/);
  assert.equal((await barValues(page)).length, 12, 'the previous run stays');

  await page.getByTestId('size').fill('12');
  // New seed runs at once (and so closes the editor): the line names another seed.
  await page.getByTestId('new-seed').click();
  await page.waitForFunction(() => /^12 values: reversed, from 1 to 99, seed (?!7\.)\d+\.$/.test(document.querySelector('[data-testid=input-summary]').textContent));
  assert.deepEqual(errors, []);
});

test('the address holds input, step and speed; opening it reproduces the view', async () => {
  const { page, errors } = await open(`${shared.server.url}/algorithms/insertion-sort`);
  await openEditor(page);
  await page.getByTestId('mode-generate').check();
  await page.getByTestId('preset').selectOption('few_unique');
  await page.getByTestId('size').fill('20');
  await page.getByTestId('seed').fill('42');
  await page.getByTestId('apply').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=bar]').length === 20);
  for (let k = 0; k < 7; k++) await page.getByTestId('step').click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('+');
  await page.waitForFunction(() => location.search.includes('step=7') && location.search.includes('speed=8'));
  const url = page.url();
  assert.match(url, /preset=few_unique&n=20&min=1&max=99&seed=42&step=7&speed=8/);
  const shown = { bars: await barValues(page), narration: await page.getByTestId('narration').textContent() };

  const { page: again } = await open(url);
  assert.deepEqual(await barValues(again), shown.bars);
  assert.equal(await stepOf(again), 7);
  assert.equal(await again.getByTestId('narration').textContent(), shown.narration);
  assert.equal(await again.getByTestId('speed-value').textContent(), '8/s');
  await openEditor(again);
  assert.equal(await again.getByTestId('seed').inputValue(), '42');

  // Typed values and a search target round-trip too.
  const { page: search } = await open(`${shared.server.url}/algorithms/binary-search?values=1,3,5,7,9,11&target=9&step=2`);
  assert.deepEqual(await barValues(search), [1, 3, 5, 7, 9, 11]);
  assert.equal(await stepOf(search), 2);
  assert.equal(await search.getByTestId('input-summary').textContent(), '6 values: 1, 3, 5, 7, 9, 11, target 9.');
  await openEditor(search);
  assert.equal(await search.getByTestId('target').inputValue(), '9');

  // A bad link says what it ignored and still opens.
  const { page: bad } = await open(bubble('values=3,x&speed=fast'));
  assert.match(await bad.getByTestId('link-problems').textContent(), /speed=fast.*item 2/);
  assert.deepEqual(errors, []);
});

test('screenshots at desktop and phone widths', async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 812 }]]) {
    const { page, errors } = await open(bubble(`values=${SAMPLE}&step=14`), { viewport });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: no horizontal scrolling (${overflow}px too wide)`);
    await page.screenshot({ path: join(ARTIFACTS, `visualizer-${name}.png`), fullPage: true });
    const { page: merge } = await open(`${shared.server.url}/algorithms/merge-sort?values=${SAMPLE}&step=30`, { viewport });
    // Merging A[5..7): the bars outside the active range are dimmed.
    assert.ok((await merge.locator('[data-testid=bar].outside').count()) > 0);
    await merge.screenshot({ path: join(ARTIFACTS, `merge-sort-${name}.png`), fullPage: true });
    assert.deepEqual(errors, []);
  }
});

test('export the trace, the frame as SVG and PNG; import a trace back', async () => {
  const { page, errors } = await open(`${shared.server.url}/algorithms/quicksort-randomized?values=7,3,9,1,5,8,2&seed=42&step=12`);
  // The trace writer and reader, and the image writer, are the family's tools module: fetched on the
  // first export, not with the page.
  const tools = [];
  page.on('request', (request) => /\/tools-sorting-[0-9a-f]+\/tools-sorting(_bg\.wasm|\.js)$/.test(request.url()) && tools.push(request.url()));
  await page.getByTestId('bar').first().waitFor();
  assert.deepEqual(tools, [], 'no tools module before an export');
  const download = async (testId) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), path: await file.path() };
  };
  const trace = await download('export-trace');
  assert.equal(trace.name, 'quicksort-randomized-trace.json');
  const file = JSON.parse(readFileSync(trace.path, 'utf8'));
  assert.equal(file.format, 'algovista-trace');
  assert.deepEqual(file.input, { values: [7, 3, 9, 1, 5, 8, 2], seed: 42 });
  assert.equal(file.step, 12);
  assert.equal(file.snapshots.length, file.steps);
  assert.equal(tools.length, 2, 'the tools module (JS and wasm) is fetched once, on the first export');
  const atTwelve = await barValues(page);
  assert.deepEqual(file.snapshots[12].frame.array.values, atTwelve);

  const svg = await download('export-svg');
  assert.equal(svg.name, 'quicksort-randomized-step-12.svg');
  const text = readFileSync(svg.path, 'utf8');
  assert.ok(text.startsWith('<svg'), text.slice(0, 40));
  assert.equal(text.match(/<rect [^>]*rx="2"/g).length, 7, 'one bar per value');
  const png = await download('export-png');
  assert.equal(png.name, 'quicksort-randomized-step-12.png');
  assert.deepEqual([...readFileSync(png.path).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
  assert.equal(tools.length, 2, 'and kept for the images');

  // Import into another algorithm's page: it opens the trace's algorithm, input, seed and step.
  const { page: other } = await open(bubble());
  await other.getByTestId('import-trace').setInputFiles(trace.path);
  await other.waitForFunction(() => location.pathname === '/algorithms/quicksort-randomized');
  await other.waitForFunction(() => document.querySelector('[data-testid=step-count]')?.textContent.startsWith('Step 12 /'));
  assert.deepEqual(await barValues(other), atTwelve);
  assert.match(other.url(), /seed=42/);

  // An edited trace is refused with the step where it differs, and the run on screen stays.
  file.snapshots[5].narration = 'edited';
  const edited = join(ARTIFACTS, 'edited-trace.json');
  (await import('node:fs')).writeFileSync(edited, JSON.stringify(file));
  const before = await barValues(other);
  await other.getByTestId('import-trace').setInputFiles(edited);
  const error = other.getByTestId('import-error');
  await error.waitFor();
  assert.match(await error.textContent(), /snapshot at step 5 differs/);
  assert.deepEqual(await barValues(other), before);
  assert.deepEqual(errors, []);
});
