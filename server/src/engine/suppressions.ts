// Inline control in YAML comments:
//   # tde-disable-next-line RULE[, RULE…] [-- reason]   the next line that is neither blank nor only a comment
//   # tde-disable RULE[, RULE…] [-- reason]             the rest of the file
// With no rule, every rule. Only real comments count: a `#` inside a string is text.
import type { TdeDocument } from './document';

export interface Directive {
  kind: 'next-line' | 'rest-of-file';
  /** Rule ids, or undefined for all rules. */
  rules?: string[];
  reason?: string;
  /** Offset and length of the comment. */
  offset: number;
  length: number;
  /** 0-based line the comment is on. */
  line: number;
  /** For next-line: the 0-based line it applies to (undefined when none follows). */
  targetLine?: number;
}

const DIRECTIVE = /#\s*tde-(disable-next-line|disable)(?=$|[\s,])([^\n\r]*)$/;

export function readDirectives(doc: TdeDocument): Directive[] {
  const { text, lines } = doc;
  if (!text.includes('tde-disable')) return [];
  const directives: Directive[] = [];
  // The line a next-line directive applies to, remembered: a run of directive
  // comments would otherwise search the same lines once for each (quadratic).
  // Lines are read in order, so `from` only grows: the last answer holds while
  // `from` has not passed it (the lines between were blank or comments).
  let lastFrom = -1;
  let lastFound: number | undefined;
  const nextContent = (from: number) => {
    const known = lastFrom >= 0 && from >= lastFrom && (lastFound === undefined || from <= lastFound);
    if (!known) lastFound = nextContentLine(doc, from);
    lastFrom = from;
    return lastFound;
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const match = DIRECTIVE.exec(content);
    if (!match) continue;
    const hashOffset = lines.lineStart(line) + match.index;
    // A comment starts the line or follows white space, and is not inside a string.
    if (match.index > 0 && !/\s/.test(content[match.index - 1]!)) continue;
    if (insideString(doc, hashOffset)) continue;
    const [body, reason] = splitReason(match[2]!);
    const ruleList = body.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    const directive: Directive = {
      kind: match[1] === 'disable' ? 'rest-of-file' : 'next-line',
      rules: ruleList.length ? ruleList : undefined,
      reason,
      offset: hashOffset,
      length: content.length - match.index,
      line,
    };
    if (directive.kind === 'next-line') directive.targetLine = nextContent(line + 1);
    directives.push(directive);
  }
  return directives;
}

function splitReason(body: string): [string, string | undefined] {
  const at = body.indexOf('--');
  if (at < 0) return [body, undefined];
  const reason = body.slice(at + 2).trim();
  // `…` is the blank a quick fix leaves for the reason: until it is filled, there is none.
  return [body.slice(0, at), reason && !/^(…|\.\.\.)$/.test(reason) ? reason : undefined];
}

function nextContentLine(doc: TdeDocument, from: number): number | undefined {
  for (let line = from; line < doc.lines.lineCount; line++) {
    const content = doc.lines.lineText(line).trim();
    if (content !== '' && !content.startsWith('#')) return line;
  }
  return undefined;
}

function insideString(doc: TdeDocument, offset: number): boolean {
  const ranges = doc.scalarRanges;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = ranges[mid]!;
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return true;
  }
  return false;
}

interface DirectiveIndex {
  /** Next-line directives by the line they apply to, in file order. */
  nextLine: Map<number, Directive[]>;
  /** The first rest-of-file directive naming no rule, and the first naming each rule. */
  restAll?: Directive;
  restByRule: Map<string, Directive>;
}

const indexes = new WeakMap<readonly Directive[], DirectiveIndex>();

function indexOf(directives: readonly Directive[]): DirectiveIndex {
  let index = indexes.get(directives);
  if (index) return index;
  index = { nextLine: new Map(), restByRule: new Map() };
  for (const d of directives) {
    if (d.kind === 'next-line') {
      if (d.targetLine === undefined) continue;
      const list = index.nextLine.get(d.targetLine);
      if (list) list.push(d);
      else index.nextLine.set(d.targetLine, [d]);
    } else if (!d.rules) {
      index.restAll ??= d;
    } else {
      for (const rule of d.rules) if (!index.restByRule.has(rule)) index.restByRule.set(rule, d);
    }
  }
  indexes.set(directives, index);
  return index;
}

/**
 * The directive that silences a problem of `rule` starting on `line`, if any:
 * the first in the file that applies. Looked up in an index built once per
 * list, as a file may hold many directives and many problems.
 */
export function silencing(directives: readonly Directive[], rule: string, line: number): Directive | undefined {
  const index = indexOf(directives);
  const candidates: Directive[] = [];
  const next = index.nextLine.get(line)?.find((d) => !d.rules || d.rules.includes(rule));
  if (next) candidates.push(next);
  for (const rest of [index.restAll, index.restByRule.get(rule)]) {
    // The first directive of a kind applies if any of that kind does: it has the smallest line.
    if (rest && line > rest.line) candidates.push(rest);
  }
  return candidates.sort((a, b) => a.offset - b.offset)[0];
}
