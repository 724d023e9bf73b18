// Bundles the three entry points; `vscode` stays external (the editor provides it).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { buildValidator } from './scripts/build-validator.mjs';

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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [precompiledSchema],
};

const builds = [
  { entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist' },
  { entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
];

const present = builds.filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));

if (watch) {
  for (const build of present) (await esbuild.context({ ...common, ...build })).watch();
} else {
  await Promise.all(present.map((build) => esbuild.build({ ...common, ...build })));
}
