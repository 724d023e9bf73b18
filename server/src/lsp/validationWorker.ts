// Checks of large documents run in a worker thread (dist/validationWorker.js)
// so that no document can stop the server: a check over its time budget is
// ended by terminating the thread, one over its memory budget ends when the
// thread runs out (`resourceLimits`); either way the document gets one
// diagnostic saying so and the next check starts a fresh thread. The newest
// version of a document wins: a waiting job is replaced by a newer one, and
// the running one is told (through shared memory) to stop once its text is
// parsed. A small document (SMALL_TEXT) is checked on the server's own
// thread: its check takes milliseconds, less than the hop to the thread and
// back, and it is ready before the thread has even started. The web build
// swaps in validationWorker.browser.ts (its server is already a Worker);
// without the worker bundle, every check runs in-process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TdeDocument } from '../engine';
import type { FromWorker, ToWorker } from './validationWorkerThread';
import {
  budgetFromEnvironment,
  InProcessRunner,
  stoppedMessage,
  type CheckJob,
  type CheckOutcome,
  type RunnerHooks,
  type RunnerOptions,
  type ValidationRunner,
} from './validationWorkerInProcess';

export type {  CheckOutcome, ValidationRunner } from './validationWorkerInProcess';

const WORKER_SCRIPT = 'validationWorker.js';

/**
 * Up to this many characters (some 1,700 lines of a TDE file; real projects
 * are a tenth of that) a document is checked on the server's own thread.
 * The engine bounds what a file can make it build (aliases, nesting,
 * suggestions), so a check this small takes milliseconds; the budgets are
 * for the documents that could take seconds.
 */
const SMALL_TEXT = 64 * 1024;

/** The budget comes from TDE_CHECK_TIME_LIMIT_MS and TDE_CHECK_MEMORY_LIMIT_MB (tests lower it), else 5 s and 1 GB. */
export function createValidationRunner(hooks: RunnerHooks, directory = __dirname): ValidationRunner {
  const options: RunnerOptions = { ...hooks, ...budgetFromEnvironment(process.env) };
  const script = path.join(directory, WORKER_SCRIPT);
  const here = new InProcessRunner(options);
  if (!fs.existsSync(script)) {
    options.log(`${WORKER_SCRIPT} not found next to the server: checking in-process, without time or memory limits`);
    return here;
  }
  return new RunnerBySize(here, new WorkerRunner(script, options));
}

/** Small documents here, large ones in the thread; a document that crosses SMALL_TEXT is checked afresh on the other side, which the first lets go of. */
class RunnerBySize implements ValidationRunner {
  /** Where each open document was last checked. */
  private readonly side = new Map<string, ValidationRunner>();

  constructor(
    private readonly small: ValidationRunner,
    private readonly large: ValidationRunner,
  ) {}

  run(job: CheckJob): Promise<CheckOutcome> {
    const runner = this.sideOf(job.text);
    if (!job.detached) this.moveTo(job.uri, runner);
    return runner.run(job);
  }

  /** A small document's parse is its checker's (the large ones' checker is in the other thread). */
  parse(uri: string, version: number, text: string): TdeDocument | undefined {
    const runner = this.sideOf(text);
    if (runner !== this.small) return undefined;
    this.moveTo(uri, runner);
    return runner.parse?.(uri, version, text);
  }

  private sideOf(text: string): ValidationRunner {
    return text.length <= SMALL_TEXT ? this.small : this.large;
  }

  private moveTo(uri: string, runner: ValidationRunner): void {
    const last = this.side.get(uri);
    if (last && last !== runner) last.forget(uri);
    this.side.set(uri, runner);
  }

  forget(uri: string): void {
    this.side.delete(uri);
    this.small.forget(uri);
    this.large.forget(uri);
  }

  dispose(): void {
    this.small.dispose();
    this.large.dispose();
  }
}

interface Running {
  id: number;
  key: string;
  job: CheckJob;
  resolve: (outcome: CheckOutcome) => void;
  /** The budget's timer, started once the thread runs (its start-up is not the check's time). */
  timer?: NodeJS.Timeout;
}

