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
    if (directive.kind === 'next-line') directive.targetLine = nextContentLine(doc, line + 1);
    directives.push(directive);
  }
  return directives;
}

function splitReason(body: string): [string, string | undefined] {
  const at = body.indexOf('--');
  if (at < 0) return [body, undefined];
  const reason = body.slice(at + 2).trim();
  return [body.slice(0, at), reason || undefined];
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

/** The directive that silences a problem of `rule` starting on `line`, if any. */
export function silencing(directives: readonly Directive[], rule: string, line: number): Directive | undefined {
  return directives.find((d) => {
    if (d.rules && !d.rules.includes(rule)) return false;
    return d.kind === 'next-line' ? d.targetLine === line : line > d.line;
  });
}
