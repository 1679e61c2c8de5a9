// The tracker half, through the app and the real server: finished runs become events, the header shows the
// streak and the sync state, the dashboard shows the server's days, events survive a server outage and are
// delivered once, devices link by a pairing code, and bad stored data or a refused event loses nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { holdRequests, launchBrowser, openDevice, startServer, stored } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'algovista-tracker-'));
let server = await startServer({ dir });
const addr = server.url.replace('http://', '');
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

// A short run: bubble sort of two values.
const RUN = '/algorithms/bubble-sort?values=2,1';

/** A page in its own context (its own storage, like another device). */
const device = (path = RUN) => openDevice(browser, `${server.url}${path}`);

const waitForSync = (page, state) =>
  page.waitForFunction((s) => document.querySelector('[data-testid=sync]')?.dataset.state === s, state, { timeout: 15000 });
const waitForSyncText = (page, text) =>
  page.waitForFunction((t) => document.querySelector('[data-testid=sync]')?.textContent === t, text, { timeout: 15000 });
/** Waits until every event this page recorded is on the server (an account, an empty outbox, synced). */
const waitForDelivered = (page) =>
  page.waitForFunction(
    () =>
      localStorage.getItem('algovista.account.v1') !== null &&
      (JSON.parse(localStorage.getItem('algovista.outbox.v1'))?.events.length ?? 0) === 0 &&
      document.querySelector('[data-testid=sync]')?.dataset.state === 'synced',
    null,
    { timeout: 15000 },
  );

