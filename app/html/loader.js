// The page loader, written into index.html by scripts/dist.mjs (which replaces MANIFEST with the hashed
// names of this build's modules). Each page is its own WebAssembly module and each algorithm family has its
// own engine module; the loader fetches the page module a path needs and swaps modules when a link leads to
// another page, so the document never reloads. A failed fetch shows a message with a retry, never a blank
// page.
const manifest = MANIFEST;

/**
 * The page module that renders `path`; the catalogue module also answers unknown paths. A graph
 * algorithm's page (`graph`) and a race of graph algorithms (`graph-race`) are modules built with the
 * graph families, a grid algorithm's (`grid`, `grid-race`) with the grid family; each leaves out the others.
 */
const pageOf = (path, search = location.search) => {
  const trimmed = path.replace(/\/+$/, '') || '/';
  const id = trimmed === '/race' ? new URLSearchParams(search).get('a') : trimmed.split('/')[2];
  const family = manifest.families[id];
  const kind = ['traversal', 'connectivity', 'paths', 'trees'].includes(family) ? 'graph' : family === 'grids' ? 'grid' : null;
  if (trimmed === '/race' && kind) return `${kind}-race`;
  if (trimmed.startsWith('/algorithms/') && kind) return kind;
  if (/^\/algorithms\/[^/]+\/quiz$/.test(trimmed)) return 'quiz';
  if (trimmed.startsWith('/algorithms/')) return 'visualizer';
  if (trimmed === '/race') return 'race';
  if (trimmed === '/plot') return 'plot';
  if (trimmed === '/progress') return 'progress';
  return 'catalogue';
};

// Fetches and instantiates a module once, its JS and its wasm at the same time; a failure is forgotten,
// and a retry asks for fresh URLs (a query the static host ignores), since browsers may remember a failed
// module import.
const loaded = new Map();
const failures = new Map();
const load = (prefix) => {
  if (!loaded.has(prefix)) {
    const attempt = failures.get(prefix) ?? 0;
    const query = attempt ? `?attempt=${attempt}` : '';
    for (const href of attempt ? [] : manifest.imports[prefix] ?? []) {
      const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href });
      document.head.append(link);
    }
    const wasm = fetch(`${prefix}_bg.wasm${query}`);
    const started = import(`${prefix}.js${query}`).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
    wasm.catch(() => {}); // reported through `started`
    loaded.set(prefix, started);
    started.catch(() => {
      loaded.delete(prefix);
      failures.set(prefix, attempt + 1);
    });
  }
  return loaded.get(prefix);
};

/**
 * The engine modules that run `families`: each family's own, or one module for several families that a
 * combined engine runs together (every graph family: a race of Dijkstra against Prim loads one module, not
 * two). The app asks for engines by the same rule (`engines::ensure`).
 */
const enginesFor = (families) => {
  const combined = Object.entries(manifest.combined).find(
    ([, members]) => families.length > 1 && families.every((family) => members.includes(family)),
  );
  return combined ? [combined[0]] : families;
};

/** The engines a path will ask for, fetched beside its page module rather than after it. */
const preload = (path) => {
  const query = new URLSearchParams(location.search);
  const ids = ['visualizer', 'quiz', 'graph', 'grid'].includes(pageOf(path)) ? [path.split('/')[2]] : [query.get('a'), query.get('b')];
  const families = [...new Set(ids.map((id) => manifest.families[id]).filter(Boolean))];
  for (const name of enginesFor(families)) load(manifest.engines[name]).catch(() => {});
};

const failure = document.getElementById('load-failure');
let current = null;
// Whether a page has been on screen: every later page was reached by a link or Back.
let navigated = false;

async function show() {
  const name = pageOf(location.pathname);
  if (current?.name === name) return;
  preload(location.pathname);
  try {
    const module = await load(manifest.pages[name]);
    if (pageOf(location.pathname) !== name || current?.name === name) return;
    current?.module.unmount();
    current = { name, module };
    failure.hidden = true;
    module.mount(navigated);
    navigated = true;
  } catch (error) {
    document.getElementById('load-failure-reason').textContent = ` (${error.message})`;
    failure.hidden = false;
  }
}

document.getElementById('load-retry').addEventListener('click', show);

globalThis.__algovista = {
  /** Whether the page module on screen renders `path`. */
  owns: (url) => {
    const { pathname, search } = new URL(url, location.href);
    return current !== null && pageOf(pathname, search) === current.name;
  },
  /** Goes to `url`, which another page module renders. */
  go(url, replace) {
    history[replace ? 'replaceState' : 'pushState'](null, '', url);
    show().then(() => replace || scrollTo(0, 0));
  },
  /** The engine module of an algorithm family. */
  engine: (family) => {
    const prefix = manifest.engines[family];
    return prefix ? load(prefix) : Promise.reject(new Error(`no engine for ${family}`));
  },
  /** A family's tools (reading trace files back, frames as images), fetched when a learner uses them. */
  tools: (family) => {
    const prefix = manifest.tools[family];
    return prefix ? load(prefix) : Promise.reject(new Error(`no tools for ${family}`));
  },
  /** The editor of graph or grid inputs (`kind`: "graph" or "grid"), fetched when a learner opens it. */
  editor: (kind) => {
    const prefix = manifest.editors[kind];
    return prefix ? load(prefix) : Promise.reject(new Error(`no editor for ${kind}`));
  },
};

addEventListener('popstate', show);
show();
