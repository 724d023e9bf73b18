// Bundles the three entry points; `vscode` stays external (the editor provides it).
import * as esbuild from 'esbuild';

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
};

const builds = [
  { entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist' },
  { entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
];

import { existsSync } from 'node:fs';
const present = builds.filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));

if (watch) {
  for (const build of present) (await esbuild.context({ ...common, ...build })).watch();
} else {
  await Promise.all(present.map((build) => esbuild.build({ ...common, ...build })));
}
