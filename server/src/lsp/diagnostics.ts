// Problems as LSP diagnostics. Pushed at once when a document checks cheaply,
// after a quiet period in proportion to its last check when that was dear (a
// burst of edits is then checked once), or pulled by clients that support
// the 3.17 model (then nothing is pushed to them, so nothing shows twice). A
// result is published only for the version it was computed for.
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import { ruleDocsUrl, type Problem, type Severity } from '../engine';
import { DocumentInfoChangedNotification, type DocumentInfoChanged } from '../shared/protocol';
import type { Analyses, Checked } from './analysis';
import { isTdeDocument, type Session } from './session';
import { soon } from './afterPendingMessages';
import { rangeAt } from './rangesAndEdits';

export const DIAGNOSTIC_SOURCE = 'tde';

/** A check at most this long (ms) starts at once after an edit: waiting to fold a burst would cost more than it saves. */
const CHEAP_CHECK_MS = 10;

/** What a diagnostic carries for code actions: where to find its problem in the cached check. */
export interface DiagnosticData {
  version: number;
  resultId: string;
  index: number;
  fixable: boolean;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

function toDiagnostics(checked: Checked, session: Session): Diagnostic[] {
  if (checked.stopped) {
    // The one thing known about a document whose check went over budget.
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, message: checked.stopped }];
  }
  const { lines } = checked;
  return checked.result.problems.map((problem, index) => toDiagnostic(problem, index, checked, session, lines));
}

