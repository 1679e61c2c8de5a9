// Sessions and the quiz, through the app and the real server: a place saved while the view is still opens
// at the exact step after a reload and on a paired device (its snapshot hash checked against the one the
// server computed); two devices moving one session see both copies and choose; a saved step that no longer
// matches is said plainly; the prediction quiz asks (sorts, searches, partitions), scores, and its answers
// reach the server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { launchBrowser, openDevice, openEditor, startServer, stored } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'algovista-sessions-'));
const server = await startServer({ dir });
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const RUN = '/algorithms/bubble-sort?values=5,4,3,2,1';

const device = (path = RUN) => openDevice(browser, `${server.url}${path}`);

const stepText = (page) => page.getByTestId('step-count').textContent();
const bars = (page) => page.getByTestId('bar').evaluateAll((all) => all.map((b) => `${b.dataset.value}:${b.dataset.mark ?? ''}`));

/** The server's copy of a page's bubble-sort session, read with the page's own account. */
async function serverSession(page) {
  const { token } = await stored(page, 'algovista.account.v1');
  const response = await fetch(`${server.url}/api/sessions/bubble-sort`, { headers: { authorization: `Bearer ${token}` } });
  return response.status === 200 ? response.json() : null;
}

/** Waits until the server holds the page's session at `step`. */
async function savedAt(page, step) {
  for (let i = 0; i < 100; i++) {
    if ((await serverSession(page))?.step === step) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`the session never reached step ${step} on the server (at ${(await serverSession(page))?.step})`);
}

