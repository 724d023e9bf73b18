// One pass over the batch in a fresh process, as a command meets it: every
// file checked once, so most of the work runs before the code is optimised.
// `node bench/batchPass.mjs floor|engine ENGINE_BUNDLE FILE…` prints the
// milliseconds the checks took (reading the files and starting up excluded)
// and the problems found, as JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { floorCheck } from './floor.mjs';

const [which, engineBundle, ...files] = process.argv.slice(2);
const texts = files.map((file) => readFileSync(file, 'utf8'));
const engine = which === 'engine' ? createRequire(import.meta.url)(engineBundle) : undefined;
const check = engine ? (text) => engine.check(text).problems.length : (text) => floorCheck(text).length;
let problems = 0;
const start = performance.now();
for (const text of texts) problems += check(text);
process.stdout.write(JSON.stringify({ ms: performance.now() - start, problems }));