function toDiagnostic(problem: Problem, index: number, checked: Checked, session: Session, lines: Checked['lines']): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeAt(lines, problem.offset, problem.length),
    severity: SEVERITY[problem.severity],
    code: problem.rule,
    codeDescription: { href: ruleDocsUrl(problem.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
  if (problem.related?.length && session.support.relatedInformation) {
    diagnostic.relatedInformation = problem.related.map(
      (related): DiagnosticRelatedInformation => ({
        location: { uri: checked.uri, range: rangeAt(lines, related.offset, related.length) },
        message: related.message,
      }),
    );
  }
  const data: DiagnosticData = { version: checked.version, resultId: checked.resultId, index, fixable: !!problem.fix };
  diagnostic.data = data;
  return diagnostic;
}

export class Diagnostics {
  /** A pending check per document: a timer, or with no delay an immediate (a 0 ms timer waits 1–2 ms). */
  private readonly timers = new Map<string, { cancel(): void }>();
  /** Check last published per document, so an older result never replaces a newer one (nor is one sent twice). */
  private readonly published = new Map<string, { version: number; generation: number; resultId: string }>();
  /** The longest wait after an edit (`validationDelay`). */
  private delay = 50;
  /** What the last check of each document took, from asking to answer (ms): the next one waits in proportion. */
  private readonly costs = new Map<string, number>();

  constructor(
    private readonly session: Session,
    private readonly analyses: Analyses,
    private readonly generation: () => number,
  ) {}

  setDelay(ms: number | undefined): void {
    if (typeof ms === 'number' && ms >= 0 && ms <= 5000) this.delay = ms;
  }

  get pushing(): boolean {
    return !this.session.support.pullDiagnostics;
  }

  register(): void {
    const { documents, connection } = this.session;
    documents.onDidChangeContent(({ document }) => {
      if (this.session.tdeDocument(document.uri)) this.schedule(document.uri);
    });
    documents.onDidClose(({ document }) => {
      this.timers.get(document.uri)?.cancel();
      this.timers.delete(document.uri);
      this.published.delete(document.uri);
      this.costs.delete(document.uri);
      this.analyses.forget(document.uri);
      if (this.pushing && isTdeDocument(document)) {
        void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      }
    });
    if (this.session.support.pullDiagnostics) {
      connection.languages.diagnostics.on(
        this.session.guard('textDocument/diagnostic', emptyReport(), (params: DocumentDiagnosticParams) => this.pull(params)),
      );
    }
  }

  /** Stop pending checks and the checking thread (on shutdown). */
  dispose(): void {
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
    this.analyses.dispose();
  }

  /** Check a document soon; further requests before then fold into one check. */
  schedule(uri: string): void {
    if (!this.pushing) return;
    this.timers.get(uri)?.cancel();
    const run = () => {
      this.timers.delete(uri);
      this.validate(uri).catch((error) => this.session.error(`checking ${uri} failed`, error));
    };
    const wait = this.waitBefore(uri);
    if (wait > 0) {
      const timer = setTimeout(run, wait);
      this.timers.set(uri, { cancel: () => clearTimeout(timer) });
    } else {
      // Still after the messages already read: a burst that arrived together is checked once.
      this.timers.set(uri, soon(run));
    }
  }

  /**
   * How long to wait for more edits before checking: nothing when the last check was cheap (a
   * newer version still stops a running check between rules), else about what it took, up to the
   * setting, so that a burst of edits to a large file is checked once instead of five times.
   */
  private waitBefore(uri: string): number {
    const cost = this.costs.get(uri);
    if (cost === undefined || cost < CHEAP_CHECK_MS) return 0;
    return Math.min(this.delay, Math.round(cost));
  }

  /** Recheck every open document (the configuration changed). */
  revalidateAll(): void {
    this.announce(this.session.openTdeDocuments().map((d) => d.uri));
    if (this.pushing) {
      for (const document of this.session.openTdeDocuments()) this.schedule(document.uri);
    } else {
      this.refreshPulled();
    }
  }

  /** Recheck some documents (a file they refer to changed). */
  revalidate(uris: string[]): void {
    if (uris.length === 0) return;
    for (const uri of uris) this.analyses.invalidate(uri);
    this.announce(uris);
    if (this.pushing) uris.forEach((uri) => this.schedule(uri));
    else this.refreshPulled();
  }

  /** Tell the client (its preview) that these documents' info changed without an edit. */
  private announce(uris: string[]): void {
    if (uris.length === 0) return;
    const params: DocumentInfoChanged = { uris };
    void this.session.connection.sendNotification(DocumentInfoChangedNotification, params);
  }

  private refreshPulled(): void {
    if (!this.session.support.diagnosticRefresh) return;
    this.session.connection.languages.diagnostics.refresh().catch((error) => this.session.error('workspace/diagnostic/refresh failed', error));
  }

  private async validate(uri: string): Promise<void> {
    const document = this.session.tdeDocument(uri);
    if (!document) return;
    const version = document.version;
    const started = performance.now();
    let checked: Checked;
    try {
      checked = await this.analyses.check(document);
      if (checked.version === version) this.costs.set(uri, performance.now() - started);
    } catch (error) {
      // Logged where it happened; clear what no longer applies rather than leave it standing.
      if (this.session.tdeDocument(uri)?.version === version) await this.session.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      throw error;
    }
    const current = this.session.tdeDocument(uri);
    // Stale: the document changed (or closed) or the configuration changed while checking; a newer check is queued.
    if (!current || current.version !== checked.version || checked.generation !== this.generation()) return;
    const last = this.published.get(uri);
    if (last && (last.version > checked.version || (last.version === checked.version && last.generation > checked.generation))) return;
    if (last?.resultId === checked.resultId) return;
    this.published.set(uri, { version: checked.version, generation: checked.generation, resultId: checked.resultId });
    await this.session.connection.sendDiagnostics({ uri, version: checked.version, diagnostics: toDiagnostics(checked, this.session) });
  }

  private async pull(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const document = this.session.tdeDocument(params.textDocument.uri);
    if (!document) return emptyReport();
    const checked = await this.analyses.check(document);
    if (params.previousResultId === checked.resultId) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: checked.resultId };
    }
    return { kind: DocumentDiagnosticReportKind.Full, resultId: checked.resultId, items: toDiagnostics(checked, this.session) };
  }
}

function emptyReport(): DocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Full, items: [] };
}
