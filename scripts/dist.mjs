// Trunk's post_build hook (see Trunk.toml): places the WebAssembly modules that scripts/build-wasm.sh
// staged into the output, each in a folder named by a hash of its files (so hosts may cache them forever),
// writes the page loader and its manifest into index.html, copies index.html to 404.html (static hosts
// answer unknown paths with it, which opens deep links), and writes a brotli and a gzip copy of every
// compressible file beside it for servers that send precompressed files.
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { modules } from './modules.mjs';
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

// What the loader needs: each module's hashed prefix by role and name, and, read from the tools and
// engine modules themselves below, the families each engine runs, each algorithm's family and each
// family's kind.
const manifest = { pages: {}, engines: {}, tools: {}, editors: {}, runs: {}, families: {}, kinds: {}, imports: {} };
const ROLES = { page: manifest.pages, engine: manifest.engines, tools: manifest.tools, editor: manifest.editors };
const built = readdirSync(stage).sort();
for (const { name } of modules()) {
  if (!built.includes(name)) throw new Error(`the ${name} module was not built`);
}
for (const module of built) {
  const dir = join(stage, module);
  const hash = createHash('sha256');
  for (const file of files(dir).sort()) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file));
  }
  const folder = `${module}-${hash.digest('hex').slice(0, 16)}`;
  cpSync(dir, join(out, 'assets', folder), { recursive: true });
  const [role, name] = module.split(/-(.*)/s);
  const group = ROLES[role];
  if (!group) throw new Error(`unexpected module ${module}: a module is named page-, engine-, tools- or editor-`);
  group[name] = `/assets/${folder}/${module}`;
  // The JS files the module's glue imports (wasm-bindgen snippets), for the loader to fetch at once rather
  // than after the glue.
  const imports = files(dir)
    .filter((file) => file.endsWith('.js') && relative(dir, file) !== `${module}.js`)
    .map((file) => `/assets/${folder}/${relative(dir, file)}`);
  if (imports.length) manifest.imports[group[name]] = imports;
}

// Every family, its kind of frame and its algorithms, asked of the tools modules (run here under Node:
// each family's tools know its entries), and the ids each engine runs, asked of the engines; so the loader
// maps each path to its page and engine modules and no list of families is written here.
const run = async (prefix) => {
  const module = await import(pathToFileURL(join(out, `${prefix}.js`)));
  module.initSync({ module: readFileSync(join(out, `${prefix}_bg.wasm`)) });
  return module;
};
for (const [name, prefix] of Object.entries(manifest.tools)) {
  const { families } = JSON.parse((await run(prefix)).manifest());
  if (families.length !== 1 || families[0].family !== name) {
    throw new Error(`the tools-${name} module is for [${families.map(({ family }) => family).join(', ')}], not for ${name} alone`);
  }
  const [{ family, kind, algorithms }] = families;
  manifest.kinds[family] = kind;
  for (const id of algorithms) manifest.families[id] = family;
}
for (const [name, prefix] of Object.entries(manifest.engines)) {
  const runs = new Set();
  for (const id of JSON.parse((await run(prefix)).ids())) {
    if (!manifest.families[id]) throw new Error(`the ${name} engine runs ${id}, which no tools module knows`);
    runs.add(manifest.families[id]);
  }
  manifest.runs[name] = [...runs];
}
// Every family needs an engine of its own: a visualizer loads only its family.
for (const family of Object.keys(manifest.kinds)) {
  const alone = Object.values(manifest.runs).some((runs) => runs.length === 1 && runs[0] === family);
  if (!alone) throw new Error(`no engine module runs the ${family} family alone`);
}

// The split holds only while no page or editor links a state machine and no engine or tools module another
// family's. Which families a module links is read from its bytes: every constructor in a family's list keeps
// the mark `algovista:links-family:<family>;` (algorithms/src/catalogue.rs), so the check depends on no
// sentence's wording.
const FAMILY_MARK = 'algovista:links-family:';
const linkedFamilies = (wasm) => {
  const found = new Set();
  for (let at = wasm.indexOf(FAMILY_MARK); at >= 0; at = wasm.indexOf(FAMILY_MARK, at + 1)) {
    const start = at + FAMILY_MARK.length;
    found.add(wasm.subarray(start, wasm.indexOf(';', start)).toString('utf8'));
  }
  return [...found].sort();
};
const allLinked = new Set();
for (const [role, group] of Object.entries(ROLES)) {
  for (const [name, prefix] of Object.entries(group)) {
    const linked = linkedFamilies(readFileSync(join(out, `${prefix}_bg.wasm`)));
    linked.forEach((family) => allLinked.add(family));
    const expected = [...({ engine: manifest.runs[name], tools: [name] }[role] ?? [])].sort();
    if (linked.join() !== expected.join()) {
      throw new Error(`the ${name} ${role} module links the state machines of [${linked.join(', ')}], not of [${expected.join(', ')}]`);
    }
  }
}
for (const family of allLinked) {
  if (!manifest.kinds[family]) throw new Error(`the ${family} family's state machines are linked, but it has no tools module`);
}

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
