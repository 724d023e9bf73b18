// The worker thread that checks documents for the language server
// (bundled as dist/validationWorker.js; validationWorker.ts starts it). It
// keeps each open document's incremental checker, runs one job at a time and
// answers with plain problems. A job whose document has a newer version
// waiting is abandoned once its text is parsed (the parse is kept: the newer
// version is grafted onto it).
import { parentPort, workerData } from 'node:worker_threads';
import type { IncrementalChecker } from '../engine/incrementalCheck';
import { nodeFileHost } from './files';
import { describe, runJob, type CheckJob, type CheckOutcome } from './validationWorkerInProcess';

export type ToWorker = { type: 'check'; id: number; job: CheckJob } | { type: 'forget'; uri: string };
export type FromWorker =
  | { type: 'outcome'; id: number; outcome: CheckOutcome }
  | { type: 'log'; message: string };

/** Shared with the server: slot 0 holds the id of a job that has become stale. */
const stale = new Int32Array(workerData.stale as SharedArrayBuffer);
const checkers = new Map<string, IncrementalChecker>();
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'forget') {
    checkers.delete(message.uri);
    return;
  }
  const { id, job } = message;
  try {
    const outcome = runJob(checkers, job, nodeFileHost, (text) => post({ type: 'log', message: text }), () => Atomics.load(stale, 0) === id);
    post({ type: 'outcome', id, outcome });
  } catch (error) {
    post({ type: 'outcome', id, outcome: { kind: 'failed', error: describe(error) } });
  }
});
