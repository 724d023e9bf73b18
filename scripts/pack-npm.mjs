// `npm run pack:npm`: the npm package, @tde-tools/tde, as a tarball in the
// repository's root. package.json at the root is the VS Code extension's
// manifest (its `name` is the extension's identity, and vsce refuses scoped
// names), so the package gets a manifest of its own, written here: the CLI,
// the language server and the API, built, with their type declarations; no
// dependencies (everything is bundled) and no scripts.
//   node scripts/pack-npm.mjs [--out DIR]   (default: the repository's root)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = '@tde-tools/tde';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex === -1 ? root : resolve(process.argv[outIndex + 1]);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const stage = mkdtempSync(join(tmpdir(), 'tde-npm-'));
try {
  // Built into the staging folder: the working tree's dist/ stays the development build.
  run(process.execPath, ['esbuild.mjs', '--production', `--dist=${join(stage, 'dist')}`]);
  const types = join(stage, 'all-types');
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.api.json', '--outDir', types]);
  // Only the declarations api.d.ts reaches: the API's types, none of the YAML parser's.
  for (const declaration of reachableDeclarations(join(types, 'api.d.ts'))) {
    const target = join(stage, 'dist/types', relative(types, declaration));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(declaration, target);
  }
  rmSync(types, { recursive: true });
  for (const path of ['bin', 'README.md', 'LICENSE', 'docs']) cpSync(join(root, path), join(stage, path), { recursive: true });
  mkdirSync(join(stage, 'schemas'));
  for (const schema of readdirSync(join(root, 'schemas')).filter((name) => name.endsWith('.schema.json'))) {
    cpSync(join(root, 'schemas', schema), join(stage, 'schemas', schema));
  }

  const pkg = {
    name: PACKAGE_NAME,
    version: manifest.version,
    description: 'Check Tactical Data Engagement (TDE) project files (*.tde.yaml): the tde command for CI, a language server, and an API.',
    license: manifest.license,
    repository: manifest.repository,
    homepage: manifest.homepage,
    bugs: manifest.bugs,
    keywords: manifest.keywords,
    engines: { node: manifest.engines.node },
    bin: manifest.bin,
    exports: manifest.exports,
    types: manifest.types,
    files: ['bin/', ...['cli', 'checkWorker', 'server', 'validationWorker', 'api'].map((bundle) => `dist/${bundle}.js`), 'dist/types/', 'schemas/', 'docs/'],
  };
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  mkdirSync(out, { recursive: true });
  // The staging folder has no .npmrc and the manifest no scripts; --ignore-scripts all the same.
  const tarball = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', out], stage).trim().split('\n').pop();
  console.log(join(out, tarball));
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/** A declaration file and those it imports, following relative paths. */
function reachableDeclarations(start) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from ['"](\.[^'"]+)['"]/g)) visit(resolve(dirname(file), `${spec}.d.ts`));
  };
  visit(start);
  return [...seen];
}
