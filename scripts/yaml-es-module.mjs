// The Node bundles take the `yaml` package's ES module build (the one the
// web bundles get anyway). Its CommonJS build, what Node would pick, reads
// `process.env.LOG_TOKENS` for every token it lexes and is reached through
// esbuild's CommonJS getters; the same version's ES module build does
// neither, and parses a TDE file about a fifth faster (`npm run bench`).
import { createRequire } from 'node:module';
import * as path from 'node:path';

const esModule = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');

export const yamlEsModule = {
  name: 'yaml-es-module',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: esModule }));
  },
};
