// `tde/revealBlank`: where to type to fill a pitch blank. An existing value
// is selected; a missing field is created with the least text that holds
// it (`refine:` → `pitch:` → `impact: `), indented like the file and with the
// file's line endings, and the cursor is put where the value goes.
import type { Position } from 'vscode-languageserver';
import { buildPitch, LineIndex, vocabulary, type NodePath } from '../engine';
import { isMap, isScalar, isSeq, pairOf, type Node, type Pair, type YAMLMap } from '../engine/document';
import type { RevealBlankParams, RevealBlankResult } from '../shared/protocol';
import type { Analyses, Parsed } from './analysis';
import type { Session } from './session';
import { indentUnit, rangeAt } from './text';

/** Blanks whose field is a list (the others are one text). */
const LIST_BLANKS = new Set(['refining_tactic', 'data_requesters', 'data_supply', 'next_steps']);
const TOP_LEVEL_ORDER = ['tde', 'project', ...vocabulary.STEP_IDS, 'next'];

export function provideRevealBlank(session: Session, analyses: Analyses, params: RevealBlankParams): RevealBlankResult | null {
  const document = session.tdeDocument(params.uri);
  if (!document) return null;
  const parsed = analyses.parsed(document);
  const blank = buildPitch(undefined).blanks.find((b) => b.key === params.key);
  if (!blank) return null;
  return reveal(parsed, blank.path, LIST_BLANKS.has(blank.key));
}

interface Insertion {
  offset: number;
  text: string;
  /** How many characters the text replaces (none by default). */
  replace?: number;
}

function reveal(parsed: Parsed, path: NodePath, list: boolean): RevealBlankResult | null {
  const { text, lines } = parsed.document;
  const root = parsed.document.root;
  const unit = indentUnit(text);
  const eol = lines.eol;
  if (!root) {
    if (text.trim() !== '' || parsed.document.syntaxIssues.length) return null;
    return withInsertion(lines, { offset: text.length, text: chain(path, 0, unit, eol, list) });
  }
  let map: YAMLMap = root;
  // The indentation step inside the current mapping (its keys' column minus its owner key's).
  let step = unit;
  for (let i = 0; i < path.length; i++) {
    const segment = String(path[i]);
    const pair = pairOf(map, segment);
    const last = i === path.length - 1;
    if (!pair) {
      if (!parsed.clean || map.flow) return select(lines, map as unknown as Node);
      const rest = path.slice(i).map(String);
      return withInsertion(lines, map === root ? topLevelInsertion(parsed, rest, unit, list) : nestedInsertion(parsed, map, rest, step, list));
    }
    const value = pair.value as Node | null;
    if (last) return revealValue(parsed, pair, value, step, list);
    if (isMap(value) && !(value as YAMLMap).flow) {
      const inner = columnOf(lines, (value as YAMLMap).items[0]!) - columnOf(lines, pair);
      if (inner > 0) step = inner;
      map = value as YAMLMap;
      continue;
    }
    if ((isEmptyNode(value) || isEmptyFlowMap(value)) && parsed.clean) {
      // `pitch:` or `pitch: {}`: the rest goes below the key, as a block.
      const keyCol = columnOf(lines, pair);
      const body = eol + chain(path.slice(i + 1).map(String), keyCol + step, step, eol, list);
      if (value && isEmptyFlowMap(value)) {
        const [start, end] = value.range!;
        let from = start;
        while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
        return withInsertion(lines, { offset: from, text: body, replace: end - from });
      }
      const offset = lines.lineEnd(lines.positionAt(pair.key!.range![0]).line);
      return withInsertion(lines, { offset, text: body });
    }
    return value ? select(lines, value) : null;
  }
  return null;
}

function isEmptyFlowMap(node: Node | null): boolean {
  return isMap(node) && !!(node as YAMLMap).flow && (node as YAMLMap).items.length === 0 && !!node.range;
}

function isEmptyNode(node: Node | null): boolean {
  return node == null || (isScalar(node) && (node.value === null || node.value === undefined));
}

function columnOf(lines: LineIndex, pair: Pair): number {
  return lines.positionAt((pair.key as Node).range![0]).character;
}

/** `a:\n  b:\n    c: ` (or `c:\n      - ` for a list), starting at column `col`. */
function chain(segments: readonly (string | number)[], col: number, unit: number, eol: string, list: boolean): string {
  const out: string[] = [];
  segments.forEach((segment, i) => {
    const indent = ' '.repeat(col + i * unit);
    const last = i === segments.length - 1;
    if (!last) out.push(`${indent}${segment}:`);
    else if (list) out.push(`${indent}${segment}:${eol}${' '.repeat(col + (i + 1) * unit)}- `);
    else out.push(`${indent}${segment}: `);
  });
  return out.join(eol);
}

