// The engine's front door: text in, problems with offsets out.
import { CHECK_CELLS, withSuggestionBudget } from './suggest';
import { MAX_NESTING, parseTde, type Node, type TdeDocument } from './document';
import { buildModel, type TdeModel } from './model';
import { fixSteps, type FixedText } from './fixAll';
import { buildPitch, type Pitch } from './pitch';
import type { Language } from '../shared/l10n';
import { DataLimitError, toPlainData, type DataLimits } from './plainData';
import type { Report, Rule, RuleContext } from './rule';
import type { RuleSeverities } from './ruleSeverities';
import { ruleById, rules, rulesOfStage } from './rules';
import { readDirectives, silencing, type Directive } from './suppressions';
import { message } from '../shared/l10n';
import type { FileHost } from './fileHost';
import type { Problem, Severity, Suppression } from './problem';

export interface CheckOptions {
  /** Absolute path of the file (for `project.previous` and messages). */
  fileName?: string;
  host?: FileHost;
  /** Severity settings from configuration, already merged. */
  severities?: RuleSeverities;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The language of the messages (default English). The engine never guesses it from the environment. */
  language?: Language;
  /** Asked between rules: true once a newer version has made this check pointless (it then ends with StaleCheck). */
  isStale?: () => boolean;
}

/** Thrown out of a check whose `isStale` said so: nobody wants its result. */
export class StaleCheck extends Error {
  constructor() {
    super('a newer version came first');
  }
}

export interface CheckResult {
  /** Problems in force, in file order. */
  problems: Problem[];
  /** Problems silenced by inline comments, with the comment that did it. */
  suppressions: Suppression[];
  directives: Directive[];
  document: TdeDocument;
  /** The TDE view of the file; undefined when it does not parse as a mapping. */
  model?: TdeModel;
}

/** The bounds of a document's plain-data view (incremental checking keeps to the same). */
export function dataLimits(text: string): DataLimits {
  return { maxValues: Math.max(100_000, text.length), maxDepth: MAX_NESTING };
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const document = parseTde(text);
  return checkDocument(document, options);
}

/**
 * Check a parsed document. `prepared.data` is the document's plain-data view
 * when the caller already has it (incremental.ts keeps it up to date across
 * edits); it must equal what toPlainData gives for the document.
 */
export function checkDocument(document: TdeDocument, options: CheckOptions = {}, prepared?: { data: unknown }): CheckResult {
  return withSuggestionBudget(CHECK_CELLS, () => checkWithinBudget(document, options, prepared));
}

