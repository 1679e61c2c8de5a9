// The tree kind's pages through the app and the real server: a binary search tree's run drawn as a tree
// that steps forward and back, its script typed (a mistake named by line and column), generated or taken
// from a preset, its quiz, and its session resumed at the saved step.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openDevice, openEditor, openPage, serverAndBrowser, stored } from './harness.mjs';

const shared = serverAndBrowser();

const script = (text) => encodeURIComponent(text);
const stepText = (page) => page.getByTestId('step-count').textContent();
const narration = (page) => page.getByTestId('narration').textContent();
/** The keys drawn, each with its place (the transform of its group) and mark. */
const nodes = (page) =>
  page.getByTestId('tree-node').evaluateAll((all) =>
    all.map((node) => {
      const [, x, y] = node.getAttribute('transform').match(/translate\(([\d.]+) ([\d.]+)\)/);
      return { key: Number(node.textContent), x: Number(x), y: Number(y), mark: node.dataset.mark ?? null };
    }),
  );
const goTo = async (page, step) => {
  await page.keyboard.press('Home');
  for (let i = 0; i < step; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((s) => document.querySelector('[data-testid=step-count]').textContent.startsWith(`Step ${s} /`), step);
};

test('a binary search tree page draws the tree, steps forward and back, and changes only what a step changed', async () => {
  const { page, errors } = await openPage(
    shared.browser,
    `${shared.server.url}/algorithms/bst?script=${script('insert 50 30 40; find 40; find 45')}`,
  );
  await page.getByTestId('tree').waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Binary search tree');
  assert.equal(await page.getByTestId('tree-node').count(), 0, 'the run starts from an empty tree');
  assert.equal(await page.getByTestId('input-summary').textContent(), '5 operations: insert 50 30 40; find 40 45.');
  const counters = await page.getByTestId('counters').locator('dt').allTextContents();
  assert.equal(counters.length, 2);

  await goTo(page, 2);
  assert.equal(await narration(page), 'A new node 50 hangs as the root.');
  assert.deepEqual((await nodes(page)).map((n) => [n.key, n.mark]), [[50, 'inserted']]);
  await goTo(page, 9);
  assert.equal(await narration(page), 'A new node 40 hangs as the right child of 30.');
  const [root, left, inner] = ['50', '30', '40'].map(Number);
  const drawn = Object.fromEntries((await nodes(page)).map((n) => [n.key, n]));
  // A child is drawn a level below its parent, a left child left of it and a right child right of it.
  assert.ok(drawn[left].y > drawn[root].y && drawn[left].x < drawn[root].x);
  assert.ok(drawn[inner].y > drawn[left].y && drawn[inner].x > drawn[left].x);
  // The new link is flagged as the step's change.
  assert.equal(await page.locator('line.tree-link[data-changed]').count(), 1);
  assert.equal(await page.locator(`line.tree-link[data-changed]`).getAttribute('data-child'), await page.locator('[data-testid=tree-node]', { hasText: '40' }).getAttribute('data-id'));

  // A step of a search writes only the marks it moves, not the whole tree.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await narration(page), '40 < 50: go left to 30.');
  const touched = Number(await page.getByTestId('tree').getAttribute('data-touched'));
  assert.ok(touched >= 1 && touched <= 3, `a search step touched ${touched} parts`);
  // The step compared 40 with the root: the root is marked as compared, no other node.
  assert.deepEqual((await nodes(page)).filter((n) => n.mark).map((n) => [n.key, n.mark]), [[root, 'current']]);

  await page.getByTestId('end').click();
  assert.match(await page.getByTestId('frame-text').textContent(), /^A tree of 3 nodes with root 50 and 3 levels\. Level 1: 50\. Level 2: 30\. Level 3: 40\.$/);
  assert.match(await narration(page), /^All 5 operations done: the tree holds 3 keys in 3 levels\.$/);
  // Back is a seek: the last search's walk is shown again.
  await page.getByTestId('back').click();
  assert.equal(await narration(page), 'x = nil: 45 is not in the tree.');
  assert.ok(Number(await page.getByTestId('comparisons').textContent()) > 0);

  await page.screenshot({ path: join(ARTIFACTS, 'tree-bst-light.png'), fullPage: true });
  await page.getByTestId('theme-toggle').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.screenshot({ path: join(ARTIFACTS, 'tree-bst-dark.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('a typed script with a mistake is named by line and column, and the run on screen stays', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/bst?script=${script('insert 5 3 8')}`);
  await page.getByTestId('tree').waitFor();
  await page.getByTestId('end').click();
  const before = await narration(page);
  await openEditor(page);
  await page.getByTestId('script').fill('insert 50 30\ndelete 3x');
  await page.getByTestId('apply').click();
  const error = page.getByTestId('input-error');
  await error.waitFor();
  assert.match(await error.textContent(), /^line 2, column 8: /);
  assert.equal(await page.getByTestId('script').getAttribute('aria-invalid'), 'true');
  assert.equal(await narration(page), before, 'the run on screen is kept');

  // An operation this structure does not take is named by its place.
  await page.getByTestId('script').fill('insert 50 30; extract');
  await page.getByTestId('apply').click();
  await page.waitForFunction(() => /operation 3 is “extract”, but this structure takes only insert, delete and find/.test(document.querySelector('[data-testid=input-error]')?.textContent));

  // A preset fills the script and says what it shows; Run runs it and the address holds it.
  await page.getByTestId('preset').selectOption('sorted');
  assert.match(await page.getByTestId('preset-about').textContent(), /the tree is a list/);
  assert.match(await page.getByTestId('script').inputValue(), /^insert 10 20 30 40 50 60 70\nfind 70$/);
  await page.getByTestId('apply').click();
  await page.getByTestId('input-editor').waitFor({ state: 'detached' });
  await page.getByTestId('end').click();
  assert.match(await page.getByTestId('frame-text').textContent(), /and 7 levels\./);
  await page.waitForURL(/[?&]script=insert%2010%2020/);
  assert.deepEqual(errors, []);
});

test('a generated script is reproduced by its seed, and a link with a bad setting says what it ignored', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/bst?keys=6&order=sideways&mixed=0&seed=4`);
  await page.getByTestId('tree').waitFor();
  assert.match(await page.getByTestId('link-problems').textContent(), /order=sideways is not random, sorted or reversed/);
  assert.equal(await page.getByTestId('input-summary').textContent(), '6 keys in random order, seed 4.');
  await openEditor(page);
  await page.getByTestId('mode-generate').check();
  await page.getByTestId('keys').fill('7');
  await page.getByTestId('order').selectOption('sorted');
  await page.getByTestId('apply').click();
  await page.getByTestId('input-editor').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('input-summary').textContent(), '7 keys in ascending order, seed 4.');
  await page.getByTestId('end').click();
  // Sorted insertions make a list: one node per level.
  assert.match(await page.getByTestId('frame-text').textContent(), /^A tree of 7 nodes with root \d+ and 7 levels\./);
  await page.waitForURL(/keys=7&order=sorted&mixed=0&seed=4/);
  assert.deepEqual(errors, []);
});

test('the tree quiz asks where an inserted key lands, answered by clicking the node it hangs under', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/bst?script=${script('insert 50 30 40')}`);
  await page.getByTestId('tree').waitFor();
  await page.getByRole('link', { name: 'Quiz yourself: predict each step' }).click();
  await page.waitForURL(/\/algorithms\/bst\/quiz\?/);
  await page.getByTestId('quiz').waitFor();
  // Play until the question before 40's insertion.
  const question = page.getByTestId('quiz-question');
  for (let i = 0; i < 40; i++) {
    if (await question.count()) {
      if (/40 is inserted next/.test(await question.textContent())) break;
      await page.getByTestId('quiz-skip').click();
    } else {
      await page.keyboard.press('ArrowRight');
    }
  }
  assert.match(await question.textContent(), /: 40 is inserted next\. Under which node does it hang, and on which side\?$/);
  await page.locator('[data-testid=tree-node]', { hasText: '30' }).click();
  assert.equal(await page.getByTestId('quiz-input').inputValue(), '30');
  await page.getByTestId('quiz-right').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=quiz-outcome]').dataset.right === 'true');
  assert.match(await page.getByTestId('quiz-outcome').textContent(), /^Right \(40 < 50, 40 > 30, and 30 has no right child\)\./);
  assert.deepEqual(errors, []);
});

test('a tree run resumes at its step after a reload, with its script kept and the hash verified', async () => {
  const text = 'insert 50 30 70; delete 30';
  const { page } = await openDevice(shared.browser, `${shared.server.url}/algorithms/bst?script=${script(text)}`);
  await page.getByTestId('tree').waitFor();
  const last = Number((await stepText(page)).match(/\/ (\d+)/)[1]);
  await goTo(page, last);
  await page.waitForFunction(() => localStorage.getItem('algovista.account.v1') !== null, null, { timeout: 15000 });
  await goTo(page, 6);
  const { token } = await stored(page, 'algovista.account.v1');
  let saved;
  for (let i = 0; i < 100 && saved?.step !== 6; i++) {
    await page.waitForTimeout(100);
    const response = await fetch(`${shared.server.url}/api/sessions/bst`, { headers: { authorization: `Bearer ${token}` } });
    saved = response.status === 200 ? await response.json() : undefined;
  }
  assert.equal(saved?.step, 6);
  assert.equal(saved.input.tree, text);
  await page.reload();
  await page.getByTestId('session-status').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('session-status').textContent(), 'Resumed at step 6, the same step as saved.');
  assert.match(await stepText(page), /^Step 6 \//);
  // Step 6 begins the insertion of 70: 50 and 30 are in the tree.
  assert.deepEqual((await nodes(page)).map((n) => n.key), [50, 30]);
  await page.close();
});

test('a tree run exports as a trace and an SVG in the page\'s colours, and imports back at its step', async () => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}/algorithms/bst?script=${script('insert 50 30 70 20; find 20')}&step=14`);
  await page.getByTestId('tree-node').first().waitFor();
  const download = async (testId) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), path: await file.path() };
  };
  const trace = await download('export-trace');
  assert.equal(trace.name, 'bst-trace.json');
  const file = JSON.parse(readFileSync(trace.path, 'utf8'));
  assert.equal(file.input.tree, 'insert 50 30 70 20; find 20');
  assert.equal(file.step, 14);
  assert.deepEqual(file.snapshots[14].frame.tree.nodes.map((n) => n.key), (await nodes(page)).map((n) => n.key));

  const svg = readFileSync((await download('export-svg')).path, 'utf8');
  assert.equal(svg.match(/<circle /g).length, 4);
  assert.equal(svg.match(/<line /g).length, 3);
  const hex = (rgb) => '#' + rgb.match(/\d+/g).slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('');
  const onPage = await page.$$eval('[data-testid=tree-node]', (all) =>
    all.map((node) => [getComputedStyle(node.querySelector('circle')).fill, getComputedStyle(node.querySelector('circle')).stroke, getComputedStyle(node.querySelector('text')).fill]));
  const inImage = [...svg.matchAll(/<circle [^>]*fill="(#[0-9a-f]{6})" stroke="(#[0-9a-f]{6})"[^>]*\/><text [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m.slice(1, 4));
  assert.deepEqual(onPage.map((colours) => colours.map(hex)), inImage);
  assert.ok(new Set(inImage.map(([fill]) => fill)).size >= 2, 'the step shows marked and plain nodes');

  // Imported into a fresh page of the same entry, the run opens at step 14 with the same tree.
  const { page: other } = await openPage(shared.browser, `${shared.server.url}/algorithms/bst`);
  await other.getByTestId('tree').waitFor();
  await other.getByTestId('import-trace').setInputFiles(trace.path);
  await other.waitForFunction(() => document.querySelector('[data-testid=step-count]')?.textContent.startsWith('Step 14 /'));
  assert.equal(await other.getByTestId('tree-node').count(), 4);
  assert.deepEqual(errors, []);
});