/** The offset just after the last line of a node's content. */
function contentLineEnd(parsed: Parsed, node: Node | null | undefined, fallback: number): number {
  const { text, lines } = parsed.document;
  let end = node?.range?.[1] ?? fallback;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return lines.lineEnd(lines.positionAt(Math.max(0, end - 1)).line);
}

function pairEnd(parsed: Parsed, pair: Pair): number {
  const key = pair.key as Node;
  return contentLineEnd(parsed, (pair.value as Node | null) ?? key, key.range![1]);
}

/** A missing step (or other top-level key) goes after the step before it, with a blank line. */
function topLevelInsertion(parsed: Parsed, segments: string[], unit: number, list: boolean): Insertion {
  const { lines, text } = parsed.document;
  const root = parsed.document.root!;
  const eol = lines.eol;
  const rank = TOP_LEVEL_ORDER.indexOf(segments[0]!);
  let anchor: Pair | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const r = TOP_LEVEL_ORDER.indexOf(key);
    if (r >= 0 && r < rank && (!anchor || pairEnd(parsed, pair) > pairEnd(parsed, anchor))) anchor = pair;
  }
  const body = chain(segments, 0, unit, eol, list);
  if (anchor) return { offset: pairEnd(parsed, anchor), text: `${eol}${eol}${body}` };
  const end = contentLineEnd(parsed, root as unknown as Node, text.length);
  return { offset: end, text: `${end > 0 ? eol + eol : ''}${body}` };
}

/** A missing key in a block mapping goes after its last entry, at the column of its keys. */
function nestedInsertion(parsed: Parsed, map: YAMLMap, segments: string[], unit: number, list: boolean): Insertion {
  const { lines } = parsed.document;
  const first = map.items[0]!;
  const col = columnOf(lines, first);
  const last = map.items[map.items.length - 1]!;
  return { offset: pairEnd(parsed, last), text: lines.eol + chain(segments, col, unit, lines.eol, list) };
}

function revealValue(parsed: Parsed, pair: Pair, value: Node | null, unit: number, list: boolean): RevealBlankResult | null {
  const { lines, text } = parsed.document;
  const key = pair.key as Node;
  const keyLine = lines.positionAt(key.range![0]).line;
  if (value && isScalar(value) && value.value === '' && value.range && value.range[1] - value.range[0] >= 2) {
    const inside = lines.positionAt(value.range[0] + 1);
    return { selection: { start: inside, end: inside } };
  }
  if (isSeq(value) && (value as { flow?: boolean }).flow && (value as { items: unknown[] }).items.length === 0) {
    const inside = lines.positionAt(value.range![0] + 1);
    return { selection: { start: inside, end: inside } };
  }
  if (!isEmptyNode(value)) return select(lines, value!);
  // `key:` with nothing after it.
  const keyEnd = key.range![1];
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0) return null;
  if (list) {
    if (!parsed.clean) return null;
    const indent = ' '.repeat(columnOf(lines, pair) + unit);
    return withInsertion(lines, { offset: lines.lineEnd(keyLine), text: `${lines.eol}${indent}- ` });
  }
  const after = text.charAt(colon + 1);
  if (after === ' ' || after === '\t') {
    const position = lines.positionAt(colon + 2);
    return { selection: { start: position, end: position } };
  }
  return withInsertion(lines, { offset: colon + 1, text: ' ' });
}

function select(lines: LineIndex, node: Node): RevealBlankResult | null {
  const range = node.range;
  if (!range) return null;
  let end = range[1];
  while (end > range[0] && /\s/.test(lines.text[end - 1]!)) end--;
  return { selection: rangeAt(lines, range[0], end - range[0]) };
}

/** The edit, and a collapsed selection at the end of what it inserts (in the text after the edit). */
function withInsertion(lines: LineIndex, insertion: Insertion): RevealBlankResult {
  const replaced = insertion.replace ?? 0;
  const start: Position = lines.positionAt(insertion.offset);
  const end: Position = lines.positionAt(insertion.offset + replaced);
  const after = lines.text.slice(0, insertion.offset) + insertion.text + lines.text.slice(insertion.offset + replaced);
  const cursor = new LineIndex(after).positionAt(insertion.offset + insertion.text.length);
  return { edit: { range: { start, end }, newText: insertion.text }, selection: { start: cursor, end: cursor } };
}
