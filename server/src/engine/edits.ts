// Minimal text edits for fixes: replace one scalar's text, or insert one key
// into a block mapping. Everything else in the file stays byte for byte,
// and inserted lines use the file's own line break.
import { message, type Language } from '../shared/l10n';
import { isMap, isScalar, type Node, type Pair, type TdeDocument, type YAMLMap } from './document';
import { quoted } from './prose';
import { Scalar } from 'yaml';
import type { Correction } from './suggest';
import type { Fix, Suggestion, TextEdit } from './problem';
import { isPlainYamlText, yamlValue } from './yamlValue';

/**
 * Replace a scalar's value, keeping its quoting style; undefined when unsafe:
 * the new value must read back as the same text written plain (so a fix never
 * turns a text into a number, a boolean or null) and, for a quoted scalar,
 * between its quotes as they are.
 */
export function replaceScalarEdit(node: Node, newValue: string): TextEdit | undefined {
  if (!isScalar(node) || !node.range || !isPlainYamlText(newValue) || /["'\\]/.test(newValue)) return undefined;
  const [start, end] = node.range;
  switch (node.type) {
    case Scalar.PLAIN:
      return { offset: start, length: end - start, newText: newValue };
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      return { offset: start + 1, length: end - start - 2, newText: newValue };
    default:
      return undefined;
  }
}

/** Replace a scalar's value with any one-line text: in its own quoting where that is safe, else as yamlValue writes it. */
export function replaceScalarText(node: Node, newValue: string): TextEdit | undefined {
  if (!isScalar(node) || !node.range || /[\n\r]/.test(newValue)) return undefined;
  const plain = replaceScalarEdit(node, newValue);
  if (plain) return plain;
  if (node.type !== Scalar.PLAIN && node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.QUOTE_SINGLE) return undefined;
  const [start, end] = node.range;
  return { offset: start, length: end - start, newText: yamlValue(newValue) };
}

export function replaceScalarFix(node: Node, newValue: string, title: string): Fix | undefined {
  const edit = replaceScalarEdit(node, newValue);
  return edit ? { title, edits: [edit] } : undefined;
}

/** A scalar's correction as a fix (when it is certain) or as suggestions, one per candidate. */
export function correctScalar(node: Node, correction: Correction, language: Language = 'en'): { fix?: Fix; suggestions?: Suggestion[] } {
  if (correction.certain !== undefined) return { fix: replaceScalarFix(node, correction.certain, changeTo(correction.certain, language)) };
  return { suggestions: suggestValues(node, correction.possible, language) };
}

/** The title of a change to `value`: 'Change to "value"'. */
export function changeTo(value: string, language: Language = 'en'): string {
  return message(language, 'check.changeTo', { value: quoted(value) });
}

/** Suggestions to replace a scalar by each of `values` (those that can be written safely). */
export function suggestValues(node: Node, values: readonly string[], language: Language = 'en'): Suggestion[] | undefined {
  const suggestions = values.flatMap((value) => replaceScalarFix(node, value, changeTo(value, language)) ?? []);
  return suggestions.length ? suggestions : undefined;
}

/** Insert `key: value` into a block mapping, at the top when it can, else at the end. */
export function insertKeyEdit(doc: TdeDocument, map: YAMLMap, key: string, value: string): TextEdit | undefined {
  if (!isMap(map) || map.flow || map.items.length === 0) return undefined;
  const firstKey = map.items[0]!.key as Node | null;
  if (!firstKey?.range) return undefined;
  const keyStart = firstKey.range[0];
  const position = doc.lines.positionAt(keyStart);
  const lineStart = doc.lines.lineStart(position.line);
  const before = doc.text.slice(lineStart, keyStart);
  const indent = ' '.repeat(position.character);
  const eol = doc.lines.eol;
  if (/^ *$/.test(before)) {
    return { offset: lineStart, length: 0, newText: `${indent}${key}: ${value}${eol}` };
  }
  // The first key shares its line with a `- ` or a parent key: append after the last entry.
  const end = map.range?.[1];
  if (end === undefined) return undefined;
  const lastLine = doc.lines.positionAt(Math.max(keyStart, end - 1)).line;
  const lineEnd = doc.lines.lineEnd(lastLine);
  return { offset: lineEnd, length: 0, newText: `${eol}${indent}${key}: ${value}` };
}

export function insertKeyFix(doc: TdeDocument, map: YAMLMap, key: string, value: string, title: string): Fix | undefined {
  const edit = insertKeyEdit(doc, map, key, value);
  return edit ? { title, edits: [edit] } : undefined;
}

/**
 * Move a key with its value, its own comments and its line breaks into
 * another block mapping (after that mapping's last entry, at its
 * indentation): `team` written at the top level goes under `project`. Only
 * whole lines move; undefined when the pair shares a line with anything else.
 */
export function moveKeyFix(doc: TdeDocument, pair: Pair, into: YAMLMap, title: string): Fix | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range || into.flow || into.items.length === 0) return undefined;
  const { lines, text } = doc;
  const firstLine = lines.positionAt(key.range[0]).line;
  if (text.slice(lines.lineStart(firstLine), key.range[0]).trim() !== '') return undefined;
  let end = value?.range ? value.range[1] : key.range[1];
  while (end > key.range[0] && /\s/.test(text[end - 1]!)) end--;
  const lastLine = lines.positionAt(end).line;
  // The lines that hold the pair (a comment after its value goes along).
  const from = lines.lineStart(firstLine);
  const to = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
  const moved = text.slice(from, lines.lineEnd(lastLine));
  // The mapping's indentation, and the end of its last entry's last line.
  const firstKey = into.items[0]!.key as Node | null;
  const lastItem = into.items[into.items.length - 1]!;
  const lastNode = ((lastItem.value as Node | null)?.range ? lastItem.value : lastItem.key) as Node | null;
  if (!firstKey?.range || !lastNode?.range || !into.range) return undefined;
  let intoEnd = lastNode.range[1];
  while (intoEnd > lastNode.range[0] && /\s/.test(text[intoEnd - 1]!)) intoEnd--;
  const insertLine = lines.positionAt(intoEnd).line;
  const insertAt = lines.lineEnd(insertLine);
  // Both places must be apart: the pair is not inside the mapping it moves to.
  if (insertAt >= from && insertAt <= to) return undefined;
  if (from >= into.range[0] && from < into.range[1]) return undefined;
  const indent = ' '.repeat(lines.positionAt(firstKey.range[0]).character);
  const eol = lines.eol;
  const reindented = moved.split(/\r\n|\r|\n/).map((line) => (line.trim() ? indent + line : line)).join(eol);
  return {
    title,
    edits: [
      { offset: insertAt, length: 0, newText: `${eol}${reindented}` },
      { offset: from, length: to - from, newText: '' },
    ],
  };
}

