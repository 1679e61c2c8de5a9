// The app's WebAssembly modules, read from the crates rather than listed: every `[[bin]]` of the `app` and
// `engine` packages is a module (`page-…`, `editor-…`, `engine-…`, `tools-…`), built with exactly its
// `required-features`, so it links only the families those features name. scripts/build-wasm.sh builds
// them (`node scripts/modules.mjs groups`: one line per set of features, the features and then the
// modules); scripts/dist.mjs checks that each was built.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PACKAGES = ['app', 'engine'];

/** Every module: `{ name, package, features }`, features as cargo names them for the package. */
export const modules = () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const metadata = JSON.parse(
    execFileSync('cargo', ['metadata', '--no-deps', '--offline', '--format-version', '1'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
  return metadata.packages
    .filter((pkg) => PACKAGES.includes(pkg.name))
    .flatMap((pkg) =>
      pkg.targets
        .filter((target) => target.kind.includes('bin'))
        .map((target) => ({ name: target.name, package: pkg.name, features: target['required-features'] ?? [] })),
    );
};

/**
 * The modules in one cargo call per set of feature names (the page modules of a family and its engine
 * together, as `app/graphs,engine/graphs`): within a call the features are one set for every module.
 */
export const groups = (all = modules()) => {
  const byNames = new Map();
  for (const module of all) {
    const key = [...module.features].sort().join(',');
    if (!byNames.has(key)) byNames.set(key, { features: new Set(), modules: [] });
    const group = byNames.get(key);
    for (const feature of module.features) group.features.add(`${module.package}/${feature}`);
    group.modules.push(module.name);
  }
  return [...byNames.values()].map((group) => ({ features: [...group.features].sort(), modules: group.modules }));
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command] = process.argv.slice(2);
  if (command === 'groups') {
    for (const group of groups()) console.log([group.features.join(',') || '-', ...group.modules].join(' '));
  } else if (command === 'names') {
    for (const module of modules()) console.log(module.name);
  } else {
    console.error('usage: node scripts/modules.mjs groups|names');
    process.exit(2);
  }
}
