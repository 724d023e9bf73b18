// Bundles the Node entry points (CLI, API, server) and the web extension's two (dist/web:
// vscode.dev, github.dev); `vscode` stays external (the editor provides it).
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';
import { buildValidator } from './scripts/build-validator.mjs';
import { browserVariants, webBundleCheck } from './scripts/web-build.mjs';
import { yamlEsModule } from './scripts/yaml-es-module.mjs';

// Swap the engine's schema compiler for the precompiled validator.
const validatorFile = buildValidator();
const precompiledSchema = {
  name: 'precompiled-schema',
  setup(build) {
    build.onLoad({ filter: /[\\/]engine[\\/]compileValidator\.ts$/ }, () => ({
      contents: `const validate = require(${JSON.stringify(validatorFile)});\n` +
        `exports.loadValidator = () => validate.default || validate;\n`,
      loader: 'js',
    }));
  },
};

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--action[=DIR]`: only the CLI, as one file in action/ (committed), for the
// GitHub Action and the pre-commit hook to run without installing anything.
const actionArg = process.argv.find((arg) => arg === '--action' || arg.startsWith('--action='));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [precompiledSchema, yamlEsModule],
};

// The web bundles use the `.browser.ts` variants of modules that need Node,
// and the build fails if anything of Node gets in (scripts/web-build.mjs).
const web = { platform: 'browser', target: 'es2022', metafile: true };

const builds = [
  { entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist' },
  // The npm package's programmatic API (package.json `exports`).
  { entryPoints: { api: 'server/src/api.ts' }, outdir: 'dist' },
  // `tde check`'s threads for many files (server/src/cli/checkFilesInParallel.ts starts them).
  { entryPoints: { checkWorker: 'server/src/cli/checkWorker.ts' }, outdir: 'dist' },
  { entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  // The server's checking thread (server/src/lsp/validationWorker.ts starts it).
  { entryPoints: { validationWorker: 'server/src/lsp/validationWorkerThread.ts' }, outdir: 'dist' },
  { entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The client as a web extension (package.json `browser`); it starts the server below in a Worker.
  {
    ...web,
    entryPoints: { client: 'client/src/extension.ts' },
    outdir: 'dist/web',
    external: ['vscode'],
    plugins: [browserVariants, precompiledSchema, webBundleCheck({ allowedExternals: ['vscode'] })],
  },
  // The server for a Worker: a classic script, nothing to import.
  {
    ...web,
    entryPoints: { server: 'server/src/lsp/browserMain.ts' },
    outdir: 'dist/web',
    format: 'iife',
    plugins: [browserVariants, precompiledSchema, webBundleCheck()],
  },
];

// `--dist=DIR`: write what goes to dist/ there instead (the npm package's staging folder).
const distArg = process.argv.find((arg) => arg.startsWith('--dist='));
if (distArg) for (const build of builds) build.outdir = build.outdir.replace(/^dist/, distArg.slice('--dist='.length));

const present = builds.filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));

// One file, no source map and no thread bundle beside it (checks then run on
// one thread), so the committed copy stays small and its diff is one file.
const actionBuild = {
  entryPoints: { tde: 'server/src/cli/main.ts' },
  outdir: actionArg?.includes('=') ? actionArg.slice(actionArg.indexOf('=') + 1) : 'action',
  minify: true,
  sourcemap: false,
  banner: { js: '#!/usr/bin/env node\n// Built by `npm run build:action` from this commit\'s sources; do not edit.' },
};

if (actionArg) {
  await esbuild.build({ ...common, ...actionBuild });
  chmodSync(`${actionBuild.outdir}/tde.js`, 0o755);
} else if (watch) {
  for (const build of present) (await esbuild.context({ ...common, ...build })).watch();
} else {
  await Promise.all(present.map((build) => esbuild.build({ ...common, ...build })));
}
