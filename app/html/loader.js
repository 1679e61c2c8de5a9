// The page loader, written into index.html by scripts/dist.mjs (which replaces MANIFEST with the hashed
// names of this build's modules). Each page is its own WebAssembly module and each algorithm family has its
// own engine module; the loader fetches the page module a path needs and swaps modules when a link leads to
// another page, so the document never reloads. A failed fetch shows a message with a retry, never a blank
// page.
const manifest = MANIFEST;

/** The route a path opens, and the algorithm it names (an algorithm's page or quiz; a race's first). */
const routeOf = (path, search = location.search) => {
  const trimmed = path.replace(/\/+$/, '') || '/';
  if (trimmed === '/race') return { route: 'race', id: new URLSearchParams(search).get('a') };
  if (/^\/algorithms\/[^/]+\/quiz$/.test(trimmed)) return { route: 'quiz', id: trimmed.split('/')[2] };
  if (trimmed.startsWith('/algorithms/')) return { route: 'visualizer', id: trimmed.split('/')[2] };
  if (trimmed === '/plot' || trimmed === '/progress') return { route: trimmed.slice(1) };
  return { route: 'catalogue' };
};

/**
 * The page module that renders `path`; the catalogue module also answers unknown paths. An algorithm
 * whose kind of frame has pages of its own (built with that kind alone, leaving out the others) opens
 * them: `<kind>` for its page, `<kind>-race` for its races; a quiz without its kind's own page opens the
 * kind's page, which says so. The other algorithms open the array pages (`visualizer`, `race`, `quiz`).
 */
const pageOf = (path, search = location.search) => {
  const { route, id } = routeOf(path, search);
  const kind = manifest.kinds[manifest.families[id]];
  const own = kind ? { visualizer: [kind], race: [`${kind}-race`], quiz: [`${kind}-quiz`, kind] }[route] ?? [] : [];
  return own.find((name) => manifest.pages[name]) ?? route;
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
 * The engine modules that run `families`: one module that runs them all if there is one (every graph
 * family's: a race of Dijkstra against Prim loads one module, not two), else each family's own. The app
 * asks for engines through the same rule (`engines::ensure`).
 */
const enginesFor = (families) => {
  const names = Object.keys(manifest.runs);
  const runsAll = (name) => families.every((family) => manifest.runs[name].includes(family));
  const together = families.length > 1 && names.find(runsAll);
  if (together) return [together];
  return families.map((family) => names.find((name) => manifest.runs[name].join() === family)).filter(Boolean);
};

/** The engines a path will ask for, fetched beside its page module rather than after it. */
const preload = (path) => {
  const query = new URLSearchParams(location.search);
  const { route, id } = routeOf(path);
  const ids = route === 'visualizer' || route === 'quiz' ? [id] : [query.get('a'), query.get('b')];
  const families = [...new Set(ids.map((each) => manifest.families[each]).filter(Boolean))];
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
  /**
   * The engine module that runs `family` when a page runs `together` (comma-separated families, `family`
   * among them): the module that runs them all if there is one.
   */
  engine: (family, together = family) => {
    const name = enginesFor(together.split(',')).find((each) => manifest.runs[each].includes(family));
    return name ? load(manifest.engines[name]) : Promise.reject(new Error(`no engine for ${family}`));
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