/** Goes to `step` with Home and →, then leaves the view still. */
async function goTo(page, step) {
  await page.getByTestId('bar').first().waitFor();
  await page.keyboard.press('Home');
  for (let i = 0; i < step; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((s) => document.querySelector('[data-testid=step-count]').textContent.startsWith(`Step ${s} /`), step);
}

/** An account for a device: finishing a run is the first qualifying activity. */
async function withAccount(page) {
  await goTo(page, Number((await stepText(page)).match(/\/ (\d+)/)[1]));
  await page.waitForFunction(() => localStorage.getItem('algovista.account.v1') !== null, null, { timeout: 15000 });
}

let first;
let second;

test('a place is saved when the view is still, and a reload resumes there with the hash verified', async () => {
  ({ page: first } = await device());
  await withAccount(first);
  await goTo(first, 7);
  await savedAt(first, 7);
  const saved = await serverSession(first);
  assert.deepEqual(saved.input, { values: [5, 4, 3, 2, 1] });
  assert.match(saved.snapshot_hash, /^[0-9a-f]{64}$/);

  await first.reload();
  await first.getByTestId('session-status').waitFor({ state: 'visible' });
  assert.equal(await first.getByTestId('session-status').textContent(), 'Resumed at step 7, the same step as saved.');
  assert.match(await stepText(first), /^Step 7 \//);
  assert.equal(await first.getByTestId('session-mismatch').isVisible(), false);
});

test('closing the page saves the place at once, with a request that outlives the page', async () => {
  const { page } = await device();
  await withAccount(page);
  await goTo(page, 6);
  await savedAt(page, 6);
  // Moved and closed within the second a still view waits before saving: only page hide can save it.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid=step-count]').textContent.startsWith('Step 7 /'));
  const account = await stored(page, 'algovista.account.v1');
  await page.close();
  const token = account.token;
  let step;
  for (let i = 0; i < 50 && step !== 7; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await fetch(`${server.url}/api/sessions/bubble-sort`, { headers: { authorization: `Bearer ${token}` } });
    step = (await response.json()).step;
  }
  assert.equal(step, 7);
});

test('a device linked by a pairing code opens the same session at the same step', async () => {
  await first.goto(`${server.url}/progress`);
  await first.getByTestId('new-code').click();
  const code = await first.getByTestId('pairing-code').textContent();
  ({ page: second } = await device('/progress'));
  await second.getByTestId('redeem-code').fill(code);
  await second.getByTestId('redeem').click();
  await second.waitForFunction(() => document.querySelector('[data-testid=link-message]').textContent.startsWith('Linked'));

  await second.reload();
  const link = second.getByTestId('resume').getByRole('link', { name: /Bubble sort · step 7 · saved on the server/ });
  await link.click();
  await second.getByTestId('session-status').waitFor({ state: 'visible' });
  assert.match(await stepText(second), /^Step 7 \//);
  await first.goto(`${server.url}${RUN}&step=7`);
  await first.getByTestId('bar').first().waitFor();
  assert.deepEqual(await bars(second), await bars(first));
  assert.equal(await second.getByTestId('narration').textContent(), await first.getByTestId('narration').textContent());
});

test('two devices move one session: both places are shown and the choice is applied', async () => {
  // The second device moves on; the first, which last saw step 7, then moves too.
  await goTo(second, 9);
  await savedAt(second, 9);
  await goTo(first, 3);
  const choice = first.getByTestId('session-choice');
  await choice.waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await first.getByTestId('keep-this').textContent(), /^This device: step 3, just now$/);
  assert.match(await first.getByTestId('take-other').textContent(), /^Other device: step 9, just now$/);
  // Both are kept while the learner decides: nothing overwrote the other device's place.
  assert.equal((await serverSession(first)).step, 9);
  assert.equal((await stored(first, 'algovista.sessions.v1')).find((s) => s.algorithm === 'bubble-sort').step, 3);

  await first.getByTestId('take-other').click();
  await first.waitForFunction(() => document.querySelector('[data-testid=step-count]').textContent.startsWith('Step 9 /'));
  await first.getByTestId('session-status').waitFor({ state: 'visible' });
  assert.equal(await choice.isVisible(), false);
  // From there the first device saves as usual.
  await goTo(first, 4);
  await savedAt(first, 4);

  // The second device, behind now, keeps its own place instead.
  await goTo(second, 2);
  await second.getByTestId('session-choice').waitFor({ state: 'visible', timeout: 15000 });
  await second.getByTestId('keep-this').click();
  await savedAt(second, 2);
  assert.equal(await second.getByTestId('session-choice').isVisible(), false);
});

test('a saved step whose snapshot differs from the server’s hash is said plainly, with a restart', async () => {
  // The server computed its hash from the catalogue's algorithm; a different one here stands for an
  // algorithm that changed since the session was saved (a fault no release of this build can produce).
  await second.route('**/api/sessions', async (route) => {
    const response = await route.fetch();
    const { sessions } = await response.json();
    const changed = sessions.map((s) => (s.algorithm === 'bubble-sort' ? { ...s, snapshot_hash: '0'.repeat(64) } : s));
    await route.fulfill({ response, json: { sessions: changed } });
  });
  await second.reload();
  const mismatch = second.getByTestId('session-mismatch');
  await mismatch.waitFor({ state: 'visible' });
  assert.match(await mismatch.textContent(), /^Step 2 is not what was saved there: the algorithm has changed since/);
  assert.equal(await second.getByTestId('session-status').isVisible(), false);
  await mismatch.getByRole('button', { name: 'Restart from step 0' }).click();
  await second.waitForFunction(() => document.querySelector('[data-testid=step-count]').textContent.startsWith('Step 0 /'));
  assert.equal(await mismatch.isVisible(), false);
});

test('the quiz asks before deciding steps, checks answers against the next step, scores, and reports them', async () => {
  const { page, errors } = await device('/algorithms/bubble-sort?values=2,1');
  await page.getByRole('link', { name: 'Quiz yourself: predict each step' }).click();
  await page.waitForURL(/\/algorithms\/bubble-sort\/quiz\?/);
  await page.getByTestId('quiz').waitFor();
  assert.equal(await page.getByTestId('quiz-score').textContent(), 'Score: 0 of 0');
  assert.equal(await page.getByTestId('export-trace').count(), 0, 'the quiz page has no export bar');
  // The questions name positions, so the bars carry theirs.
  assert.deepEqual(await page.getByTestId('position').allTextContents(), ['0', '1']);

  // Step 1 compares positions 0 and 1: asked before it, answered by clicking the bars.
  await page.keyboard.press('ArrowRight');
  const question = page.getByTestId('quiz-question');
  await question.waitFor();
  assert.equal(await question.textContent(), 'Before step 1: Which positions are compared next?');
  assert.match(await stepText(page), /^Step 0 \//);
  // Focus is in the answer field, so the keyboard shortcuts do not step past the question.
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'quiz-input');
  await page.getByTestId('bar').nth(0).click();
  await page.getByTestId('bar').nth(1).click();
  assert.equal(await page.getByTestId('quiz-input').inputValue(), '0, 1');
  await page.getByTestId('quiz-answer').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=quiz-outcome]').dataset.right === 'true');
  assert.match(await stepText(page), /^Step 1 \//);
  assert.equal(await page.getByTestId('quiz-score').textContent(), 'Score: 1 of 1');
  assert.equal(
    await page.getByTestId('quiz-outcome').textContent(),
    `Right. ${await page.getByTestId('narration').textContent()}`,
  );

  // Next: will 2 and 1 be swapped? A wrong answer shows the right one with the step's narration.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /Will they be swapped\?$/.test(document.querySelector('[data-testid=quiz-question]')?.textContent ?? ''));
  // The first answer's feedback is gone: it never stands under the next question.
  assert.equal(await page.getByTestId('quiz-outcome').textContent(), '');
  // The question takes focus (on the next frame), so the keyboard answers it.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'quiz-yes');
  await page.keyboard.press('Tab'); // from "Yes, swapped" to "No"
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=quiz-outcome]').dataset.right === 'false');
  // Why, from the values compared: 2 > 1.
  assert.match(await page.getByTestId('quiz-outcome').textContent(), /^Not quite: they are swapped \(2 > 1\)\. /);
  assert.equal(await page.getByTestId('quiz-score').textContent(), 'Score: 1 of 2');
  assert.match(await stepText(page), /^Step 2 \//);

  // Both answers reach the server as quiz_answered events.
  await page.waitForFunction(
    () => (JSON.parse(localStorage.getItem('algovista.outbox.v1'))?.events.length ?? 1) === 0 && localStorage.getItem('algovista.account.v1'),
    null,
    { timeout: 15000 },
  );
  const { token } = await stored(page, 'algovista.account.v1');
  const progress = await (await fetch(`${server.url}/api/progress`, { headers: { authorization: `Bearer ${token}` } })).json();
  const bubble = progress.algorithms.find((a) => a.algorithm === 'bubble-sort');
  assert.deepEqual([bubble.quizzes_answered, bubble.quizzes_right], [2, 1]);

  // Leaving the quiz keeps the input and the step.
  await page.getByRole('link', { name: 'Leave the quiz' }).click();
  await page.waitForURL(/\/algorithms\/bubble-sort\?/);
  await page.getByTestId('bar').first().waitFor();
  assert.match(await stepText(page), /^Step 2 \//);
  assert.equal(await page.getByTestId('quiz').count(), 0);
  // The dashboard shows the answers with their accuracy.
  await page.getByRole('link', { name: 'Progress' }).click();
  const answers = page.locator('[data-testid=algorithm-progress][data-id=bubble-sort] [data-testid=answers]');
  await answers.waitFor();
  assert.equal(await answers.textContent(), '2 (1 right, 50%)');
  assert.deepEqual(errors, []);
});

test('a search quiz asks which side of a shown probe the target is on, then which position is probed next', async () => {
  const { page, errors } = await device('/algorithms/binary-search/quiz?values=1,3,5,7,9,11,13&target=11');
  await page.getByTestId('quiz').waitFor();
  await page.keyboard.press('ArrowRight');
  const question = page.getByTestId('quiz-question');
  await question.waitFor();
  assert.equal(await question.textContent(), 'Before step 1: Position 3 (value 7) is probed next. Is the target to its left or its right?');
  await page.getByTestId('quiz-right').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=quiz-outcome]').dataset.right === 'true');
  assert.match(await page.getByTestId('quiz-outcome').textContent(), /^Right \(11 > 7\)\. /);

  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid=quiz-question]')?.textContent === 'Before step 2: Which position is probed next?');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'quiz-input');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=quiz-outcome]').dataset.right === 'false');
  assert.match(await page.getByTestId('quiz-outcome').textContent(), /^Not quite: position 5\. A\[5\] = 11 is the target 11\./);
  assert.equal(await page.getByTestId('quiz-score').textContent(), 'Score: 1 of 2');
  assert.deepEqual(errors, []);
});

