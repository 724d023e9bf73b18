// Problems about the inline `# tde-disable…` comments themselves, for review:
// a suppression that gives no reason, and one that silences nothing. They
// are not rules of the format (a file is not wrong for having them), so they
// are asked for by the CLI's flags rather than configured per rule.
import { isMap, isSeq, MAX_NODE_DEPTH, type Node, type TdeDocument } from '../document';
import type { CheckResult } from '../index';
import { DOCS_BASE_URL } from '../rule';
import { ruleIds } from '../rules';
import { message, type Language } from '../../shared/l10n';
import { quoted } from '../prose';
import { nearest } from '../suggest';
import type { Directive } from '../suppressions';
import type { NodePath, Problem, Severity } from '../problem';

const SUPPRESSION_WITHOUT_REASON = 'suppression-without-reason';
const UNUSED_DISABLE = 'unused-disable';

/** Where the two checks are documented (they are not rules, so not under docs/rules/). */
const REVIEW_DOCS = DOCS_BASE_URL.replace(/rules\/$/, 'review.md');

interface DirectiveCheckInfo {
  id: string;
  severity: Severity;
  description: string;
  docsUrl: string;
}

export const DIRECTIVE_CHECKS: readonly DirectiveCheckInfo[] = [
  {
    id: SUPPRESSION_WITHOUT_REASON,
    severity: 'error',
    description: message('en', 'check.directive.withoutReason.description'),
    docsUrl: `${REVIEW_DOCS}#suppressions-with-reasons`,
  },
  {
    id: UNUSED_DISABLE,
    severity: 'warning',
    description: message('en', 'check.directive.unused.description'),
    docsUrl: `${REVIEW_DOCS}#suppressions-with-reasons`,
  },
];

export function directiveCheckById(id: string): DirectiveCheckInfo | undefined {
  return DIRECTIVE_CHECKS.find((info) => info.id === id);
}

export interface DirectiveChecks {
  /** A `# tde-disable…` without ` -- reason` is an error. */
  requireReason?: boolean;
  /** A directive, or a rule it names, that silences nothing is a warning. */
  reportUnused?: boolean;
  /** The language of the messages (default English). */
  language?: Language;
}

/** The directive as written, for messages: `# tde-disable-next-line a, b`. */
function directiveText(directive: Directive): string {
  const name = directive.kind === 'next-line' ? 'tde-disable-next-line' : 'tde-disable';
  return `# ${name}${directive.rules ? ` ${directive.rules.join(', ')}` : ''}`;
}

export function directiveProblems(result: Pick<CheckResult, 'directives' | 'suppressions' | 'document' | 'model'>, checks: DirectiveChecks): Problem[] {
  const { directives, suppressions, document } = result;
  if (!directives.length || (!checks.requireReason && !checks.reportUnused)) return [];
  const paths = directivePaths(document, directives);
  const language = checks.language ?? 'en';
  const say = (key: string, values: Record<string, string | number>) => message(language, key, values);
  const problems: Problem[] = [];
  const at = (directive: Directive, rule: string, severity: Problem['severity'], message: string) =>
    problems.push({ rule, severity, message, offset: directive.offset, length: directive.length, path: paths.get(directive) ?? [] });

  for (const directive of directives) {
    if (checks.requireReason && !directive.reason) {
      at(directive, SUPPRESSION_WITHOUT_REASON, 'error',
        say('check.directive.withoutReason', { directive: quoted(directiveText(directive)), example: quoted(`${directiveText(directive)} -- ${say('check.directive.exampleReason', {})}`) }));
    }
  }
  // Until the file parses, only yaml-syntax runs: every directive would look unused.
  if (checks.reportUnused && result.model && document.syntaxIssues.length === 0) {
    for (const directive of directives) {
      const silenced = new Set(suppressions.filter((s) => s.commentOffset === directive.offset).map((s) => s.rule));
      if (!directive.rules) {
        if (silenced.size === 0) at(directive, UNUSED_DISABLE, 'warning', say(directive.kind === 'next-line' ? 'check.directive.unusedOnLine' : 'check.directive.unused', { directive: quoted(directiveText(directive)) }));
        continue;
      }
      const unused = directive.rules.filter((rule) => !silenced.has(rule));
      if (unused.length === 0) continue;
      const notes = unused.map((rule) => {
        if (ruleIds.includes(rule)) return quoted(rule);
        const suggestion = nearest(rule, ruleIds);
        return say(suggestion ? 'check.directive.notARuleDidYouMean' : 'check.directive.notARule', { rule: quoted(rule), suggestion: quoted(suggestion ?? '') });
      });
      const one = unused.length === 1;
      const text = unused.length === directive.rules.length
        ? say(`check.directive.${directive.kind === 'next-line' ? 'noneUsedOnLine' : 'noneUsed'}${one ? 'One' : 'Many'}`, { directive: quoted(directiveText(directive)), rules: notes.join(', ') })
        : say(one ? 'check.directive.someUnusedOne' : 'check.directive.someUnusedMany', { directive: quoted(directiveText(directive)), rules: notes.join(', ') });
      at(directive, UNUSED_DISABLE, 'warning', text);
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

/**
 * A directive's YAML path, so a baseline can recognise it after lines move:
 * for a next-line directive, the path of the first node on the line it
 * applies to; for the rest of the file, the root.
 */
function directivePaths(document: TdeDocument, directives: readonly Directive[]): Map<Directive, NodePath> {
  const paths = new Map<Directive, NodePath>();
  const wanted = directives.filter((d) => d.kind === 'next-line' && d.targetLine !== undefined);
  if (!wanted.length) return paths;
  const starts = nodeStarts(document);
  for (const directive of wanted) {
    const from = document.lines.lineStart(directive.targetLine!);
    const to = document.lines.lineEnd(directive.targetLine!);
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]!.offset < from) low = mid + 1;
      else high = mid;
    }
    // Of the nodes that start on the line, the deepest (then the first) names it
    // most precisely: the item of `- walk-the-blocks`, the key of `- name: Sam`.
    let best: (typeof starts)[number] | undefined;
    for (let i = low; i < starts.length && starts[i]!.offset <= to; i++) {
      if (!best || starts[i]!.depth > best.depth) best = starts[i];
    }
    if (best) paths.set(directive, document.pathOf(best.node) ?? []);
  }
  return paths;
}

function nodeStarts(document: TdeDocument): { offset: number; depth: number; node: Node }[] {
  const starts: { offset: number; depth: number; node: Node }[] = [];
  const visit = (node: Node | null | undefined, depth: number) => {
    if (!node || depth > MAX_NODE_DEPTH) return;
    if (node.range) starts.push({ offset: node.range[0], depth, node });
    if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key as Node | null, depth + 1);
        visit(pair.value as Node | null, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item as Node | null, depth + 1);
    }
  };
  visit(document.yaml.contents as Node | null, 0);
  return starts.sort((a, b) => a.offset - b.offset);
}