/** Follows the run to its end with → (stepping, which counts), from the first step. */
async function finishRun(page) {
  await page.getByTestId('bar').first().waitFor();
  await page.keyboard.press('Home');
  const last = Number((await page.getByTestId('step-count').textContent()).match(/\/ (\d+)/)[1]);
  for (let i = 0; i < last; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((l) => document.querySelector('[data-testid=step-count]').textContent === `Step ${l} / ${l}`, last);
}

/** The server's own count of finished runs per algorithm for the account a page holds. */
async function serverRuns(page) {
  const { token } = await stored(page, 'algovista.account.v1');
  const progress = await (await fetch(`${server.url}/api/progress`, { headers: { authorization: `Bearer ${token}` } })).json();
  return Object.fromEntries(progress.algorithms.map((a) => [a.algorithm, a.runs_finished]));
}

test('a run followed to its end makes streak 1 and marks today on the dashboard; a jump to the end does not count', async () => {
  const { page, errors } = await device();
  await waitForSync(page, 'synced');
  assert.equal(await page.getByTestId('streak').textContent(), 'No streak yet');

  // End jumps: not a finished run, and no account is created for it.
  await page.getByTestId('bar').first().waitFor();
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  assert.equal(await stored(page, 'algovista.account.v1'), null);
  assert.equal(await stored(page, 'algovista.outbox.v1'), null);

  await finishRun(page);
  await page.waitForFunction(() => document.querySelector('[data-testid=streak]').textContent === '1-day streak · today done');
  await waitForSync(page, 'synced');
  assert.deepEqual(await serverRuns(page), { 'bubble-sort': 1 });
  assert.deepEqual((await stored(page, 'algovista.outbox.v1')).events, []);

  await page.getByTestId('tracker').click();
  await page.getByTestId('streak-panel').waitFor();
  assert.equal(await page.title(), 'Your progress — AlgoVista');
  assert.equal(await page.getByTestId('progress-source').getAttribute('data-verified'), 'true');
  assert.equal(await page.getByTestId('current-streak').textContent(), '1');
  assert.equal(await page.getByTestId('today-status').textContent(), 'Today: done');
  const today = (await stored(page, 'algovista.streak.v1')).today;
  const cell = page.locator(`[data-testid=calendar] rect[data-day="${today}"]`);
  assert.equal(await cell.getAttribute('data-count'), '1');
  assert.match(await cell.getAttribute('class'), /level-1/);
  assert.match(await page.getByTestId('calendar-summary').textContent(), /Active on 1 of the last \d+ days/);
  // Months over their first weeks and weekdays beside their rows; a click (or tap) says a day's count.
  const labels = await page.$$eval('[data-testid=calendar] .calendar-label', (texts) => texts.map((t) => t.textContent));
  assert.deepEqual(labels.slice(0, 3), ['Mon', 'Wed', 'Fri']);
  assert.ok(labels.length - 3 >= 12 && labels.length - 3 <= 13, `a name per month: ${labels.slice(3)}`);
  await cell.click();
  assert.match(await page.getByTestId('calendar-day').textContent(), /^\d{4}-\d{2}-\d{2}: 1 activity$/);
  assert.equal(await page.locator('[data-testid=algorithm-progress][data-id=bubble-sort] [data-testid=runs]').textContent(), '1');
  assert.deepEqual(errors, []);
  await page.close();
});

test('with the server down events wait (counted in the header), then arrive exactly once', async () => {
  const { page } = await device();
  await finishRun(page);
  await page.waitForFunction(() => document.querySelector('[data-testid=streak]').textContent.startsWith('1-day streak'));
  await waitForSync(page, 'synced');

  await server.stop();
  await finishRun(page);
  await finishRun(page);
  await waitForSyncText(page, 'Offline · 2 pending');
  assert.equal((await stored(page, 'algovista.outbox.v1')).events.length, 2);
  assert.match(await page.getByTestId('streak').textContent(), /^1-day streak/, 'the last known streak stays');

  // Back, and the page reloaded: delivered on load.
  server = await startServer({ dir, addr });
  await page.reload();
  await waitForSync(page, 'synced');
  assert.deepEqual(await serverRuns(page), { 'bubble-sort': 3 });

  // Down again; back again, and the browser says the network is back: delivered then.
  await server.stop();
  await finishRun(page);
  await waitForSyncText(page, 'Offline · 1 pending');
  const [waiting] = (await stored(page, 'algovista.outbox.v1')).events;
  server = await startServer({ dir, addr });
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await waitForSync(page, 'synced');
  assert.deepEqual(await serverRuns(page), { 'bubble-sort': 4 });
  // An acknowledgement lost on the way means the event is sent again: it still counts once.
  await page.evaluate((event) => {
    const outbox = JSON.parse(localStorage.getItem('algovista.outbox.v1'));
    outbox.events.push(event);
    localStorage.setItem('algovista.outbox.v1', JSON.stringify(outbox));
    window.dispatchEvent(new Event('online'));
  }, waiting);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('algovista.outbox.v1')).events.length === 0);
  await waitForSync(page, 'synced');
  assert.deepEqual(await serverRuns(page), { 'bubble-sort': 4 });
  await page.close();
});

