// Characters YAML 1.2 allows nowhere in a file: C0 controls other than tab
// and the line breaks, DEL, C1 controls other than NEL, and the
// noncharacters U+FFFE and U+FFFF. The `yaml` package reads them silently,
// but other YAML tools refuse the whole file, and they are invisible in most
// views: text pasted from a terminal (escape sequences) or a word processor
// (form feeds, vertical tabs, mis-decoded quotes) brings them in.
import { isMap, isScalar, isSeq, parse, type Node } from 'yaml';
import type { LineIndex } from './lineIndex';
import type { Fix } from './problem';

/**
 * The bidirectional overrides, isolates and marks ("Trojan Source") that
 * make a terminal or a page show text in another order, as the body of a
 * regular expression's character class. Every output format shows them as
 * escapes.
 */
export const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/** A character as a `\u202e` escape. */
export function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Runs of such characters reported one by one; the rest are counted in one more problem. */
export const MAX_CONTROL_RUNS = 100;

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** The same class, as a user can paste it into an editor's regular-expression search. */
const FORBIDDEN_SEARCH = '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x84\\x86-\\x9F\\uFFFE\\uFFFF]';

function forbidden(code: number): boolean {
  if (code < 0x20) return code !== 9 && code !== 10 && code !== 13;
  if (code < 0x7f) return false;
  if (code <= 0x9f) return code !== 0x85;
  return code === 0xfffe || code === 0xffff;
}

export function hasControlCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** One run of consecutive forbidden characters, with what to say about it. */
interface ControlIssue {
  offset: number;
  length: number;
  message: string;
  fix?: Fix;
}

/**
 * The runs of forbidden characters in `text`, in one pass: the first
 * MAX_CONTROL_RUNS described (with a fix where deleting them is safe), then
 * one issue on the next run counting all that are left. `contents` is the
 * parsed tree of the same text, to tell quoted text from comments;
 * `parsedCleanly` says whether the parser reported no error (only then are
 * fixes offered: the tree is the file's).
 */
