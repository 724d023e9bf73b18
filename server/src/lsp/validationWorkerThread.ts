// The worker thread that checks documents for the language server
// (bundled as dist/validationWorker.js; validationWorker.ts starts it). It
// keeps each open document's incremental checker, runs one job at a time and
// answers with plain problems. A job whose document has a newer version
// waiting is abandoned once its text is parsed (the parse is kept: the newer
// version is grafted onto it).
import { parentPort, workerData } from 'node:worker_threads';
import { applyTextChange, type TextChange } from '../engine/incremental';
import { DocumentCheckers } from './documentCheckers';
import { createWorkspaceFiles } from './workspaceFiles';
import { describe, runJob, type CheckJob, type CheckOutcome } from './validationWorkerInProcess';

/**
 * A check of an open document whose previous text the thread has carries the
 * client's change from that text instead of the whole text (`job.text` is
 * then empty, `length` is the length of the text it makes): an edit costs
 * the size of the edit to send, not the size of the file.
 */
export type ToWorker = { type: 'check'; id: number; job: CheckJob; change?: TextChange; length?: number } | { type: 'forget'; uri: string };
export type FromWorker =
  | { type: 'outcome'; id: number; outcome: CheckOutcome }
  | { type: 'log'; message: string };

/** Shared with the server: slot 0 holds the id of a job that has become stale. */
const stale = new Int32Array(workerData.stale as SharedArrayBuffer);
const checkers = new DocumentCheckers();
/** The last text of each open document sent here, the base of the next change. */
const texts = new Map<string, string>();
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
/** The disk as the server reads it; why a file was not read goes to the server's log. */
const files = createWorkspaceFiles({ warn: (message) => post({ type: 'log', message }) });

port.on('message', (message: ToWorker) => {
  if (message.type === 'forget') {
    checkers.close(message.uri);
    texts.delete(message.uri);
    return;
  }
  const { id, change, length } = message;
  let { job } = message;
  try {
    if (change) {
      const base = texts.get(job.uri);
      if (base === undefined) throw new Error(`a change to ${job.uri} arrived without its text`);
      const text = applyTextChange(base, change);
      if (text.length !== length) throw new Error(`a change to ${job.uri} made a text of ${text.length} characters, not ${length}`);
      job = { ...job, text, known: { ...change, before: base } };
    }
    if (!job.detached) texts.set(job.uri, job.text);
    const outcome = runJob(checkers, job, files.host, (text) => post({ type: 'log', message: text }), () => Atomics.load(stale, 0) === id);
    post({ type: 'outcome', id, outcome });
  } catch (error) {
    post({ type: 'outcome', id, outcome: { kind: 'failed', error: describe(error) } });
  }
});
