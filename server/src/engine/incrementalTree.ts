// Node-level helpers for incremental parsing (incremental.ts): where block
// entries begin, what their lines may hold, and moving ranges.
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyString } from './document';

export type Collection = YAMLMap | YAMLSeq;
export type Entry = Pair | Node | null;
export type Kind = 'map' | 'seq';

function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where an entry begins (its key, or its item's value) and whether its line holds nothing else before it. */
export function entryHead(text: string, kind: Kind, entry: Entry): { lineStart: number; column: number; own: boolean } | undefined {
  const node = kind === 'map' ? ((entry as Pair).key as Node | null) : (entry as Node | null);
  const at = node?.range?.[0];
  if (at === undefined) return undefined;
  const lineStart = lineStartOf(text, at);
  const before = text.slice(lineStart, at);
  if (kind === 'map') return { lineStart, column: at - lineStart, own: /^ *$/.test(before) };
  const dash = /^( *)-[ ]*$/.exec(before);
  return { lineStart, column: dash ? dash[1]!.length : -1, own: !!dash };
}

export function blockCollection(node: unknown): { collection: Collection; kind: Kind } | undefined {
  if (isMap(node) && !node.flow) return { collection: node, kind: 'map' };
  if (isSeq(node) && !node.flow) return { collection: node as YAMLSeq, kind: 'seq' };
  return undefined;
}

interface ChunkLines {
  /** Offsets (in the chunk) of the lines that start an entry at the collection's column. */
  entries: number[];
  /** The deepest indentation of the comment lines after the last line of content; -1 when there are none. */
  trailingComment: number;
  /** The same for the comment lines before the first entry. */
  leadingComment: number;
}

/** The chunk's lines must be entries at `column` and their more indented continuation, nothing less indented. */
export function scanLines(chunk: string, column: number, kind: Kind): ChunkLines | undefined {
  const entries: number[] = [];
  let trailingComment = -1;
  let leadingComment = -1;
  let at = 0;
  while (at < chunk.length) {
    let next = chunk.indexOf('\n', at);
    if (next < 0) next = chunk.length;
    let indent = at;
    while (indent < next && chunk.charCodeAt(indent) === 32) indent++;
    const ch = chunk[indent];
    // A tab in the indentation, even of a blank line, is read differently by context: leave it to a full parse.
    if (ch === '\t') return undefined;
    if (indent < next && ch !== '\r') {
      const width = indent - at;
      if (ch === '#') {
        // Before the first entry, a comment indented deeper belongs to the entry before the chunk.
        if (entries.length === 0 && width > column) return undefined;
        if (entries.length === 0) leadingComment = Math.max(leadingComment, width);
        trailingComment = Math.max(trailingComment, width);
      }
      else {
        trailingComment = -1;
        if (width < column) return undefined;
        if (width === column) {
          const line = chunk.slice(indent, next);
          if (!startsEntry(line, kind, column)) return undefined;
          entries.push(at);
        } else if (entries.length === 0) return undefined;
      }
    }
    at = next + 1;
  }
  return { entries, trailingComment, leadingComment };
}

/** The deepest indentation of the comment lines right before `offset` (a line start), back to the content before them; -1 when none. */
export function precedingComment(text: string, offset: number): number {
  let deepest = -1;
  let end = offset;
  while (end > 0) {
    const start = lineStartOf(text, end - 1);
    const line = text.slice(start, end);
    const content = line.trimStart();
    if (content.startsWith('#')) deepest = Math.max(deepest, line.length - content.length);
    else if (content.trim() !== '') break;
    end = start;
  }
  return deepest;
}

/** A line (from its first character) that may start an entry of a block collection of this kind. */
export function startsEntry(line: string, kind: Kind, column: number): boolean {
  const dash = /^-(\s|$)/.test(line);
  if (kind === 'seq' ? !dash : dash || /^[?:[\]{},&*!|>%@`]/.test(line)) return false;
  return !(column === 0 && /^(---|\.\.\.)(\s|$)/.test(line));
}

/**
 * A tree without anchors, aliases, explicit tags, or keys that are not written
 * scalars (an empty key takes its place from what precedes it): it parses the
 * same alone as in context.
 */
export function isPlain(node: unknown): boolean {
  if (node == null) return true;
  if (isAlias(node) || (node as Node).anchor || (node as Node).tag) return false;
  if (isMap(node)) return node.items.every((pair) => isPlainPair(pair as Pair));
  if (isSeq(node)) return node.items.every(isPlain);
  return true;
}

function isPlainPair(pair: Pair): boolean {
  const key = pair.key as Node | null;
  return isScalar(key) && !!key.range && key.range[1] > key.range[0] && isPlain(key) && isPlain(pair.value);
}

export function isPlainEntry(kind: Kind, entry: Entry): boolean {
  return kind === 'seq' ? isPlain(entry) : isPlainPair(entry as Pair);
}

/**
 * Where an entry's last value is, when it is empty (`key:` or `-` with nothing
 * after): such a value's range runs over the comments that follow it, up to
 * wherever the next line starts, so it depends on context when one does.
 */
export function emptyEnd(kind: Kind, entry: Entry): number | undefined {
  let node: unknown = kind === 'map' ? (entry as Pair).value : entry;
  if (node == null) return ((entry as Pair).key as Node).range![1];
  for (;;) {
    const range = (node as Node).range!;
    if (range[1] === range[0]) return range[0];
    let last: unknown;
    if (isMap(node) && !node.flow && node.items.length) {
      const pair = node.items[node.items.length - 1] as Pair;
      if (pair.value == null) return (pair.key as Node).range![1];
      last = pair.value;
    } else if (isSeq(node) && !node.flow && node.items.length) last = node.items[node.items.length - 1];
    if (last == null) return undefined;
    node = last;
  }
}

/** New keys must differ from each other and from the collection's other keys (else the full parse reports the duplicate). */
export function uniqueKeys(items: Entry[], start: number, end: number, added: Pair[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    if (i >= start && i < end) continue;
    seen.add(keyString((items[i] as Pair).key));
  }
  for (const pair of added) {
    const key = keyString(pair.key);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

// ---- ranges -----------------------------------------------------------------

function shiftNode(node: unknown, delta: number): void {
  if (node == null || delta === 0) return;
  const range = (node as Node).range as number[] | undefined;
  if (range) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      shiftNode(pair.key, delta);
      shiftNode(pair.value, delta);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) shiftNode(item, delta);
  }
}

export function shiftEntry(kind: Kind, entry: Entry, delta: number): void {
  if (kind === 'seq') return shiftNode(entry, delta);
  shiftNode((entry as Pair).key, delta);
  shiftNode((entry as Pair).value, delta);
}

/** Ends at or after the old chunk's end move with the text. */
export function shiftEnds(node: { range?: number[] | null } | Node, oldEnd: number, delta: number): void {
  const range = (node as { range?: number[] }).range;
  if (!range) return;
  if (range[1]! >= oldEnd) range[1]! += delta;
  if (range[2]! >= oldEnd) range[2]! += delta;
}

/** A block collection ends where its last entry's value does (yaml's resolveBlockMap/Seq, no trailing comment). */
export function collectionEnd(kind: Kind, items: Entry[]): number {
  const last = items[items.length - 1];
  const node = kind === 'map' ? ((last as Pair).value as Node | null) ?? ((last as Pair).key as Node) : (last as Node);
  return node.range![2];
}

/** Where a block entry starts: its key, or the `-` of its item. */
export function entryOffset(text: string, kind: Kind, entry: Entry, column: number): number {
  if (kind === 'map') return ((entry as Pair).key as Node).range![0];
  return lineStartOf(text, (entry as Node).range![0]) + column;
}

export function lowerBound(ranges: [number, number][], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid]![0] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

// ---- text diff ---------------------------------------------------------------

const BLOCK = 4096;

export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.startsWith(b.slice(i, i + BLOCK), i)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Common suffix length, not reaching into the common prefix. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + BLOCK <= n && a.endsWith(b.slice(b.length - i - BLOCK, b.length - i), a.length - i)) i += BLOCK;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** `array.splice(start, deleteCount, ...items)`, also for more items than a call takes arguments. */
export function spliceIn<T>(array: T[], start: number, deleteCount: number, items: readonly T[]): void {
  if (items.length < 10_000) {
    array.splice(start, deleteCount, ...items);
    return;
  }
  const tail = array.slice(start + deleteCount);
  array.length = start;
  for (const item of items) array.push(item);
  for (const item of tail) array.push(item);
}
