// `tde/revealBlank`: where to type to fill a pitch blank. An existing value
// is selected; a missing field is created with the least text that holds
// it (`refine:` → `pitch:` → `impact: …`), indented like the file and with the
// file's line endings, with a placeholder value selected to type over (an
// empty value would be a problem of its own until the person types). Where
// the file has the field as a commented template (the starter project's
// `# result:` / `#   focus_area: …`), the new key takes the template's place,
// and its example becomes the placeholder.
import type { Position } from 'vscode-languageserver';
import { buildPitch, LineIndex, vocabulary, type NodePath } from '../engine';
import { isMap, isScalar, isSeq, pairOf, type Node, type Pair, type YAMLMap } from '../engine/document';
import placeholderTexts from '../engine/placeholderTexts.json';
import { yamlValue } from '../engine/yamlValue';
import type { RevealBlankParams, RevealBlankResult } from '../shared/protocol';
import type { Analyses, Parsed } from './analysis';
import type { Session } from './session';
import { escapeChoice, indentUnit, rangeAt, snippetText } from './rangesAndEdits';

const TOP_LEVEL_ORDER = ['tde', 'project', ...vocabulary.STEP_IDS, 'next'];

const REFINE_TACTICS = vocabulary.tactics.filter((t) => t.step === 'refine').map((t) => t.id);

/** What goes where a blank's value is missing: a text to type over, or (a tactic) a choice of ids. */
interface Placeholder {
  text: string;
  choices?: readonly string[];
  /** Already YAML as written (a template's example), not to be quoted. */
  verbatim?: boolean;
}

/** Each blank's placeholder, the same template texts as the snippets' (so placeholder-text knows one left in). */
const PLACEHOLDERS: Record<string, Placeholder> = {
  focus_area: { text: placeholderTexts.snippets.theIssueResidentsCouldTackle },
  impact: { text: placeholderTexts.snippets.whyTheFocusAreaMatters },
  refining_tactic: { text: REFINE_TACTICS[0]!, choices: REFINE_TACTICS },
  data_requesters: { text: placeholderTexts.snippets.whoAsksForOrWould },
  data_supply: { text: placeholderTexts.snippets.dataTheCityHoldsAnd },
  next_steps: { text: placeholderTexts.snippets.whatYouWillDoNext },
};

/** Blanks whose field is a list (the others are one text). */
const LIST_BLANKS = new Set(['refining_tactic', 'data_requesters', 'data_supply', 'next_steps']);

export function provideRevealBlank(session: Session, analyses: Analyses, params: RevealBlankParams): RevealBlankResult | null {
  const document = session.tdeDocument(params.uri);
  if (!document) return null;
  const parsed = analyses.parsed(document);
  const blank = buildPitch(undefined).blanks.find((b) => b.key === params.key);
  const placeholder = PLACEHOLDERS[params.key];
  if (!blank || !placeholder) return null;
  return reveal(parsed, blank.path, { list: LIST_BLANKS.has(blank.key), placeholder });
}

interface Blank {
  list: boolean;
  placeholder: Placeholder;
}

interface Insertion {
  offset: number;
  /** The text up to where the value goes (the placeholder is put after it). */
  text: string;
  /** How many characters the text replaces (none by default). */
  replace?: number;
  /** Text after the placeholder (a space before a comment on the line). */
  after?: string;
  /** The placeholder, when the template comment replaced gave one. */
  placeholder?: Placeholder;
}

function reveal(parsed: Parsed, path: NodePath, blank: Blank): RevealBlankResult | null {
  const { text, lines } = parsed.document;
  const root = parsed.document.root;
  const unit = indentUnit(text);
  const eol = lines.eol;
  const list = blank.list;
  const insert = (insertion: Insertion) => withInsertion(lines, insertion, insertion.placeholder ?? blank.placeholder);
  if (!root) {
    if (text.trim() !== '' || parsed.document.syntaxIssues.length) return null;
    return insert({ offset: text.length, text: chain(path, 0, unit, eol, list) });
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
      const template = templateInsertion(parsed, map, map === root, rest, map === root ? unit : step, blank);
      return insert(template ?? (map === root ? topLevelInsertion(parsed, rest, unit, list) : nestedInsertion(parsed, map, rest, step, list)));
    }
    const value = pair.value as Node | null;
    if (last) return revealValue(parsed, pair, value, step, blank);
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
        return insert({ offset: from, text: body, replace: end - from });
      }
      const offset = lines.lineEnd(lines.positionAt(pair.key!.range![0]).line);
      return insert({ offset, text: body });
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

/**
 * `a:\n  b:\n    c: ` (or `c:\n      - ` for a list), starting at column `col`.
 * A new step starts with `status: not-started`, as the fix for a step
 * without status writes it: a present step needs one.
 */
