// `tde check` over many files on every core: the main thread and worker
// threads (dist/checkWorker.js), one per other core, take batches of files
// from one queue, and the reports are put back in the files' order, so the
// output is the same as checkFilesSerially.ts gives one file after another. Used for
// plain checks of enough files; fixes, `--since` and the other commands
// (which keep each file's parse) stay in checkFilesSerially.ts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TdeConfig } from '../engine';
import type { CheckOutcome, CheckSettings } from './checkFilesSerially';
import { checkBatch, type FileDone, type FileJob, type ToCheckWorker } from './checkJob';
import { displayPath } from './findFiles';
import type { CliIO } from './world';
import { summarize, type CheckReport, type FileReport } from './report';
import { VERSION } from './version';

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES = 64;
const BATCH = 16;

export function canCheckInParallel(files: readonly string[], settings: CheckSettings, io: CliIO, directory = __dirname): boolean {
  if (settings.fix || files.length < MIN_FILES || threadCount(files.length) < 2) return false;
  // Threads read the disk themselves: only when the run reads the disk, with the bundle beside us.
  return io.fsIsDisk === true && fs.existsSync(path.join(directory, 'checkWorker.js'));
}

/** Threads to check on, the main thread included. */
function threadCount(files: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, Math.ceil(files / (BATCH * 2)), 8));
}

export async function checkFilesInParallel(
  files: readonly string[],
  configs: ReadonlyMap<string, TdeConfig>,
  settings: CheckSettings,
  io: CliIO,
  fail: (message: string) => void,
  directory = __dirname,
): Promise<CheckOutcome> {
  const jobs: FileJob[] = files.map((file, index) => ({ index, file, shown: displayPath(io.cwd, file), severities: configs.get(file)!.rules }));
  const done: FileDone[] = new Array(files.length);
  let next = 0;
  let failed = false;
  const take = (): ToCheckWorker | undefined => {
    if (failed || next >= jobs.length) return undefined;
    const batch = jobs.slice(next, next + BATCH);
    next += batch.length;
    return { jobs: batch, quiet: settings.quiet, directiveChecks: settings.directiveChecks, cwd: io.cwd };
  };
  const record = (results: FileDone[]) => {
    for (const result of results) done[result.index] = result;
  };
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      let finished = false;
      // Two batches in flight: a thread never waits while the main thread is busy with a batch of its own.
      const send = () => {
        for (let batch = inFlight < 2 ? take() : undefined; batch; batch = inFlight < 2 ? take() : undefined) {
          worker.postMessage(batch);
          inFlight++;
        }
        if (inFlight === 0) {
          finished = true;
          void worker.terminate();
          resolve();
        }
      };
      worker.on('message', (results: FileDone[]) => {
        record(results);
        inFlight--;
        send();
      });
      worker.on('error', (error) => {
        failed = true;
        reject(error);
      });
      worker.on('exit', () => {
        if (finished) return;
        // The thread died with files left: the caller checks them all again, one after another.
        failed = true;
        reject(new Error('a checking thread exited early'));
      });
      send();
    });
  // The main thread checks too, a batch per turn of the event loop, so that the threads' answers are taken in between.
  const here = async () => {
    for (let batch = take(); batch; batch = take()) {
      record(checkBatch(batch));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const workers = Array.from({ length: threadCount(files.length) - 1 }, () => new Worker(path.join(directory, 'checkWorker.js')));
  await Promise.all([...workers.map(run), here()]);
  if (done.some((d) => d === undefined)) throw new Error('a checking thread skipped files');

  const reports: FileReport[] = [];
  const failing = { errors: 0, warnings: 0 };
  for (const result of done) {
    for (const message of result.failures) fail(message);
    if (!result.read) continue;
    reports.push(result.report);
    failing.errors += result.errors;
    failing.warnings += result.warnings;
  }
  const report: CheckReport = { version: VERSION, cwd: io.cwd, files: reports, summary: summarize(reports), quiet: settings.quiet };
  return { report, files: [], diffs: [], fixesApplied: 0, filesFixed: 0, fixed: [], failing };
}
