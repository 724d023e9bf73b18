// One parse and one check per document version, shared by every feature:
// diagnostics, code actions (which look fixes up here rather than
// recomputing them), completion, hover, symbols and the preview.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel, checkDocument, parseTde, type CheckResult, type RuleSeverities, type TdeDocument, type TdeModel } from '../engine';
import type { Configuration } from './configuration';
import { scanStructure, type Structure } from './yamlOutline';
import { fsPathOf, nodeFileHost, type Session } from './session';

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
  result: CheckResult;
  parsed: Parsed;
}

let nextResultId = 1;

export function parseText(uri: string, version: number, text: string): Parsed {
  const document = parseTde(text);
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
  /** The last version of each document whose YAML parsed cleanly: completion's source of use cases and names while a line is half typed. */
  private readonly lastClean = new Map<string, Parsed>();
  private readonly checks = new Map<string, Checked>();
  private readonly pending = new Map<string, Promise<Checked>>();
  /** A version the engine could not parse (an engine bug): fail fast instead of parsing again for every request. */
  private readonly failures = new Map<string, { version: number; error: unknown }>();

  constructor(
    private readonly session: Session,
    private readonly configuration: Configuration,
  ) {}

  parsed(document: TextDocument): Parsed {
    const cached = this.parses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const failure = this.failures.get(document.uri);
    if (failure && failure.version === document.version) throw failure.error;
    let parsed: Parsed;
    try {
      parsed = parseText(document.uri, document.version, document.getText());
    } catch (error) {
      this.failures.set(document.uri, { version: document.version, error });
      this.session.error(`the engine could not parse ${document.uri} (version ${document.version})`, error);
      throw error;
    }
    this.parses.set(document.uri, parsed);
    if (parsed.clean) this.lastClean.set(document.uri, parsed);
    return parsed;
  }

  /** The current model if the file parses, else the last one that did. */
  bestModel(document: TextDocument): TdeModel | undefined {
    const parsed = this.parsed(document);
    if (parsed.clean) return parsed.model;
    return this.lastClean.get(document.uri)?.model ?? parsed.model;
  }

  /** The check of the document's current version under the configuration in force (cached). */
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
    const parsed = cache ? this.parsed(document) : parseText(document.uri, document.version, document.getText());
    const generation = this.configuration.generation;
    const configured = await this.configuration.severitiesFor(document.uri);
    const severities = configured ?? {};
    const fileName = fsPathOf(document.uri);
    const result = checkDocument(parsed.document, {
      fileName,
      host: fileName ? nodeFileHost : undefined,
      severities,
      onRuleError: (rule, error) => this.session.error(`rule ${rule} failed on ${document.uri}`, error),
    });
    // Validation off: the file is still parsed and modelled (completion, the pitch) but has no problems.
    if (!configured) result.problems = [];
    const checked: Checked = {
      uri: document.uri,
      version: parsed.version,
      generation,
      resultId: String(nextResultId++),
      severities,
      enabled: configured !== undefined,
      result,
      parsed,
    };
    if (!cache) return checked;
    const current = this.checks.get(document.uri);
    // Never let an older computation replace a newer one.
    if (!current || current.version < checked.version || (current.version === checked.version && current.generation <= generation)) {
      this.checks.set(document.uri, checked);
    }
    return checked;
  }

  /** Drop the check of these documents (a file they refer to appeared or vanished). */
  invalidate(uri: string): void {
    this.checks.delete(uri);
  }

  forget(uri: string): void {
    this.failures.delete(uri);
    this.parses.delete(uri);
    this.lastClean.delete(uri);
    this.checks.delete(uri);
  }
}