test('a partition quiz asks where the pivot lands, answered by clicking its bar', async () => {
  const { page, errors } = await device('/algorithms/quicksort-lomuto/quiz?values=5,2,8,1,9,3&step=8');
  await page.getByTestId('quiz').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=step-count]')?.textContent.startsWith('Step 8 /'));
  await page.keyboard.press('ArrowRight');
  const question = page.getByTestId('quiz-question');
  await question.waitFor();
  assert.equal(await question.textContent(), 'Before step 9: The pivot is 3. At which position does it land?');
  await page.getByTestId('bar').nth(2).click();
  assert.equal(await page.getByTestId('quiz-input').inputValue(), '2');
  await page.getByTestId('quiz-answer').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=quiz-outcome]').dataset.right === 'true');
  assert.match(await page.getByTestId('quiz-outcome').textContent(), /^Right\. Swap the pivot into A\[2\]: 3 is in its final place\./);
  assert.deepEqual(errors, []);
});

/** A run of `id` is stepped to its end (which makes the account), then to step 4 and left still: the server
 * has the place; a reload resumes there with the hash verified. `ready` waits for the drawing. */
const resumesAfterReload = async (id, query, ready) => {
  const { page } = await device(`/algorithms/${id}?${query}`);
  await ready(page);
  await page.keyboard.press('Home');
  const last = Number((await stepText(page)).match(/\/ (\d+)/)[1]);
  for (let i = 0; i < last; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => localStorage.getItem('algovista.account.v1') !== null, null, { timeout: 15000 });
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  const { token } = await stored(page, 'algovista.account.v1');
  let saved;
  for (let i = 0; i < 100 && saved?.step !== 4; i++) {
    await page.waitForTimeout(100);
    const response = await fetch(`${server.url}/api/sessions/${id}`, { headers: { authorization: `Bearer ${token}` } });
    saved = response.status === 200 ? await response.json() : undefined;
  }
  assert.equal(saved?.step, 4);
  await page.reload();
  await page.getByTestId('session-status').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('session-status').textContent(), 'Resumed at step 4, the same step as saved.');
  await ready(page);
  return { page, saved };
};

