// What each route loads before its first frame (docs/benchmarks.md): every route opened in a fresh browser
// context against the release build and server, the files it fetched listed, and two sums per route:
// gzip -9 of its wasm and JS (the budget's measure; HTML and CSS left out) and the bytes it actually
// transferred (the server sends the brotli copies). Run by scripts/sizes.sh; a benchmark, not a test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, startServer } from '../e2e/harness.mjs';

const dist = process.env.ALGOVISTA_DIST;
const KB = (bytes) => (bytes / 1000).toFixed(1);
const firstBar = (page) => page.getByTestId('bar').first().waitFor();
const ROUTES = [
  { path: '/', budget: 150, ready: (page) => page.getByTestId('card').first().waitFor() },
  { path: '/algorithms/bubble-sort', budget: 300, ready: firstBar, note: 'sorting family' },
  { path: '/algorithms/binary-search', budget: 300, ready: firstBar, note: 'searching family' },
  { path: '/race', budget: 300, ready: firstBar, note: 'bubble vs insertion sort' },
  { path: '/algorithms/dijkstra', budget: 300, ready: (page) => page.getByTestId('node').first().waitFor(), note: 'shortest paths' },
  { path: '/algorithms/bfs', budget: 300, ready: (page) => page.getByTestId('node').first().waitFor(), note: 'graph traversal, the largest graph engine' },
  { path: '/algorithms/grid-astar', budget: 300, ready: (page) => page.getByTestId('grid').waitFor(), note: 'grid family' },
  { path: '/algorithms/bst', budget: 300, ready: (page) => page.getByTestId('tree').waitFor(), note: 'tree kind: search trees' },
  { path: '/race?a=grid-dijkstra&b=grid-astar', budget: 300, ready: (page) => page.getByTestId('grid').first().waitFor(), note: 'grid Dijkstra vs A*' },
  { path: '/race?a=bfs&b=dfs', budget: 300, ready: (page) => page.getByTestId('node').first().waitFor(), note: 'BFS vs DFS' },
  // Two graph families: one engine with every graph algorithm loads instead of two.
  { path: '/race?a=dijkstra&b=prim', budget: 300, ready: (page) => page.getByTestId('node').first().waitFor(), note: 'Dijkstra vs Prim, two graph families' },
  // Opened from a visualizer, the quiz adds only its page module (the engine is already there); no budget
  // was set for it: it loads only when the learner asks for it.
  { path: '/algorithms/bubble-sort/quiz', budget: null, ready: firstBar, note: 'opened directly, cold' },
  { path: '/plot', budget: 300, ready: (page) => page.getByTestId('measure').waitFor(), note: 'before Measure' },
  { path: '/progress', budget: 300, ready: (page) => page.getByTestId('streak-panel').waitFor(), note: 'the dashboard' },
  {
    path: '/plot',
    budget: 300,
    note: 'after Measure, with the sorting engine',
    ready: async (page) => {
      await page.getByTestId('measure').click();
      await page.getByTestId('series').first().waitFor();
    },
  },
];

const server = await startServer();
const browser = await launchBrowser();
const rows = [];
try {
  for (const route of ROUTES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${server.url}${route.path}`);
    await route.ready(page);
    let gzip = 0;
    let wire = 0;
    const modules = new Set();
    for (const response of responses) {
      const path = new URL(response.url()).pathname;
      wire += (await response.request().sizes()).responseBodySize;
      const file = path === '/' || !path.includes('.') ? 'index.html' : path.slice(1);
      if (/\.(wasm|js)$/.test(file)) gzip += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
      const module = path.match(/^\/assets\/((?:page|engine)-[a-z_-]+?)-[0-9a-f]{16}\//);
      if (module) modules.add(module[1]);
    }
    rows.push({ ...route, gzip, wire, files: responses.length, modules: [...modules].sort().join(' + ') });
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

console.log('| route | modules | wasm + JS, gzip -9 | budget | transferred (brotli, with HTML and CSS) | requests |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  const route = row.note ? `\`${row.path}\` (${row.note})` : `\`${row.path}\``;
  const within = row.budget === null || row.gzip <= row.budget * 1000 ? '' : ' **over**';
  console.log(`| ${route} | ${row.modules} | ${KB(row.gzip)} KB${within} | ${row.budget === null ? '—' : `${row.budget} KB`} | ${KB(row.wire)} KB | ${row.files} |`);
}