export function controlCharacterIssues(text: string, lines: LineIndex, contents: Node | null | undefined, parsedCleanly: boolean): ControlIssue[] {
  const first = text.search(FORBIDDEN);
  if (first < 0) return [];
  const runs: [number, number][] = [];
  let more = 0;
  let firstMore: [number, number] | undefined;
  for (let i = first; i < text.length; i++) {
    if (!forbidden(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && forbidden(text.charCodeAt(end))) end++;
    if (runs.length < MAX_CONTROL_RUNS) runs.push([i, end]);
    else {
      firstMore ??= [i, end];
      more++;
    }
    i = end;
  }
  const from = lines.lineStart(lines.positionAt(runs[0]![0]).line);
  const to = lines.lineEnd(lines.positionAt(runs[runs.length - 1]![1]).line);
  const places = new Places(text, lines, contents, from, to);
  const issues: ControlIssue[] = runs.map(([start, end]) => {
    const place = places.of(start, end);
    return {
      offset: start,
      length: end - start,
      message: describeRun(text, start, end, place.where),
      fix: parsedCleanly ? deletionFix(text, lines, start, end, place.scalar) : undefined,
    };
  });
  if (firstMore) {
    issues.push({
      offset: firstMore[0],
      length: firstMore[1] - firstMore[0],
      message: `…and ${more.toLocaleString('en')} more ${more === 1 ? 'place' : 'places'} with control characters from here on, not reported one by one; delete them all (a regular-expression search for "${FORBIDDEN_SEARCH}" finds them in most editors).`,
    });
  }
  return issues;
}

// ---- what the characters are -------------------------------------------

/** The names users meet most, and the double-quoted escape YAML has for each. */
const KNOWN: Record<number, [name: string, escape: string]> = {
  0x00: ['NUL', '\\0'],
  0x07: ['BELL', '\\a'],
  0x08: ['BACKSPACE', '\\b'],
  0x0b: ['LINE TABULATION', '\\v'],
  0x0c: ['FORM FEED', '\\f'],
  0x1a: ['SUBSTITUTE', '\\x1A'],
  0x1b: ['ESCAPE', '\\e'],
  0x7f: ['DELETE', '\\x7F'],
};

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');

function label(code: number): string {
  const name = KNOWN[code]?.[0];
  return name ? `U+${hex(code, 4)} ${name}` : `U+${hex(code, 4)}`;
}

function escapeOf(code: number): string {
  return KNOWN[code]?.[1] ?? (code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
}

type Where = 'double-quoted' | 'single-quoted' | 'text' | 'comment' | 'elsewhere';

/** The distinct characters of a run, up to four (a run may be megabytes long), and what to call them. */
function runKind(text: string, start: number, end: number): { codes: number[]; noun: string } {
  const codes: number[] = [];
  for (let i = start; i < end && codes.length < 4; i++) {
    const code = text.charCodeAt(i);
    if (!codes.includes(code)) codes.push(code);
  }
  const noncharacters = codes.filter((code) => code >= 0xfffe).length;
  return { codes, noun: noncharacters === codes.length ? 'noncharacter' : noncharacters === 0 ? 'control character' : 'character' };
}

function describeRun(text: string, start: number, end: number, where: Where): string {
  const { codes, noun } = runKind(text, start, end);
  const count = end - start;
  const one = count === 1;
  const names = codes.slice(0, 3).map(label).join(', ') + (codes.length > 3 ? ', …' : '');
  const subject = one
    ? `A ${noun} (${names}) is not allowed in YAML`
    : `${count.toLocaleString('en')} ${noun}s in a row (${names}) are not allowed in YAML`;
  const it = one ? 'it' : 'them';
  const escapes = codes.slice(0, 3).map((code) => `"${escapeOf(code)}"`);
  const asEscapes = codes.length === 1 ? `as ${escapes[0]}` : `as escapes such as ${escapes.join(', ')}`;
  switch (where) {
    case 'double-quoted':
      return `${subject}, not even in quotes: delete ${it}, or write ${it} ${asEscapes}.`;
    case 'single-quoted':
      return `${subject}, not even in quotes: delete ${it}, or put the text in double quotes and write ${it} ${asEscapes} (single quotes have no escapes).`;
    case 'comment':
      return `${subject}, not even in a comment: delete ${it}.`;
    case 'text':
      return `${subject}: delete ${it}, or write ${it} ${asEscapes} inside a double-quoted string.`;
    default:
      return `${subject}: delete ${it}.`;
  }
}

// ---- where they are ----------------------------------------------------

interface ScalarAt {
  start: number;
  end: number;
  node: Node;
  key: boolean;
}

/**
 * Which scalar or comment holds an offset, from the tree's scalars on the
 * lines `from…to` (collected once, only when a file has such characters).
 */
class Places {
  private readonly scalars: ScalarAt[] = [];
  /** The offset where the comment of a line starts (-1: none), by line. */
  private readonly comments = new Map<number, number>();

  constructor(private readonly text: string, private readonly lines: LineIndex, contents: Node | null | undefined, from: number, to: number) {
    const stack: [unknown, boolean][] = [];
    const visit = (node: unknown, key: boolean) => {
      const range = (node as Node | null)?.range;
      if (!range || (range[0] <= to && range[2] >= from)) stack.push([node, key]);
    };
    visit(contents, false);
    while (stack.length > 0) {
      const [node, key] = stack.pop()!;
      if (isScalar(node)) {
        if (node.range) this.scalars.push({ start: node.range[0], end: node.range[1], node, key });
      } else if (isMap(node)) {
        for (const pair of node.items) {
          visit(pair.key, true);
          visit(pair.value, key);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) visit(item, key);
      }
    }
    this.scalars.sort((a, b) => a.start - b.start);
  }

  /** The scalar whose text holds `offset`. */
  scalarAt(offset: number): ScalarAt | undefined {
    let low = 0;
    let high = this.scalars.length - 1;
    let found: ScalarAt | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.scalars[mid]!.start <= offset) {
        found = this.scalars[mid];
        low = mid + 1;
      } else high = mid - 1;
    }
    return found && offset < found.end ? found : undefined;
  }

  of(offset: number, end: number): { where: Where; scalar?: ScalarAt } {
    const scalar = this.scalarAt(offset);
    if (scalar) {
      const type = (scalar.node as { type?: string }).type;
      if (type === 'QUOTE_DOUBLE') return { where: 'double-quoted', scalar };
      if (type === 'QUOTE_SINGLE') return { where: 'single-quoted', scalar };
      // A run that is a whole value, or stands where the line's indentation ends, is not text to keep.
      let before = offset - 1;
      while (before >= 0 && (this.text[before] === ' ' || this.text[before] === '\t')) before--;
      const stray = scalar.start === offset && (scalar.end === end || before < 0 || this.text[before] === '\n' || this.text[before] === '\r');
      return { where: stray ? 'elsewhere' : 'text', scalar };
    }
    const comment = this.commentStart(this.lines.positionAt(offset).line);
    return { where: comment >= 0 && comment < offset ? 'comment' : 'elsewhere' };
  }

  /** A `#` at the start of the line or after a blank, outside any scalar, starts the line's comment. */
  private commentStart(line: number): number {
    let start = this.comments.get(line);
    if (start !== undefined) return start;
    start = -1;
    const from = this.lines.lineStart(line);
    const to = this.lines.lineEnd(line);
    for (let at = this.text.indexOf('#', from); at >= 0 && at < to; at = this.text.indexOf('#', at + 1)) {
      const before = this.text.charCodeAt(at - 1);
      if ((at === from || before === 0x20 || before === 0x09) && !this.scalarAt(at)) {
        start = at;
        break;
      }
    }
    this.comments.set(line, start);
    return start;
  }
}

