// Timing helpers, the bundles the benchmark builds for itself, and the
// in-process measurements: the floor and the engine, whole checks and
// one-character edits.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { yamlEsModule } from '../scripts/yaml-es-module.mjs';
import { editableLine } from './corpus.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/**
 * The engine as shipped (precompiled schema and yaml's ES module build, as
 * esbuild.mjs bundles it), and the floor's command and server, bundled into
 * `dir` the naive way (yaml as Node resolves it).
 */
export async function buildBundles(dir) {
  const validatorFile = path.join(ROOT, 'dist/generated/tde-validator.js');
  const precompiled = {
    name: 'precompiled-schema',
    setup(build) {
      build.onLoad({ filter: /[\\/]engine[\\/]compileValidator\.ts$/ }, () => ({
        contents: `const validate = require(${JSON.stringify(validatorFile)});\nexports.loadValidator = () => validate.default || validate;\n`,
        loader: 'js',
      }));
    },
  };
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error', absWorkingDir: ROOT };
  const engineBundle = path.join(dir, 'engine.cjs');
  await esbuild.build({
    ...common,
    stdin: {
      contents:
        "export { check } from './server/src/engine';\nexport { IncrementalChecker } from './server/src/engine/incrementalCheck';\nexport { SERVER_EXEC_ARGV } from './server/src/shared/launch';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: engineBundle,
    plugins: [precompiled, yamlEsModule],
  });
  await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'bench/floorCli.mjs')], outfile: path.join(dir, 'floor-cli.cjs') });
  await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'bench/floorServer.mjs')], outfile: path.join(dir, 'floor-server.cjs') });
  return {
    engine: createRequire(import.meta.url)(engineBundle),
    engineBundle,
    floorCli: path.join(dir, 'floor-cli.cjs'),
    floorServer: path.join(dir, 'floor-server.cjs'),
  };
}

/** The text with one character typed (odd steps) or taken back (even steps) inside Design's feedback. */
export function editedText(text, step) {
  const { line, character } = editableLine(text);
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  at += character;
  return step % 2 === 1 ? `${text.slice(0, at)}x${text.slice(at)}` : text;
}

/**
 * Floor and engine in this process, interleaved run by run so that whatever
 * else the machine does weighs on both alike: a whole check, and a check
 * after a one-character edit.
 */
export function measureInProcess(engine, floorCheck, text, expected, runs) {
  const count = (what, found) => {
    if (found !== expected) throw new Error(`${what} found ${found} problems, expected ${expected}: the benchmark would not time real work`);
  };
  const checker = new engine.IncrementalChecker();
  checker.check(text);
  const samples = { floor: [], full: [], edit: [] };
  const time = (key, fn) => {
    const start = performance.now();
    const result = fn();
    samples[key].push(performance.now() - start);
    return result;
  };
  for (let i = 0; i < runs + 2; i++) {
    const edited = editedText(text, i);
    const floor = time('floor', () => floorCheck(edited));
    const full = time('full', () => engine.check(edited));
    // Two edits per run (type a character, take it back), as an editor sends them.
    const edit = time('edit', () => checker.check(editedText(text, 2 * i + 1)));
    time('edit', () => checker.check(editedText(text, 2 * i + 2)));
    count('the floor', floor.length);
    count('the engine', full.problems.length);
    count('the incremental engine', edit.problems.length);
  }
  if (checker.parser.stats.full !== 1) throw new Error(`the edits were parsed in full ${checker.parser.stats.full - 1} times`);
  // The first two runs warm up.
  return { floor: stats(samples.floor.slice(2)), full: stats(samples.full.slice(2)), edit: stats(samples.edit.slice(4)) };
}