test('a pairing code joins a second device to the same progress', async () => {
  const { page: first } = await device();
  await finishRun(first);
  await waitForDelivered(first);
  await first.getByTestId('tracker').click();
  await first.getByTestId('new-code').click();
  const code = await first.getByTestId('pairing-code').textContent();
  assert.match(code, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

  const { page: second, errors } = await device('/progress');
  await second.getByTestId('redeem-code').fill(code.toLowerCase());
  await second.getByTestId('redeem').click();
  await second.waitForFunction(() => document.querySelector('[data-testid=link-message]').textContent.startsWith('Linked'));
  await second.waitForFunction(() => document.querySelector('[data-testid=algorithm-progress][data-id=bubble-sort] [data-testid=runs]')?.textContent === '1');
  assert.equal(
    (await stored(second, 'algovista.account.v1')).user_id,
    (await stored(first, 'algovista.account.v1')).user_id,
  );
  // What the second device does now counts for both.
  await second.goto(`${server.url}/algorithms/binary-search?values=1,3,5&target=5`);
  await finishRun(second);
  await waitForDelivered(second);
  assert.deepEqual(await serverRuns(first), { 'bubble-sort': 1, 'binary-search': 1 });
  // A used code is refused, with the server's reason.
  const { page: third } = await device('/progress');
  await third.getByTestId('redeem-code').fill(code);
  await third.getByTestId('redeem').click();
  await third.waitForFunction(() => /unknown, expired or already used/.test(document.querySelector('[data-testid=link-message]').textContent));
  assert.deepEqual(errors, []);
});

test('unreadable stored data is set aside and said once; the app starts', async () => {
  const { page } = await device();
  await page.getByTestId('bar').first().waitFor();
  await page.evaluate(() => {
    localStorage.setItem('algovista.outbox.v1', '{"events": 5}');
    localStorage.setItem('algovista.sessions.v1', 'not json at all');
  });
  await page.goto(`${server.url}/`);
  // Each store is read when first needed (the outbox a moment after the page): wait for both to be said.
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid=notices]')?.textContent ?? '';
    return text.includes('events waiting') && text.includes('places to continue');
  });
  const notice = await page.getByTestId('notices').textContent();
  assert.match(notice, /cannot read was set aside/);
  assert.match(notice, /events waiting to be sent/);
  assert.match(notice, /the places to continue from/);
  assert.equal(await page.evaluate(() => localStorage.getItem('algovista.outbox.v1.unreadable')), '{"events": 5}');
  assert.ok((await page.locator('[data-testid=card]').count()) > 10, 'the catalogue works');
  await page.reload();
  await page.locator('[data-testid=card]').first().waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('notices').isHidden(), true, 'said once');
  await page.close();
});

test('an unknown key says the device was unlinked and keeps its events; starting again delivers them', async () => {
  const { page } = await device();
  await page.getByTestId('bar').first().waitFor();
  await page.evaluate(() => localStorage.setItem('algovista.account.v1', JSON.stringify({ user_id: 'gone', token: 'unknown-token' })));
  await page.reload();
  await finishRun(page);
  await waitForSync(page, 'unlinked');
  assert.match(await page.getByTestId('unlinked').textContent(), /unlinked.*Nothing on this device was lost/);
  assert.equal((await stored(page, 'algovista.outbox.v1')).events.length, 1);
  await page.getByRole('button', { name: 'Start again' }).click();
  await waitForSync(page, 'synced');
  assert.deepEqual(await serverRuns(page), { 'bubble-sort': 1 });
  await page.close();
});

test('an event the server refuses is set aside and reported once; the rest are delivered', async () => {
  const { page } = await device();
  await finishRun(page);
  await waitForDelivered(page);
  await page.evaluate(() => {
    const outbox = JSON.parse(localStorage.getItem('algovista.outbox.v1'));
    const at = new Date().toISOString();
    outbox.events.push({ id: 'bad-1', kind: 'run_finished', algorithm: 'no-such-algorithm', at });
    outbox.events.push({ id: 'good-1', kind: 'run_finished', algorithm: 'linear-search', at });
    localStorage.setItem('algovista.outbox.v1', JSON.stringify(outbox));
  });
  await page.reload();
  await page.getByTestId('notices').waitFor();
  assert.match(await page.getByTestId('notices').textContent(), /refused.*no-such-algorithm.*not in the catalogue/);
  await waitForSync(page, 'synced');
  assert.deepEqual(await serverRuns(page), { 'bubble-sort': 1, 'linear-search': 1 });
  const outbox = await stored(page, 'algovista.outbox.v1');
  assert.deepEqual(outbox.events, []);
  assert.deepEqual(outbox.set_aside.map((s) => [s.event.id, s.reported]), [['bad-1', true]]);
  await page.close();
});

test('deleting everything from the dashboard removes it from the server, after a confirmation', async () => {
  const { page } = await device();
  await finishRun(page);
  await waitForDelivered(page);
  const { token } = await stored(page, 'algovista.account.v1');
  await page.getByTestId('tracker').click();
  const asked = [];
  page.on('dialog', async (dialog) => {
    asked.push(dialog.message());
    await dialog.accept();
  });
  await page.getByTestId('delete-account').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=delete-message]').textContent.startsWith('Deleted'));
  assert.match(asked[0], /cannot be undone/);
  assert.equal((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status, 401);
  assert.equal(await stored(page, 'algovista.account.v1'), null);
  await page.waitForFunction(() => document.querySelector('[data-testid=streak]').textContent === 'No streak yet');
  await page.close();
});

