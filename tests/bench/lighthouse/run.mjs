// Lighthouse's mobile audit (its default: a mid-range phone, simulated slow 4G and a 4× slower CPU) of the
// home page and a graph page, against the release build and release server. Each route is audited
// RUNS times in a fresh Chromium and the median run (by performance score) is reported, as Lighthouse
// advises for its variance. Run by scripts/lighthouse.sh; a benchmark, not a test. Exits 1 when a
// route misses a goal (performance ≥ 90, layout shift ≤ 0.05), so the command says so plainly.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS, startServer } from '../../e2e/harness.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const ROUTES = [
  { path: '/', note: 'the catalogue' },
  { path: '/algorithms/dijkstra', note: 'a graph page' },
  { path: '/algorithms/bubble-sort', note: 'an array page' },
];
const GOALS = { performance: 90, cls: 0.05 };

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function audit(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const metric = (id) => lhr.audits[id].numericValue;
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      speedIndex: metric('speed-index'),
    };
  } finally {
    await chrome.kill();
  }
}

const server = await startServer();
const rows = [];
try {
  for (const route of ROUTES) {
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await audit(`${server.url}${route.path}`));
    runs.sort((a, b) => a.performance - b.performance);
    rows.push({ ...route, runs, median: runs[Math.floor(runs.length / 2)] });
  }
} finally {
  await server.stop();
}

console.log(`| route | performance (median of ${RUNS}; all runs) | FCP | LCP | TBT | CLS | Speed Index |`);
console.log('|---|---|---|---|---|---|---|');
let missed = false;
for (const { path, note, runs, median: m } of rows) {
  const short = m.performance < GOALS.performance || m.cls > GOALS.cls;
  missed ||= short;
  console.log(
    `| \`${path}\` (${note}) | ${m.performance}${short ? ' **under goal**' : ''} (${runs.map((r) => r.performance).join(', ')}) ` +
      `| ${seconds(m.fcp)} | ${seconds(m.lcp)} | ${Math.round(m.tbt)} ms | ${m.cls.toFixed(3)} | ${seconds(m.speedIndex)} |`,
  );
}
if (missed) {
  console.error(`a route misses a goal: performance ≥ ${GOALS.performance} and CLS ≤ ${GOALS.cls}`);
  process.exit(1);
}