/** Apply edits that do not overlap (of two that do, the one that starts later in the text); returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  // From the end backwards, collecting the pieces and joining them once:
  // splicing each edit into the whole text copied it every time (about 10 s
  // for the 20,000 fixes of a hostile file).
  const pieces: string[] = [];
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.offset + edit.length > limit) continue;
    pieces.push(text.slice(edit.offset + edit.length, limit), edit.newText);
    limit = edit.offset;
  }
  pieces.push(text.slice(0, limit));
  return pieces.reverse().join('');
}

/** Pick fixes whose edits do not overlap one another, in file order. */
export function compatibleFixes(fixes: readonly Fix[]): Fix[] {
  // Spans taken so far, sorted by start then end. Spans of different fixes
  // never overlap, so their ends are sorted too, and the spans that can
  // clash with a new one are found by binary search and a short walk back
  // (linear in all, where comparing with every taken span was quadratic:
  // minutes for a file with 100,000 fixable typos).
  const taken: [number, number][] = [];
  const chosen: Fix[] = [];
  const ordered = [...fixes].sort((a, b) => (a.edits[0]?.offset ?? 0) - (b.edits[0]?.offset ?? 0));
  let sortedEnds = true;
  const clashes = ([s, e]: [number, number], [ts, te]: [number, number]) =>
    (s < te && ts < e) || (s === ts && e === te) || (s === e && s >= ts && s <= te);
  const clashing = (span: [number, number]): boolean => {
    if (!sortedEnds) return taken.some((t) => clashes(span, t));
    // Every clash has ts <= e and te >= s.
    for (let j = upperBound(taken, span[1]) - 1; j >= 0 && taken[j]![1] >= span[0]; j--) {
      if (clashes(span, taken[j]!)) return true;
    }
    return false;
  };
  for (const fix of ordered) {
    const spans = fix.edits.map((e) => [e.offset, e.offset + e.length] as [number, number]);
    if (spans.some(clashing)) continue;
    for (const span of spans) {
      const at = upperBound(taken, span[0], span[1]);
      // A fix whose own edits overlap would break the order of ends: compare with all from then on.
      if (taken[at - 1] && taken[at - 1]![1] > span[1]) sortedEnds = false;
      if (taken[at] && taken[at]![1] < span[1]) sortedEnds = false;
      if (at === taken.length) taken.push(span);
      else taken.splice(at, 0, span);
    }
    chosen.push(fix);
  }
  return chosen;
}

/** Index of the first span that starts after `start` (or at it and ends after `end`). */
function upperBound(spans: [number, number][], start: number, end = Infinity): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const [s, e] = spans[mid]!;
    if (s < start || (s === start && e <= end)) low = mid + 1;
    else high = mid;
  }
  return low;
}