class WorkerRunner implements ValidationRunner {
  private worker: Worker | undefined;
  private online = false;
  /** Slot 0: the id of the running job once a newer version of its document waits. */
  private readonly stale = new Int32Array(new SharedArrayBuffer(4));
  private readonly waiting = new Map<string, { job: CheckJob; resolve: (outcome: CheckOutcome) => void }>();
  private running: Running | undefined;
  private nextId = 1;
  private nextDetached = 1;
  private disposed = false;
  /** Where threads cannot be started, checks run in-process (without a budget) rather than not at all. */
  private inProcess: InProcessRunner | undefined;
  /** The version of each open document the current thread last received: the next check sends only the change from it. */
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly script: string,
    private readonly options: RunnerOptions,
  ) {
    // Start the thread now, while the client is still initializing, rather than on the first open.
    setImmediate(() => {
      if (this.disposed) return;
      try {
        this.thread();
      } catch (error) {
        this.giveUpThreads(error);
      }
    });
  }

  private giveUpThreads(error: unknown): void {
    this.options.log(`cannot start the checking thread, checking in-process: ${error instanceof Error ? error.message : String(error)}`);
    this.inProcess ??= new InProcessRunner(this.options);
  }

  run(job: CheckJob): Promise<CheckOutcome> {
    if (this.inProcess) return this.inProcess.run(job);
    return new Promise((resolve) => {
      // A file that is not open is checked for one request: nothing newer can replace it.
      const key = job.detached ? `${job.uri}#detached#${this.nextDetached++}` : job.uri;
      this.waiting.get(key)?.resolve({ kind: 'cancelled' });
      this.waiting.delete(key);
      this.waiting.set(key, { job, resolve });
      if (this.running?.key === key) Atomics.store(this.stale, 0, this.running.id);
      this.next();
    });
  }

  forget(uri: string): void {
    this.sent.delete(uri);
    if (this.inProcess) this.inProcess.forget(uri);
    else this.send({ type: 'forget', uri });
  }

  dispose(): void {
    this.disposed = true;
    for (const { resolve } of this.waiting.values()) resolve({ kind: 'cancelled' });
    this.waiting.clear();
    this.finish({ kind: 'cancelled' });
    void this.worker?.terminate();
    this.worker = undefined;
    this.inProcess?.dispose();
  }

  private next(): void {
    if (this.running || this.waiting.size === 0 || this.disposed) return;
    const [key, { job, resolve }] = this.waiting.entries().next().value!;
    this.waiting.delete(key);
    const id = this.nextId++;
    this.running = { id, key, job, resolve };
    try {
      this.sendCheck(id, job);
    } catch (error) {
      this.running = undefined;
      this.giveUpThreads(error);
      void this.inProcess!.run(job).then(resolve);
      for (const [, waiting] of this.waiting) void this.inProcess!.run(waiting.job).then(waiting.resolve);
      this.waiting.clear();
      return;
    }
    if (this.online) this.startTimer();
  }

  private startTimer(): void {
    const running = this.running;
    if (running && !running.timer) running.timer = setTimeout(() => this.running === running && this.stop('time'), this.options.timeLimitMs);
  }

  private finish(outcome: CheckOutcome): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = undefined;
    running.resolve(outcome);
    this.next();
  }

  /** Over budget: end the thread (and everything it kept), say why, go on with a fresh one. */
  private stop(reason: 'time' | 'memory'): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    if (this.running) this.options.log(`stopped checking ${this.running.job.uri} (version ${this.running.job.version}): over the ${reason} budget`);
    this.finish({ kind: 'stopped', message: stoppedMessage(reason, this.options, this.running?.job.language) });
  }

  private sendCheck(id: number, job: CheckJob): void {
    // The thread first: a fresh one has none of the texts sent to the last.
    const thread = this.thread();
    const base = job.detached ? undefined : this.sent.get(job.uri);
    const change = base === undefined ? undefined : this.options.changes?.between(job.uri, base, job.version, job.text);
    const message: ToWorker = change ? { type: 'check', id, job: { ...job, text: '' }, change, length: job.text.length } : { type: 'check', id, job };
    if (!job.detached) this.sent.set(job.uri, job.version);
    thread.postMessage(message);
  }

  private send(message: ToWorker): void {
    if (message.type === 'forget' && !this.worker) return;
    this.thread().postMessage(message);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, {
      workerData: { stale: this.stale.buffer },
      // A small young generation: the thread's peak memory is mostly the young objects of one parse,
      // and `npm run bench` shows no slower checks with 4 MB than with V8's default.
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb, maxYoungGenerationSizeMb: 4 },
      // Never let the thread write to the server's stdout: that is the LSP channel.
      stdout: true,
      stderr: true,
    });
    worker.unref();
    this.sent.clear();
    this.online = false;
    worker.once('online', () => {
      if (worker !== this.worker) return;
      this.online = true;
      this.startTimer();
    });
    for (const stream of [worker.stdout, worker.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => this.options.log(`checking thread: ${chunk.trimEnd()}`));
    }
    worker.on('message', (message: FromWorker) => {
      if (worker !== this.worker) return;
      if (message.type === 'log') this.options.log(message.message);
      else if (message.type === 'outcome' && message.id === this.running?.id) this.finish(message.outcome);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return this.stop('memory');
      this.worker = undefined;
      this.options.log(`the checking thread failed: ${error.stack ?? error.message}`);
      this.finish({ kind: 'failed', error: error.message });
    });
    worker.on('exit', () => {
      if (worker !== this.worker) return;
      this.worker = undefined;
      this.finish({ kind: 'failed', error: 'the checking thread exited' });
    });
    this.worker = worker;
    return worker;
  }
}
