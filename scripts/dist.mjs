// Trunk's post_build hook (see Trunk.toml): places the WebAssembly modules that scripts/build-wasm.sh
// staged into the output, each in a folder named by a hash of its files (so hosts may cache them forever),
// writes the page loader and its manifest into index.html, copies index.html to 404.html (static hosts
// answer unknown paths with it, which opens deep links), and writes a brotli and a gzip copy of every
// compressible file beside it for servers that send precompressed files.
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through Trunk (scripts/build-app.sh)`);
  return value;
};
const out = required('TRUNK_STAGING_DIR');
const stage = required('WASM_STAGE');

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );

const manifest = { pages: {}, engines: {}, tools: {}, editors: {}, families: {}, combined: {}, imports: {} };
for (const module of readdirSync(stage).sort()) {
  const dir = join(stage, module);
  const hash = createHash('sha256');
  for (const file of files(dir).sort()) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file));
  }
  const folder = `${module}-${hash.digest('hex').slice(0, 16)}`;
  cpSync(dir, join(out, 'assets', folder), { recursive: true });
  const [kind, name] = module.split(/-(.*)/s);
  const group = { page: manifest.pages, engine: manifest.engines, tools: manifest.tools, editor: manifest.editors }[kind];
  if (!group) throw new Error(`unexpected module ${module}`);
  group[name] = `/assets/${folder}/${module}`;
  // The JS files the module's glue imports (wasm-bindgen snippets), for the loader to fetch at once rather
  // than after the glue.
  const imports = files(dir)
    .filter((file) => file.endsWith('.js') && relative(dir, file) !== `${module}.js`)
    .map((file) => `/assets/${folder}/${relative(dir, file)}`);
  if (imports.length) manifest.imports[group[name]] = imports;
}
for (const page of ['catalogue', 'visualizer', 'graph', 'graph-race', 'grid', 'grid-race', 'quiz', 'race', 'plot', 'progress']) {
  if (!manifest.pages[page]) throw new Error(`the ${page} page module was not built`);
}
for (const editor of ['graph', 'grid']) {
  if (!manifest.editors[editor]) throw new Error(`the ${editor} editor module was not built`);
}

// The split holds only while no page or editor links a state machine and no engine another family's: a
// text that only one family's narration contains must appear in that family's engine (and tools) and
// nowhere else.
const NARRATION = {
  sorting: 'Start bubble sort on ',
  searching: ' sorted values: every index is a candidate.',
  traversal: 'Start breadth-first search on ',
  connectivity: 'Find the connected components of ',
  paths: "Start Dijkstra's algorithm on ",
  trees: "Start Prim's algorithm on ",
  grids: 'Every neighbour of ',
};
// An engine that runs several families at once (every graph family, for races across them).
const COMBINED = { graphs: ['traversal', 'connectivity', 'paths', 'trees'] };
for (const [kind, group] of [['page', manifest.pages], ['engine', manifest.engines], ['tools', manifest.tools], ['editor', manifest.editors]]) {
  for (const [name, prefix] of Object.entries(group)) {
    const wasm = readFileSync(join(out, `${prefix}_bg.wasm`));
    for (const [family, text] of Object.entries(NARRATION)) {
      const linked = wasm.includes(Buffer.from(text));
      const expected = (kind === 'engine' || kind === 'tools') && (name === family || (COMBINED[name] ?? []).includes(family));
      if (linked !== expected) {
        throw new Error(`the ${name} ${kind} module ${linked ? 'links' : 'lacks'} the ${family} algorithms`);
      }
    }
  }
}

// Which engine each algorithm needs, asked of the engines themselves (run here under Node), so the loader can
// fetch a visualizer's engine at the same time as its page module.
for (const [family, prefix] of Object.entries(manifest.engines)) {
  if (COMBINED[family]) continue;
  const engine = await import(pathToFileURL(join(out, `${prefix}.js`)));
  engine.initSync({ module: readFileSync(join(out, `${prefix}_bg.wasm`)) });
  for (const id of JSON.parse(engine.ids())) manifest.families[id] = family;
}

manifest.combined = COMBINED;

const loader = readFileSync(new URL('../app/html/loader.js', import.meta.url), 'utf8').replace(
  'const manifest = MANIFEST;',
  `const manifest = ${JSON.stringify(manifest)};`,
);
const indexPath = join(out, 'index.html');
const index = readFileSync(indexPath, 'utf8');
if (!index.includes('</body>')) throw new Error('index.html has no </body>');
const html = index.replace('</body>', `<script type="module">\n${loader}</script>\n</body>`);
writeFileSync(indexPath, html);
writeFileSync(join(out, '404.html'), html);

const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|svg|json|webmanifest|txt)$/;
for (const file of files(out)) {
  if (!COMPRESSIBLE.test(file)) continue;
  const body = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: statSync(file).size,
      },
    }),
  );
}
console.log(`dist: ${Object.keys(manifest.pages).length} pages, ${Object.keys(manifest.engines).length} engines, ${Object.keys(manifest.tools).length} tools modules, ${Object.keys(manifest.editors).length} editors`);