function chain(segments: readonly (string | number)[], col: number, unit: number, eol: string, list: boolean): string {
  const out: string[] = [];
  segments.forEach((segment, i) => {
    const indent = ' '.repeat(col + i * unit);
    const last = i === segments.length - 1;
    const newStep = i === 0 && col === 0 && (vocabulary.STEP_IDS as readonly string[]).includes(String(segment));
    if (newStep) out.push(`${indent}${segment}:`, `${' '.repeat(unit)}status: not-started`);
    else if (!last) out.push(`${indent}${segment}:`);
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

function revealValue(parsed: Parsed, pair: Pair, value: Node | null, unit: number, blank: Blank): RevealBlankResult | null {
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
  if (blank.list) {
    if (!parsed.clean) return null;
    const indent = ' '.repeat(columnOf(lines, pair) + unit);
    return withInsertion(lines, { offset: lines.lineEnd(keyLine), text: `${lines.eol}${indent}- ` }, blank.placeholder);
  }
  const space = text.charAt(colon + 1) === ' ' || text.charAt(colon + 1) === '\t';
  const offset = space ? colon + 2 : colon + 1;
  // `key: # note`: the value goes before the comment, which needs a space before its `#`.
  const rest = text.slice(offset, lines.lineEnd(keyLine));
  return withInsertion(lines, { offset, text: space ? '' : ' ', after: rest.trim() && !/^[ \t]/.test(rest) ? ' ' : '' }, blank.placeholder);
}

/** `#   key: value` (the `#` at `col`): a key of a commented template, its value, and how deep the key is after the `#`. */
function templateLine(line: string, col: number): { key: string; value: string; depth: number } | undefined {
  const match = /^([ \t]*)#( *)([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/.exec(line);
  if (!match || match[1]!.length !== col) return undefined;
  return { key: match[3]!, value: (match[4] ?? '').trim(), depth: match[2]!.length };
}

/**
 * The missing keys written over their commented template, when the mapping
 * has one: `  # result:` then `  #   focus_area: Example` (each deeper after
 * the `#`), at the column of the mapping's keys, in the mapping's own lines,
 * outside any text. The lines that match the path are replaced; the
 * template's example becomes the placeholder (for a text blank). A template
 * that lacks the path's first key is left alone.
 */
function templateInsertion(parsed: Parsed, map: YAMLMap, topLevel: boolean, segments: string[], unit: number, blank: Blank): Insertion | undefined {
  if (!parsed.clean || map.flow) return undefined;
  const { lines } = parsed.document;
  const indentOf = (line: number) => /^[ \t]*/.exec(lines.lineText(line))![0].length;
  const isContent = (line: number) => /^[ \t]*[^ \t#]/.test(lines.lineText(line));
  const col = topLevel ? 0 : columnOf(lines, map.items[0]!);
  // The mapping's lines: from its first key to the next line less indented (the whole file at the top level).
  const from = topLevel ? 0 : lines.positionAt((map.items[0]!.key as Node).range![0]).line;
  let to = lines.lineCount;
  for (let line = from; line < lines.lineCount && !topLevel; line++) {
    if (lines.lineText(line).trim() && indentOf(line) < col) {
      to = line;
      break;
    }
  }
  for (let line = from; line < to; line++) {
    const first = templateLine(lines.lineText(line), col);
    if (!first || first.key !== segments[0] || insideText(parsed, lines.lineStart(line) + col)) continue;
    let last = line;
    let depth = first.depth;
    let value = first.value;
    // A step's template may go on with its status, which the new step writes.
    const status = topLevel && last + 1 < lines.lineCount ? templateLine(lines.lineText(last + 1), col) : undefined;
    const withStatus = status?.key === 'status' && status.depth > depth;
    if (withStatus) last++;
    for (const segment of segments.slice(1)) {
      const next = last + 1 < lines.lineCount ? templateLine(lines.lineText(last + 1), col) : undefined;
      if (!next || next.key !== segment || next.depth <= depth) break;
      last++;
      depth = next.depth;
      value = next.value;
    }
    // Keys put here must not take over what follows: the next content line is no deeper than they are.
    let next = last + 1;
    while (next < lines.lineCount && !isContent(next)) next++;
    if (next < lines.lineCount && indentOf(next) > col) continue;
    const whole = last - line === segments.length - 1 + (withStatus ? 1 : 0);
    // An example that fits as the value: the whole path matched, a text blank, a plain text.
    const example = whole && !blank.list && !blank.placeholder.choices && value && !value.startsWith('#') ? value : undefined;
    const start = lines.lineStart(line);
    const end = lines.lineEnd(last);
    return {
      offset: start,
      text: chain(segments, col, unit, lines.eol, blank.list),
      replace: end - start,
      ...(example ? { placeholder: { text: example, verbatim: true } } : {}),
    };
  }
  return undefined;
}

/** Whether an offset is inside a text value (a multi-line string), where a `#` is no comment. */
function insideText(parsed: Parsed, offset: number): boolean {
  return parsed.document.scalarRanges.some(([start, end]) => offset >= start && offset < end);
}

function select(lines: LineIndex, node: Node): RevealBlankResult | null {
  const range = node.range;
  if (!range) return null;
  let end = range[1];
  while (end > range[0] && /\s/.test(lines.text[end - 1]!)) end--;
  return { selection: rangeAt(lines, range[0], end - range[0]) };
}

/** The edit with the placeholder after the inserted text, the placeholder selected (in the text after the edit), and its snippet. */
function withInsertion(lines: LineIndex, insertion: Insertion, placeholder: Placeholder): RevealBlankResult {
  const replaced = insertion.replace ?? 0;
  const start: Position = lines.positionAt(insertion.offset);
  const end: Position = lines.positionAt(insertion.offset + replaced);
  const value = placeholder.verbatim || placeholder.choices ? placeholder.text : yamlValue(placeholder.text);
  const newText = insertion.text + value + (insertion.after ?? '');
  const after = new LineIndex(lines.text.slice(0, insertion.offset) + newText + lines.text.slice(insertion.offset + replaced));
  const valueStart = insertion.offset + insertion.text.length;
  const selection = { start: after.positionAt(valueStart), end: after.positionAt(valueStart + value.length) };
  const snippet = placeholder.choices ? `\${1|${placeholder.choices.map(escapeChoice).join(',')}|}` : `\${1:${snippetText(value)}}`;
  return { edit: { range: { start, end }, newText }, selection, snippet };
}