test('the public streak card turns on with an address anyone can load, and off again', async () => {
  const { page, errors } = await device();
  await finishRun(page);
  await waitForDelivered(page);
  await page.getByTestId('tracker').click();
  await page.getByTestId('card-on').click();
  const url = await page.getByTestId('card-url').textContent();
  assert.match(url, /\/api\/cards\/[0-9a-f]{32}\.svg$/);
  await page.waitForFunction(() => document.querySelector('[data-testid=card-image]')?.naturalWidth > 0);
  const card = await fetch(url);
  assert.equal(card.status, 200);
  assert.equal(card.headers.get('content-type'), 'image/svg+xml');
  assert.match(await card.text(), /1 day/);
  await page.getByTestId('card-off').click();
  await page.getByTestId('card-on').waitFor();
  assert.equal((await fetch(url)).status, 404);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the home time zone is chosen from the names the server accepts; instants are written for people', async () => {
  const { page, errors } = await device();
  await finishRun(page);
  await waitForDelivered(page);
  await page.getByTestId('tracker').click();
  const zone = page.getByTestId('zone');
  await zone.waitFor();
  // The field's list holds exactly the server's names, which the browser searches as the learner types.
  const names = (await (await fetch(`${server.url}/api/time-zones`)).json()).time_zones;
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=time-zones] option').length === n, names.length);
  assert.equal(await zone.getAttribute('list'), 'time-zones');
  assert.ok(names.includes('Asia/Tokyo'));
  // A name the server does not know is refused on the spot, with what to do instead.
  await zone.fill('Mars/Olympus_Mons');
  await zone.press('Enter');
  await page.waitForFunction(() => /"Mars\/Olympus_Mons" is not a time zone name the server knows/.test(document.body.textContent));
  // A first change is possible at once; after it, the next is a date and a time, not RFC 3339.
  assert.match(await page.locator('.setting').first().textContent(), /you can change it now\./);
  await zone.fill('Asia/Tokyo');
  await zone.press('Enter');
  await page.waitForFunction(() => /Saved\. Days now follow this time zone\./.test(document.body.textContent));
  const hint = await page.locator('.setting').first().textContent();
  // In the browser's own language (the test browser's is English): a month's name, the year and a time.
  assert.match(hint, /the next change is possible from [^.]*[A-Z][a-z]{2}[^.]*\b20\d\d\b[^.]*\d{1,2}:\d{2}/);
  assert.doesNotMatch(hint, /\d{4}-\d{2}-\d{2}T/);
  // The pairing code's expiry too.
  await page.getByTestId('new-code').click();
  await page.getByTestId('pairing-code').waitFor();
  const expiry = await page.getByTestId('pairing-code').locator('..').textContent();
  assert.match(expiry, /by [^.]*[A-Z][a-z]{2}[^.]*\b20\d\d\b[^.]*\d{1,2}:\d{2}[^.]*\.$/);
  assert.doesNotMatch(expiry, /\d{4}-\d{2}-\d{2}T/);
  assert.deepEqual(errors, []);
});

test('a reply held until the learner has left the dashboard writes nothing and breaks nothing', async () => {
  const { page, errors } = await device();
  await finishRun(page);
  await waitForDelivered(page);
  const { asked, release } = await holdRequests(page, /\/api\/(progress|me|time-zones|sessions)$/);
  await page.getByTestId('tracker').click();
  await asked;
  await page.getByRole('link', { name: 'Algorithms', exact: true }).click();
  await page.getByTestId('card').first().waitFor();
  release();
  await page.waitForTimeout(1500);
  await page.getByTestId('search').fill('heap');
  assert.match(await page.getByTestId('result-count').textContent(), /^\d+ algorithms?$/);
  assert.deepEqual(errors, []);
});