test('a graph run resumes at its step after a reload, with the graph kept and the hash verified', async () => {
  const graph = encodeURIComponent('A B 4\nA C 1\nC B 1\nB D 5\nstart A\ngoal D');
  const { page, saved } = await resumesAfterReload('dijkstra', `graph=${graph}`, (page) => page.getByTestId('node').first().waitFor());
  assert.deepEqual(saved.input.graph.nodes, ['A', 'B', 'C', 'D']);
  assert.deepEqual(saved.input.graph.edges, [['A', 'B', 4], ['A', 'C', 1], ['C', 'B', 1], ['B', 'D', 5]]);
  assert.equal(await page.getByTestId('node').count(), 4);
});

test('a maze run resumes at its step after a reload, with its grid and seed kept and the hash verified', async () => {
  const { page, saved } = await resumesAfterReload('maze-division', 'width=9&height=7&seed=12', (page) => page.getByTestId('grid').waitFor());
  assert.equal(saved.input.seed, 12);
  assert.deepEqual(saved.input.grid, ['.........', '.S.......', '.........', '.........', '.........', '.......G.', '.........']);
  assert.equal(await page.getByTestId('grid').getAttribute('data-width'), '9');
  // The maze's editor shows the resumed grid's size, so Run makes a maze of that size again.
  await openEditor(page);
  assert.deepEqual([await page.getByTestId('width').inputValue(), await page.getByTestId('height').inputValue()], ['9', '7']);
});

test('each kind of page keeps the places saved by the others: arrays, graphs and grids are all continued', async () => {
  const { page } = await device('/algorithms/bubble-sort?values=5,4,3,2,1');
  const places = async () => ((await stored(page, 'algovista.sessions.v1')) ?? []).map((s) => `${s.algorithm}@${s.step}`).sort();
  const stepTo = async (id, query, ready, step) => {
    const path = `/algorithms/${id}${query}`;
    await page.goto(`${server.url}${path}`);
    await ready(page);
    await page.keyboard.press('Home');
    for (let i = 0; i < step; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((s) => document.querySelector('[data-testid=step-count]').textContent.startsWith(`Step ${s} /`), step);
    // The place is written once the address follows the step.
    await page.waitForFunction(
      ([id, step]) => (JSON.parse(localStorage.getItem('algovista.sessions.v1')) ?? []).some((s) => s.algorithm === id && s.step === step),
      [id, step],
    );
  };
  // Each page module knows only the algorithms it draws; writing its own place must not drop the others'.
  await stepTo('bubble-sort', '?values=5,4,3,2,1', (p) => p.getByTestId('bar').first().waitFor(), 3);
  await stepTo('grid-bfs', '', (p) => p.getByTestId('grid').waitFor(), 2);
  await stepTo('bfs', '', (p) => p.getByTestId('node').first().waitFor(), 1);
  assert.deepEqual(await places(), ['bfs@1', 'bubble-sort@3', 'grid-bfs@2']);
  await page.goto(`${server.url}/`);
  await page.getByTestId('card').first().waitFor();
  const offered = await page.getByTestId('continue').evaluateAll((items) => items.map((li) => li.dataset.id).sort());
  assert.deepEqual(offered, ['bfs', 'bubble-sort', 'grid-bfs']);
});
