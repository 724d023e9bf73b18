// The rule interface: a rule reads the parsed file through a RuleContext and
// reports problems on YAML nodes; the engine turns reports into Problems.
import type { Node } from './document';
import type { TdeModel } from './model';
import { message, type Language, type MessageValues } from '../shared/l10n';
import type { FileHost } from './fileHost';
import type { Fix, NodePath, RelatedLocation, Severity, Suggestion } from './problem';
import type { RuleSummary } from './ruleSummary';

export const DOCS_BASE_URL = 'https://github.com/tde-tools/tde/blob/main/docs/rules/';

/** The one place a rule's documentation address is built. */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** What a rule offers to change, in words for tables and `tde rules`: "fix", "suggestions", "fix and suggestions" or "". */
export function ruleOffers(rule: Pick<Rule, 'fixable' | 'suggests'>): string {
  return [rule.fixable ? 'fix' : '', rule.suggests ? 'suggestions' : ''].filter(Boolean).join(' and ');
}

export interface Report {
  /** The node the problem is about: a key scalar or a value. */
  node?: Node;
  /** Or an explicit span, with the path it belongs to. */
  span?: { offset: number; length: number; path?: NodePath };
  message: string;
  /** For rules with two defaults: which one applies here. */
  severity?: Severity;
  /** Overrides the node's own path (e.g. an unknown key's path). */
  path?: NodePath;
  fix?: Fix;
  suggestions?: Suggestion[];
  related?: RelatedLocation[];
}

export interface RuleContext {
  readonly model: TdeModel;
  /** The plain-data view of the file, as the JSON Schema sees it. */
  readonly data: unknown;
  /** Absolute path of the file, when it has one. */
  readonly fileName?: string;
  readonly host?: FileHost;
  /** The language of the messages. */
  readonly language: Language;
  /** A message of the catalogues (l10n/*.json) in the check's language. */
  say(key: string, values?: MessageValues): string;
  report(report: Report): void;
}

/**
 * When a rule runs. `syntax`: on every file, and alone while the YAML does not
 * parse (anything else would be noise). `content`: once the file parses as a
 * mapping of keys; this is every rule that does not say otherwise.
 */
export type RuleStage = 'syntax' | 'content';

export interface Rule {
  id: string;
  /** Absent: `content`. */
  stage?: RuleStage;
  /** The default severity; rules with two defaults report the other one explicitly. */
  defaultSeverity: Severity;
  /** Human wording of the default, where there are two ("error when done, warning when in-progress"). */
  defaultSeverityText?: string;
  /** Whether the rule offers fixes (applied in bulk: the result cannot mean something else). Absent: no. */
  fixable?: boolean;
  /** Whether the rule offers suggestions (chosen one at a time: "did you mean …"). */
  suggests?: boolean;
  /** Whether silencing it should say why: the "disable" quick fix leaves ` -- …` to fill in. */
  disableAsksReason?: boolean;
  check(context: RuleContext): void;
}

/** What a rule flags, in one line of `language`: `rule.<id>.description` in the catalogues. */
export function ruleDescription(ruleId: string, language: Language = 'en'): string {
  return message(language, `rule.${ruleId}.description`);
}

export function summarizeRule(rule: Rule, language: Language = 'en'): RuleSummary {
  return {
    id: rule.id,
    defaultSeverity: rule.defaultSeverity,
    ...(rule.defaultSeverityText ? { defaultSeverityText: rule.defaultSeverityText } : {}),
    description: ruleDescription(rule.id, language),
    fixable: !!rule.fixable,
    suggests: !!rule.suggests,
    docsUrl: ruleDocsUrl(rule.id),
  };
}