function checkWithinBudget(document: TdeDocument, options: CheckOptions, prepared: { data: unknown } | undefined): CheckResult {
  const severities = options.severities ?? {};
  const language = options.language ?? 'en';
  const say: RuleContext['say'] = (key, values) => message(language, key, values);
  const directives = readDirectives(document);
  const raw: Problem[] = [];
  const root = document.root;
  let model: TdeModel | undefined;

  const runRule = (rule: Rule, context: Omit<RuleContext, 'report' | 'language' | 'say'>) => {
    const setting = severities[rule.id];
    if (setting === 'off') return;
    const report = (r: Report) => raw.push(toProblem(document, rule.id, setting ?? r.severity ?? rule.defaultSeverity, r));
    try {
      rule.check({ ...context, language, say, report });
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  };

  if (document.syntaxIssues.length > 0) {
    // Until the YAML parses, anything else would be noise.
    const context = { model: buildModel(document, undefined), data: undefined, fileName: options.fileName, host: options.host };
    for (const rule of syntaxRules) runRule(rule, context);
  } else if (!root) {
    const contents = document.yaml.contents as Node | null;
    const text = say(contents ? 'check.file.notMapping' : 'check.file.empty');
    runRule({ ...ruleById('schema')!, check: ({ report }) => report({ span: { offset: contents?.range?.[0] ?? 0, length: contents?.range ? contents.range[1] - contents.range[0] : 0, path: [] }, message: text }) },
      { model: buildModel(document, undefined), data: undefined });
  } else {
    model = buildModel(document, root);
    let data: unknown = prepared?.data;
    if (!prepared) try {
      data = toPlainData(document.yaml.contents as Node | null, dataLimits(document.text));
    } catch (error) {
      if (!(error instanceof DataLimitError)) throw error;
      const range = error.node?.range;
      raw.push({
        rule: 'yaml-syntax',
        severity: 'error',
        message: say('check.file.unsafe', { reason: say(error.key, error.values) }),
        offset: range?.[0] ?? 0,
        length: range ? range[1] - range[0] : 0,
        path: [],
      });
    }
    if (raw.length === 0) {
      for (const rule of contentRules) {
        if (options.isStale?.()) throw new StaleCheck();
        runRule(rule, { model, data, fileName: options.fileName, host: options.host });
      }
    }
  }

  const problems: Problem[] = [];
  const suppressions: Suppression[] = [];
  for (const problem of raw) {
    const line = document.lines.positionAt(problem.offset).line;
    const directive = directives.length ? silencing(directives, problem.rule, line) : undefined;
    if (directive) suppressions.push({ rule: problem.rule, problem, commentOffset: directive.offset });
    else problems.push(problem);
  }
  problems.sort((a, b) => a.offset - b.offset || ruleOrder(a.rule) - ruleOrder(b.rule));
  return { problems, suppressions, directives, document, model };
}

const syntaxRules = rulesOfStage('syntax');
const contentRules = rulesOfStage('content');
/** Problems at one place come in the order of the rules list. */
const ruleRank = new Map(rules.map((rule, rank) => [rule.id, rank]));

function ruleOrder(id: string): number {
  return ruleRank.get(id) ?? -1;
}

function toProblem(document: TdeDocument, rule: string, severity: Severity, report: Report): Problem {
  let offset = 0;
  let length = 0;
  let path = report.path ?? report.span?.path ?? [];
  if (report.span) {
    offset = report.span.offset;
    length = report.span.length;
  } else if (report.node?.range) {
    const node: Node = report.node;
    offset = node.range![0];
    length = Math.max(0, node.range![1] - node.range![0]);
    // A block collection's range runs on to the next line: stop at its last character.
    while (length > 0 && /\s/.test(document.text[offset + length - 1]!)) length--;
    if (!report.path) path = document.pathOf(node) ?? [];
  }
  const problem: Problem = { rule, severity, message: report.message, offset, length, path };
  if (report.fix) problem.fix = report.fix;
  if (report.suggestions?.length) problem.suggestions = report.suggestions;
  if (report.related?.length) problem.related = report.related;
  return problem;
}

/** Every fix applied to a text, checked after each pass (`tde check --fix`); `result` is the check of the final text. */
export function fixAll(text: string, options: CheckOptions = {}): FixedText & { result: CheckResult } {
  let result = check(text, options);
  const steps = fixSteps(text, result.problems);
  for (let step = steps.next(); ; step = steps.next(result.problems)) {
    if (step.done) return { ...step.value, result };
    result = check(step.value, options);
  }
}

/** The pitch of a file's text, in `language` (our frame and labels; the team's words as written). */
export function pitchOf(text: string, language: Language = 'en'): Pitch {
  const document = parseTde(text);
  return buildPitch(document.root && document.syntaxIssues.length === 0 ? buildModel(document, document.root) : undefined, language);
}

export { parseTde, buildModel, buildPitch };
export { applyEdits, compatibleFixes } from './edits';
export { fixAllAsync, describeFixes } from './fixAll';
export { findConfigFile, loadConfigFor, parseConfig, mergeSeverities, CONFIG_FILE_NAMES,  type TdeConfig, type ConfigIssue } from './config';
export { LineIndex } from './lineIndex';
export { rules, ruleById, ruleIds } from './rules';
export { ruleDocsUrl, ruleOffers, summarizeRule, type Rule } from './rule';
export type { RuleSeverities, SeveritySetting } from './ruleSeverities';
export { pitchParagraphMarkdown, type Pitch, type PitchBlank } from './pitch';
export type { TdeDocument } from './document';
export type { TdeModel, Step, Collaborator,  UseCase } from './model';
export type { Directive } from './suppressions';
export * from './problem';
export * from './ruleSummary';
export type { FileHost } from './fileHost';
export * as vocabulary from './vocabulary';
export { decodeTdeBytes, firstInvalidUtf8, MAX_FILE_BYTES, oversizeMessage } from './bytes';