// ---- the fix -----------------------------------------------------------

const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || Number.isNaN(code);

/**
 * Deleting the run, where that changes the value by the run alone: inside
 * unquoted text (a plain or block scalar, not a key), between two visible
 * characters, so that no `: `, ` #` or indicator can appear, and the text
 * stays text (`1<ESC>2` would become a number). A run of form feeds and
 * vertical tabs stood for a break between words: it becomes one space.
 * Quoted text is left to the user, who may mean the character.
 */
function deletionFix(text: string, lines: LineIndex, start: number, end: number, scalar: ScalarAt | undefined): Fix | undefined {
  if (!scalar || scalar.key || start <= scalar.start || end >= scalar.end) return undefined;
  const type = (scalar.node as { type?: string }).type;
  const block = type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED';
  if (type !== 'PLAIN' && !block) return undefined;
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if (isBlank(before) || isBlank(after)) return undefined;
  // In a block scalar, only in its content: not on the `|` or `>` line.
  if (block && lines.positionAt(start).line === lines.positionAt(scalar.start).line) return undefined;
  let wordBreak = true;
  for (let i = start; i < end && wordBreak; i++) {
    const code = text.charCodeAt(i);
    wordBreak = code === 0x0b || code === 0x0c;
  }
  const newText = wordBreak && (block || (before !== 0x3a && after !== 0x23)) ? ' ' : '';
  if (type === 'PLAIN' && newText === '' && lines.positionAt(scalar.start).line === lines.positionAt(scalar.end).line && !staysText(text, scalar, start, end)) return undefined;
  const count = end - start;
  const { noun } = runKind(text, start, end);
  const what = count === 1 ? `the ${noun}` : `the ${count.toLocaleString('en')} ${noun}s`;
  return { title: newText ? `Replace ${what} with a space` : `Delete ${what}`, edits: [{ offset: start, length: count, newText }] };
}

/** The characters numbers, booleans and null are written with in the core schema. */
const SCALAR_WORD = new Set([...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.+-~'].map((c) => c.charCodeAt(0)));

/**
 * Whether a one-line plain scalar without the run still reads as text. Numbers,
 * booleans and null are made only of these characters, so a scalar with any
 * other one left (found without copying it: it may be megabytes long) is text.
 */
function staysText(text: string, scalar: ScalarAt, start: number, end: number): boolean {
  const other = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!SCALAR_WORD.has(text.charCodeAt(i))) return true;
    return false;
  };
  if (other(scalar.start, start) || other(end, scalar.end)) return true;
  const rest = text.slice(scalar.start, start) + text.slice(end, scalar.end);
  return rest.length <= 1000 && typeof parse(rest, { version: '1.2', schema: 'core' }) === 'string';
}
