// One check per document version, shared by every feature: diagnostics, code
// actions (which look fixes up here rather than recomputing them) and the
// preview. Checks run off this thread (validationWorker.ts), incrementally,
// within a time and memory budget; the parse that completion, hover, symbols
// and the preview read is made here, on demand, also incrementally.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel, LineIndex, parseTde, type CheckResult, type RuleSeverities, type TdeDocument, type TdeModel } from '../engine';
import { IncrementalParser } from '../engine/incremental';
import type { Configuration } from './configuration';
import { scanStructure, type Structure } from './yamlOutline';
import type { Session } from './session';
import { createValidationRunner, type CheckOutcome, type ValidationRunner } from './validationWorker';

export interface Parsed {
  uri: string;
  version: number;
  document: TdeDocument;
  /** The TDE view, when the file is a mapping (even with syntax errors: the parser recovers). */
  model?: TdeModel;
  /** Whether the YAML parsed without errors. */
  clean: boolean;
  /** The indentation outline (for completion on half-typed lines). */
  structure(): Structure;
}

export interface Checked {
  uri: string;
  version: number;
  /** Configuration generation the check used. */
  generation: number;
  /** Unique per computation: the pull model's result id. */
  resultId: string;
  severities: RuleSeverities;
  /** False when `tde.validate.enable` is off for the document: it then has no problems. */
  enabled: boolean;
  result: Pick<CheckResult, 'problems' | 'suppressions' | 'directives'>;
  /** The lines of the text checked (for ranges: no parse needed). */
  lines: LineIndex;
  /** Set when the check went over its time or memory budget: the one thing to tell the user. */
  stopped?: string;
  /** The parse of the version checked, made on demand. */
  readonly parsed: Parsed;
}

let nextResultId = 1;

function parseText(uri: string, version: number, text: string, parse: (text: string) => TdeDocument = parseTde): Parsed {
  const document = parse(text);
  const model = document.root ? buildModel(document, document.root) : undefined;
  let structure: Structure | undefined;
  return {
    uri,
    version,
    document,
    model,
    clean: document.syntaxIssues.length === 0 && !!document.root,
    structure: () => (structure ??= scanStructure(text)),
  };
}

export class Analyses {
  private readonly parses = new Map<string, Parsed>();
  private readonly parsers = new Map<string, IncrementalParser>();
  /** The last version of each document whose YAML parsed cleanly: completion's source of use cases and names while a line is half typed. */
  private readonly lastClean = new Map<string, Parsed>();
  private readonly checks = new Map<string, Checked>();
  private readonly pending = new Map<string, Promise<Checked>>();
  /** A version the engine could not parse (an engine bug): fail fast instead of parsing again for every request. */
  private readonly failures = new Map<string, { version: number; error: unknown }>();
  /** Documents whose last check went over budget, until one of their versions checks within it. */
  private readonly overBudget = new Set<string>();
  private readonly runner: ValidationRunner;

  constructor(
    private readonly session: Session,
    private readonly configuration: Configuration,
  ) {
    this.runner = createValidationRunner({ host: session.files.host, log: (message) => session.log(message), changes: session.changes });
  }

  parsed(document: TextDocument): Parsed {
    const cached = this.parses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const failure = this.failures.get(document.uri);
    if (failure && failure.version === document.version) throw failure.error;
    // Not on this thread, a document whose check went over budget: features see it as empty until a version checks.
    if (this.overBudget.has(document.uri)) return parseText(document.uri, document.version, '');
    const { uri, version } = document;
    // The checker's own parse where the document is checked on this thread: one parse per version.
    const parse = (text: string) => this.runner.parse?.(uri, version, text) ?? this.parserOf(uri).update(text).document;
    let parsed: Parsed;
    try {
      parsed = parseText(uri, version, document.getText(), parse);
    } catch (error) {
      this.parsers.delete(document.uri);
      this.failures.set(document.uri, { version: document.version, error });
      this.session.error(`the engine could not parse ${document.uri} (version ${document.version})`, error);
      throw error;
    }
    this.parses.set(document.uri, parsed);
    if (parsed.clean) this.lastClean.set(document.uri, parsed);
    return parsed;
  }

  /** A parser of its own, for a document checked in the other thread. */
  private parserOf(uri: string): IncrementalParser {
    let parser = this.parsers.get(uri);
    if (!parser) this.parsers.set(uri, (parser = new IncrementalParser()));
    return parser;
  }

  /** The current model if the file parses, else the last one that did. */
  bestModel(document: TextDocument): TdeModel | undefined {
    const parsed = this.parsed(document);
    if (parsed.clean) return parsed.model;
    return this.lastClean.get(document.uri)?.model ?? parsed.model;
  }

