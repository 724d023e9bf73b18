// What runs a document's checks for the language server, and the in-process
// way of doing it: the web build's (its server already is a Worker), and
// Node's fallback when the worker bundle is missing. Each document keeps an
// incremental checker, so an edit re-parses only what it touched. The newest
// version of a document always wins: a job not started yet when a newer one
// for its document arrives is dropped, not run.
import type { Directive, FileHost, Problem, RuleSeverities, Suppression, TdeDocument } from '../engine';
import { message, type Language } from '../shared/l10n';
import type { KnownChange, TextChange } from '../engine/incremental';
import { IncrementalChecker } from '../engine/incrementalCheck';
import { DocumentCheckers } from './documentCheckers';
import { soon } from './afterPendingMessages';

export interface CheckJob {
  uri: string;
  version: number;
  text: string;
  fileName?: string;
  /** The folder `previous` stays in (the workspace folder or repository), as the session knows it: the checking thread does not. */
  treeRoot?: string;
  severities: RuleSeverities;
  /** The language of the messages. */
  language?: Language;
  /** A file that is not open: checked once, nothing kept. */
  detached?: boolean;
  /** Where the checking thread rebuilt `text` from a change: that change, so the parser need not find it again (never sent). */
  known?: KnownChange;
}

export type CheckOutcome =
  | { kind: 'checked'; problems: Problem[]; suppressions: Suppression[]; directives: Directive[] }
  /** Over the time or memory budget: `message` says so, for a diagnostic. */
  | { kind: 'stopped'; message: string }
  /** A newer version of the document came first. */
  | { kind: 'cancelled' }
  /** The engine threw (a bug): logged where it happened. */
  | { kind: 'failed'; error: string };

export interface RunnerHooks {
  host: FileHost;
  log(message: string): void;
  /** The client's changes to open documents: what a thread is sent instead of a whole text. */
  changes?: { between(uri: string, from: number, to: number, text: string): TextChange | undefined };
}

export interface RunnerOptions extends RunnerHooks {
  /** Budget of one check; over it the check stops with a diagnostic that says so (only a worker can be stopped). */
  timeLimitMs: number;
  memoryLimitMb: number;
}

export interface ValidationRunner {
  run(job: CheckJob): Promise<CheckOutcome>;
  /** The parse of an open document's text by the checker that checks it on this thread; undefined when it is checked elsewhere. */
  parse?(uri: string, version: number, text: string): TdeDocument | undefined;
  /** The document closed: drop what is kept for it. */
  forget(uri: string): void;
  dispose(): void;
}

/** The limits from the environment (tests lower them), else 5 s and 1 GB. */
export function budgetFromEnvironment(env: Record<string, string | undefined>): Pick<RunnerOptions, 'timeLimitMs' | 'memoryLimitMb'> {
  const number = (value: string | undefined, fallback: number) => {
    const parsed = Number(value);
    return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
  };
  return { timeLimitMs: number(env.TDE_CHECK_TIME_LIMIT_MS, 5000), memoryLimitMb: number(env.TDE_CHECK_MEMORY_LIMIT_MB, 1024) };
}

export function stoppedMessage(reason: 'time' | 'memory', options: Pick<RunnerOptions, 'timeLimitMs' | 'memoryLimitMb'>, language: Language = 'en'): string {
  const over = reason === 'time'
    ? message(language, 'check.stopped.time', { time: formatMs(options.timeLimitMs) })
    : message(language, 'check.stopped.memory', { megabytes: options.memoryLimitMb });
  return message(language, 'check.stopped', { over });
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

/** Run one job with a document's checker; shared by the worker thread and the in-process runner. */
export function runJob(checkers: DocumentCheckers, job: CheckJob, host: FileHost | undefined, log: (message: string) => void, isStale?: () => boolean): CheckOutcome {
  const checker = job.detached ? new IncrementalChecker() : checkers.of(job.uri);
  try {
    const result = checker.check(
      job.text,
      {
        fileName: job.fileName,
        host: job.fileName && host ? (job.treeRoot === undefined ? host : { ...host, treeRoot: () => job.treeRoot! }) : undefined,
        severities: job.severities,
        language: job.language,
        onRuleError: (rule, error) => log(`rule ${rule} failed on ${job.uri}: ${describe(error)}`),
      },
      isStale,
      job.known,
    );
    if (!result) return { kind: 'cancelled' };
    return { kind: 'checked', problems: result.problems, suppressions: result.suppressions, directives: result.directives };
  } catch (error) {
    // Parse again from scratch next time rather than graft onto whatever the failure left.
    checkers.drop(job.uri);
    return { kind: 'failed', error: describe(error) };
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}

/** Checks on the server's own thread, one at a time, newest version first. */
export class InProcessRunner implements ValidationRunner {
  private readonly checkers = new DocumentCheckers();
  /** The version each open document's checker last parsed: the client's change from it goes with the next job. */
  private readonly parsed = new Map<string, number>();
  private readonly waiting = new Map<string, { job: CheckJob; resolve: (outcome: CheckOutcome) => void }>();
  private scheduled = false;
  private nextDetached = 1;

  constructor(private readonly options: RunnerHooks) {}

  run(job: CheckJob): Promise<CheckOutcome> {
    return new Promise((resolve) => {
      // A file that is not open is checked for one request: nothing newer can replace it.
      const key = job.detached ? `${job.uri}#detached#${this.nextDetached++}` : job.uri;
      this.waiting.get(key)?.resolve({ kind: 'cancelled' });
      this.waiting.delete(key);
      this.waiting.set(key, { job, resolve });
      this.schedule();
    });
  }

  forget(uri: string): void {
    this.checkers.close(uri);
    this.parsed.delete(uri);
  }

  dispose(): void {
    for (const { resolve } of this.waiting.values()) resolve({ kind: 'cancelled' });
    this.waiting.clear();
    this.checkers.clear();
    this.parsed.clear();
  }

  /** One parse per version: what the check of the same text then starts from. */
  parse(uri: string, version: number, text: string): TdeDocument {
    try {
      return this.checkers.of(uri).parse(text, this.changeTo(uri, version, text));
    } catch (error) {
      this.forgetParse(uri);
      throw error;
    }
  }

  /** The job with the client's own change since the text its document's checker last parsed, when the client's log has it. */
  private withChange(job: CheckJob): CheckJob {
    if (job.detached) return job;
    const known = this.changeTo(job.uri, job.version, job.text);
    return known ? { ...job, known } : job;
  }

  /** The client's change from the text the document's checker last parsed (its parser's own) to this one, which it is about to parse. */
  private changeTo(uri: string, version: number, text: string): KnownChange | undefined {
    const last = this.parsed.get(uri);
    this.parsed.set(uri, version);
    const before = this.checkers.of(uri).parser.current?.text;
    if (last === undefined || before === undefined) return undefined;
    const change = this.options.changes?.between(uri, last, version, text);
    return change && { ...change, before };
  }

  /** Start the document's parse from scratch (the engine failed on it). */
  private forgetParse(uri: string): void {
    this.checkers.drop(uri);
    this.parsed.delete(uri);
  }

  /** One job per turn of the event loop, so that newer versions arriving meanwhile replace older ones. */
  private schedule(): void {
    if (this.scheduled || this.waiting.size === 0) return;
    this.scheduled = true;
    soon(() => {
      this.scheduled = false;
      const [key, next] = this.waiting.entries().next().value!;
      this.waiting.delete(key);
      next.resolve(runJob(this.checkers, this.withChange(next.job), this.options.host, this.options.log));
      this.schedule();
    });
  }
}
