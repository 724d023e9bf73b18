// `npm run bench` (after `npm run build`): generates a corpus of valid TDE
// projects with a known number of injected schema errors in a temporary
// folder, measures the floor, the engine in-process, the language server
// over stdio and the CLI as a process, side by side, and prints every figure
// as a ratio to the floor, then the time `tde site` takes to build the
// batch's site, then the targets. Problem counts are checked at
// every step, so that it always times real work. `--keep` keeps the corpus,
// `--json FILE` writes the raw figures, `--sizes 100,1000` measures only
// those sizes (and the batch).
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateProject } from './corpus.mjs';
import { floorCheck } from './floor.mjs';
import { buildBundles, measureInProcess, ROOT, stats } from './measure.mjs';
import { report } from './report.mjs';
import { batchPass, measureCommands, measureServer, measureSite } from './sessions.mjs';

// Small files get more edits: a server that has been edited for a while has
// its code optimised, and a median over 30 edits of a few ms is mostly
// warm-up.
const SIZES = [
  { lines: 100, errors: 2, runs: 60, edits: 300, bursts: 8, reopens: 9, cliRuns: 11 },
  { lines: 1000, errors: 5, runs: 40, edits: 100, bursts: 8, reopens: 9, cliRuns: 11 },
  { lines: 10000, errors: 20, runs: 15, edits: 20, bursts: 6, reopens: 5, cliRuns: 7 },
  { lines: 50000, errors: 50, runs: 5, edits: 10, bursts: 4, reopens: 3, cliRuns: 3 },
];
const BATCH = { files: 1000, lines: 100, errorEvery: 10, runs: 5, siteRuns: 3 };

const started = performance.now();
const loadAtStart = os.loadavg()[0];
const args = process.argv.slice(2);
const only = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1].split(',').map(Number) : undefined;
const node = process.execPath;
const server = path.join(ROOT, 'dist/server.js');
const cli = path.join(ROOT, 'dist/cli.js');
for (const file of [server, cli, path.join(ROOT, 'dist/generated/tde-validator.js')]) {
  if (!existsSync(file)) {
    console.error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first (\`npm run bench\` does).`);
    process.exit(2);
  }
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'tde-bench-'));
const log = (message) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${message}\n`);

try {
  const bundles = await buildBundles(dir);
  const sizes = SIZES.filter((size) => !only || only.includes(size.lines)).map((size) => {
    const text = generateProject(size.lines, size.errors);
    const file = path.join(dir, `project-${size.lines}.tde.yaml`);
    writeFileSync(file, text);
    return { ...size, text, file, actualLines: text.split('\n').length - 1 };
  });
  const batchDir = path.join(dir, 'batch');
  mkdirSync(batchDir);
  const batchFiles = [];
  for (let i = 0; i < BATCH.files; i++) {
    const file = path.join(batchDir, `project-${String(i).padStart(4, '0')}.tde.yaml`);
    writeFileSync(file, generateProject(BATCH.lines, i % BATCH.errorEvery === 0 ? 1 : 0));
    batchFiles.push(file);
  }
  const batchErrors = Math.ceil(BATCH.files / BATCH.errorEvery);

  const countLines = (what, result, expected) => {
    if (result.lines !== expected) throw new Error(`${what} printed ${result.lines} problems, expected ${expected}\n${result.stderr}`);
    return result;
  };
  const results = [];
  /** Sizes that could not be measured, and why (the run goes on with the others). */
  const unmeasured = [];
  for (const size of sizes) {
    try {
      results.push(await measureSize(size));
    } catch (error) {
      log(`${size.actualLines} lines: not measured: ${error.message.split('\n')[0]}`);
      unmeasured.push({ lines: size.actualLines, why: error.message.split('\n')[0] });
    }
  }

  async function measureSize(size) {
    const { text, file, errors } = size;
    log(`${size.actualLines} lines: in-process`);
    const inProcess = measureInProcess(bundles.engine, floorCheck, text, errors, size.runs);
    log(`${size.actualLines} lines: language servers`);
    const floor = () => {
      const start = performance.now();
      floorCheck(text);
      return performance.now() - start;
    };
    const common = { file, text, expected: errors, edits: size.edits, bursts: size.bursts, reopens: size.reopens, floor, problems: (p) => p.diagnostics.length };
    // Started as the extension starts it (client/src/languageClient.ts).
    const ours = await measureServer({ ...common, command: node, args: [...bundles.engine.SERVER_EXEC_ARGV, server, '--stdio'] }).catch((error) => {
      throw new Error(`our language server: ${error.message}`);
    });
    const floorServer = await measureServer({ ...common, command: node, args: [bundles.floorServer, '--stdio'] }).catch((error) => {
      throw new Error(`the floor server: ${error.message}`);
    });
    log(`${size.actualLines} lines: command line`);
    const cliRuns = measureCommands(
      { ours: [node, [cli, 'check', '--format', 'compact', '--no-color', file]], floor: [node, [bundles.floorCli, file]] },
      size.cliRuns,
    );
    return {
      size,
      inProcess,
      server: ours,
      floorServer,
      cli: countLines('tde check', cliRuns.ours, errors),
      floorCli: countLines('the floor CLI', cliRuns.floor, errors),
    };
  }

  const tenK = sizes.find((s) => s.lines === 10000);
  // Where a process's memory peaks depends on when its collector runs: the median of five.
  const floorRss = tenK
    ? Array.from({ length: 5 }, () => {
        const { stderr } = measureCommands({ floor: [node, [bundles.floorCli, tenK.file]] }, 1, { BENCH_PEAK_RSS: '1' }).floor;
        return Number(/VmHWM (\d+)/.exec(stderr)?.[1]) / 1024;
      })
    : [NaN];
  const floorRssMb = stats(floorRss).median;

  log(`batch of ${BATCH.files} files`);
  const batchRuns = measureCommands(
    { ours: [node, [cli, 'check', '--format', 'compact', '--no-color', batchDir]], floor: [node, [bundles.floorCli, ...batchFiles]] },
    BATCH.runs,
  );
  const batch = {
    files: BATCH.files,
    lines: BATCH.lines,
    errors: batchErrors,
    ours: countLines('tde check (batch)', batchRuns.ours, batchErrors),
    floor: countLines('the floor CLI (batch)', batchRuns.floor, batchErrors),
    onePass: batchPass(bundles.engineBundle, batchFiles, batchErrors, BATCH.runs),
  };

  log(`the site of the batch, both languages`);
  batch.site = measureSite(cli, batchDir, dir, BATCH.siteRuns);
  for (const [language, pages] of Object.entries(batch.site.pages)) {
    if (pages !== BATCH.files) throw new Error(`tde site built ${pages} ${language} project pages of ${BATCH.files} files`);
  }

  const vsixFile = path.join(ROOT, 'tde.vsix');
  const vsix = existsSync(vsixFile)
    ? { file: 'tde.vsix', bytes: statSync(vsixFile).size, built: statSync(vsixFile).mtime.toISOString().slice(0, 16).replace('T', ' ') }
    : undefined;

  const seconds = (performance.now() - started) / 1000;
  const load = [loadAtStart, os.loadavg()[0]];
  const figures = { sizes: results.map(({ size: { text, ...s } }) => s), results, unmeasured, batch, floorRssMb, vsix, seconds, load, serverExecArgv: bundles.engine.SERVER_EXEC_ARGV };
  console.log(report(figures));
  const json = args.indexOf('--json');
  if (json >= 0 && args[json + 1]) writeFileSync(args[json + 1], JSON.stringify(figures, null, 2));
} finally {
  if (args.includes('--keep')) log(`corpus kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