  /** The check of the document's current version under the configuration in force (cached); the newest version's if the document changes meanwhile. */
  async check(document: TextDocument): Promise<Checked> {
    const cached = this.cachedCheck(document);
    if (cached) return cached;
    const key = `${document.uri}@${document.version}#${this.configuration.generation}`;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.compute(document).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  /** The cached check of the current version, if it is up to date. */
  cachedCheck(document: TextDocument): Checked | undefined {
    const cached = this.checks.get(document.uri);
    return cached && cached.version === document.version && cached.generation === this.configuration.generation ? cached : undefined;
  }

  /** The last check computed for a URI, whatever its version. */
  lastCheck(uri: string): Checked | undefined {
    return this.checks.get(uri);
  }

  /** Check a document that is not open (a file read from disk), without caching it. */
  checkDetached(document: TextDocument): Promise<Checked> {
    return this.compute(document, false);
  }

  private async compute(document: TextDocument, cache = true): Promise<Checked> {
    // The document object is updated in place by later edits: take its text before waiting.
    const { uri, version } = document;
    const text = document.getText();
    const generation = this.configuration.generation;
    const fileName = this.session.files.pathOf(uri);
    const treeRoot = fileName === undefined ? undefined : this.session.files.host.treeRoot?.(fileName);
    const run = (severities: RuleSeverities) => this.runner.run({ uri, version, text, fileName, treeRoot, severities, language: this.session.language, detached: !cache });
    // While the client says which rules are on, the check starts with what it most likely says:
    // when it does, the check is under way or done by the time the answer comes.
    const likely = this.configuration.likelySeverities(uri);
    const early = likely && run(likely);
    const configured = await this.configuration.severitiesFor(uri);
    const severities = configured ?? {};
    // Validation off: the file is still parsed on demand (completion, the pitch) but has no problems.
    const running = !configured
      ? Promise.resolve<CheckOutcome>({ kind: 'checked', problems: [], suppressions: [], directives: [] })
      : early && sameSeverities(likely, configured)
        ? early
        : run(configured);
    // The lines for the diagnostics' ranges, counted while the checking thread works
    // (unless a newer version is already in: this check will most likely be dropped).
    let lines = document.version === version ? new LineIndex(text) : undefined;
    const outcome = await running;
    if (outcome.kind === 'cancelled') {
      // A newer version (or configuration) came first: its check answers instead.
      if (!cache || (document.version === version && this.configuration.generation === generation)) throw new Error(`the check of ${uri} was cancelled`);
      return this.check(document);
    }
    if (outcome.kind === 'failed') {
      const error = new Error(`the engine failed on ${uri} (version ${version}): ${outcome.error}`);
      this.session.error('checking failed', error);
      throw error;
    }
    lines ??= new LineIndex(text);
    if (cache) {
      if (outcome.kind === 'stopped') this.overBudget.add(uri);
      else this.overBudget.delete(uri);
    }
    const analyses = this;
    let parsed: Parsed | undefined;
    const checked: Checked = {
      uri,
      version,
      generation,
      resultId: String(nextResultId++),
      severities,
      enabled: configured !== undefined,
      result: outcome.kind === 'checked' ? outcome : { problems: [], suppressions: [], directives: [] },
      lines,
      stopped: outcome.kind === 'stopped' ? outcome.message : undefined,
      get parsed() {
        return (parsed ??= analyses.parsedVersion(uri, version, text, cache));
      },
    };
    if (!cache) return checked;
    const current = this.checks.get(uri);
    // Never let an older computation replace a newer one.
    if (!current || current.version < checked.version || (current.version === checked.version && current.generation <= generation)) {
      this.checks.set(uri, checked);
    }
    return checked;
  }

  /** The parse of one version of a document: the current one's, else a parse of its own. */
  private parsedVersion(uri: string, version: number, text: string, open: boolean): Parsed {
    const document = open ? this.session.tdeDocument(uri) : undefined;
    if (document && document.version === version) return this.parsed(document);
    return parseText(uri, version, this.overBudget.has(uri) ? '' : text);
  }

  /** Drop the check of these documents (a file they refer to appeared or vanished). */
  invalidate(uri: string): void {
    this.checks.delete(uri);
  }

  forget(uri: string): void {
    this.failures.delete(uri);
    this.parses.delete(uri);
    this.parsers.delete(uri);
    this.lastClean.delete(uri);
    this.checks.delete(uri);
    this.overBudget.delete(uri);
    this.runner.forget(uri);
  }

  dispose(): void {
    this.runner.dispose();
  }
}

function sameSeverities(a: RuleSeverities, b: RuleSeverities): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
