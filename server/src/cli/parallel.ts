// `tde check` over many files on every core: worker threads
// (dist/checkWorker.js) take batches of files as they finish the previous
// one, and the reports are put back in the files' order, so the output is
// the same as checking.ts gives one file after another. Used for plain
// checks of enough files; fixes, `--since` and the other commands (which
// keep each file's parse) stay in checking.ts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TdeConfig } from '../engine';
import type { CheckOutcome, CheckSettings } from './checking';
import type { FileDone, FileJob, ToCheckWorker } from './checkWorker';
import { displayPath } from './files';
import type { CliIO } from './io';
import { summarize, type CheckReport, type FileReport } from './report';
import { VERSION } from './version';

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES = 64;
const BATCH = 16;

export function canCheckInParallel(files: readonly string[], settings: CheckSettings, io: CliIO, directory = __dirname): boolean {
  if (settings.fix || files.length < MIN_FILES || threadCount(files.length) < 2) return false;
  // Threads read the disk themselves: only for the real file system, with the bundle beside us.
  return io.fs.readFileSync === fs.readFileSync && fs.existsSync(path.join(directory, 'checkWorker.js'));
}

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
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= jobs.length) {
          void worker.terminate();
          return resolve();
        }
        const batch = jobs.slice(next, next + BATCH);
        next += batch.length;
        const message: ToCheckWorker = { jobs: batch, quiet: settings.quiet, directiveChecks: settings.directiveChecks };
        worker.postMessage(message);
      };
      worker.on('message', (results: FileDone[]) => {
        for (const result of results) done[result.index] = result;
        send();
      });
      worker.on('error', reject);
      // After resolve() this changes nothing; before it, the thread died with files left.
      worker.on('exit', () => reject(new Error('a checking thread exited early')));
      send();
    });
  const workers = Array.from({ length: threadCount(files.length) }, () => new Worker(path.join(directory, 'checkWorker.js')));
  await Promise.all(workers.map(run));
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
  return { report, files: [], diffs: [], fixesApplied: 0, filesFixed: 0, failing };
}
