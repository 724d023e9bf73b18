// Incremental parsing for editors: after an edit, re-parse only the entries
// of block collections (a step, one list item, one key and its value) that
// the edit touched, graft them into the previous tree and shift what follows.
// The result equals a fresh parseTde (test/unit/incremental.test.ts proves it
// on random edits); whenever grafting could differ — syntax errors, anchors,
// aliases, tags, flow collections, directives, lone CRs, duplicate keys, a
// change of an entry's own indentation — the whole text is parsed instead.
//
// The tree is updated in place: a document from update() stays valid only
// until the next update().
import { isMap, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { hasControlCharacters } from './controlCharacters';
import { indexPaths, keyString, parseTdeIndexed, PARSE_OPTIONS, type TdeDocument, type TdeYaml } from './document';
import { parseByEntries } from './incrementalEntries';
import {
  blockCollection,
  collectionEnd,
  commonPrefix,
  commonSuffix,
  entryHead,
  emptyEnd,
  entryOffset,
  isPlain,
  isPlainEntry,
  lowerBound,
  precedingComment,
  scanLines,
  shiftEnds,
  shiftEntry,
  spliceIn,
  uniqueKeys,
  type Collection,
  type Entry,
  type Kind,
} from './incrementalTree';
import { LineIndex } from './lineIndex';
import type { NodePath } from './problem';

/** What an incremental update replaced: entries `start…start+removed.length` of the collection at `path`. */
export interface Splice {
  path: NodePath;
  kind: Kind;
  collection: Collection;
  start: number;
  removed: Entry[];
  added: Entry[];
}

export interface ParseUpdate {
  document: TdeDocument;
  /** Undefined after a full parse (or when the text did not change: then `unchanged`). */
  splice?: Splice;
  unchanged?: boolean;
}

interface State {
  text: string;
  document: TdeDocument;
  yaml: TdeYaml;
  root: YAMLMap;
  paths: Map<Node, NodePath>;
  /** Whether the tree may be grafted onto (see `graftable`). */
  graftable: boolean;
}

interface Candidate {
  collection: Collection;
  kind: Kind;
  path: NodePath;
  /** Column of the collection's entries. */
  column: number;
  start: number;
  end: number;
  /** Chunk: whole lines [from, to) of the old text. */
  from: number;
  to: number;
  /** The collections above, outermost first, each with the index of the entry that holds the next. */
  chain: { collection: Collection; kind: Kind; index: number }[];
}

/** One change between two versions of a text: [start, end) of the old text was replaced by `insert`. */
export interface TextChange {
  start: number;
  end: number;
  insert: string;
}

/** A change and the text it was made from: the parser uses it only when that text is its own. */
export type KnownChange = TextChange & { before: string };

export function applyTextChange(before: string, change: TextChange): string {
  const { start, end, insert } = change;
  if (!(start >= 0 && start <= end && end <= before.length)) throw new RangeError(`a change of ${start}–${end} does not fit a text of ${before.length} characters`);
  return before.slice(0, start) + insert + before.slice(end);
}

export class IncrementalParser {
  private state: State | undefined;
  /** How updates went, for tests and the benchmark. */
  readonly stats = { full: 0, grafted: 0, unchanged: 0, lastChunkLength: 0 };

  /** `known`: the change from the text it was made from, when the caller knows it (then it is not searched for again). */
  update(text: string, known?: KnownChange): ParseUpdate {
    const state = this.state;
    if (state && state.text === text) {
      this.stats.unchanged++;
      return { document: state.document, unchanged: true };
    }
    if (state?.graftable) {
      const grafted = graft(state, text, known);
      if (grafted) {
        this.stats.grafted++;
        this.stats.lastChunkLength = grafted.chunkLength;
        return { document: state.document, splice: grafted.splice };
      }
    }
    this.stats.full++;
    // Entry by entry where that is safe: the same tree, with less of the parser's transient memory at once.
    const byEntries = parseByEntries(text);
    const { document, paths } = byEntries ?? parseTdeIndexed(text);
    this.state = {
      text,
      document,
      yaml: document.yaml,
      root: document.root!,
      paths,
      graftable: !!byEntries || graftable(document),
    };
    return { document };
  }

  /** The document of the last update. */
  get current(): TdeDocument | undefined {
    return this.state?.document;
  }
}

/** A tree whose entries parse the same alone as in context. */
function graftable(document: TdeDocument): boolean {
  const { root, text } = document;
  if (document.syntaxIssues.length > 0 || !root || root.flow) return false;
  if (/\r(?!\n)/.test(text) || /^%/m.test(text)) return false;
  return isPlain(root);
}

function graft(state: State, text: string, known: KnownChange | undefined): { splice: Splice; chunkLength: number } | undefined {
  const old = state.text;
  if (/\r(?!\n)/.test(text)) return undefined;
  // What changed: [start, oldEnd) of the old text became [start, oldEnd + delta) of the new one.
  const fromOld = known !== undefined && known.before === old;
  const start = fromOld ? known.start : commonPrefix(old, text);
  const oldEnd = fromOld ? known.end : old.length - commonSuffix(old, text, start);
  const delta = text.length - old.length;
  // A grafted chunk's parse would read them silently: the whole text's reports them (the old text had none).
  if (hasControlCharacters(text.slice(start, oldEnd + delta))) return undefined;
  const candidates = findCandidates(state, start, oldEnd);
  candidates.sort((a, b) => a.to - a.from - (b.to - b.from));
  for (const candidate of candidates) {
    const splice = tryCandidate(state, text, candidate, delta);
    if (splice) return { splice, chunkLength: candidate.to + delta - candidate.from };
  }
  return undefined;
}

// ---- finding the entries an edit lies in -------------------------------

function findCandidates(state: State, start: number, end: number): Candidate[] {
  const text = state.text;
  const found: Candidate[] = [];
  const visit = (collection: Collection, kind: Kind, path: NodePath, to: number, chain: Candidate['chain']) => {
    const items = collection.items as Entry[];
    const heads = new Map<number, ReturnType<typeof entryHead>>();
    const head = (i: number) => {
      if (!heads.has(i)) heads.set(i, entryHead(text, kind, items[i]!));
      return heads.get(i);
    };
    const lineOf = (i: number) => (i >= items.length ? to : head(i)?.lineStart ?? -1);
    // The last entry whose line starts at or before the change.
    let low = 0;
    let high = items.length - 1;
    let first = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = lineOf(mid);
      if (at < 0) return;
      if (at <= start) {
        first = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (first < 0) return;
    const starts = [first];
    // An insertion at an entry's first line may also be the end of the entry before.
    if (lineOf(first) === start && start === end && first > 0) starts.push(first - 1);
    for (const i of starts) {
      const own = head(i);
      if (!own?.own) continue;
      let last = i;
      while (last < items.length && lineOf(last + 1) >= 0 && lineOf(last + 1) < end) last++;
      if (last >= items.length || lineOf(last + 1) < 0) continue;
      const candidate: Candidate = { collection, kind, path, column: own.column, start: i, end: last + 1, from: own.lineStart, to: lineOf(last + 1), chain };
      found.push(candidate);
      if (last !== i) continue;
      const entry = items[i]!;
      const value = kind === 'map' ? (entry as Pair).value : entry;
      const inner = blockCollection(value);
      if (!inner) continue;
      const segment = kind === 'map' ? keyString((entry as Pair).key) : i;
      visit(inner.collection, inner.kind, [...path, segment], candidate.to, [...chain, { collection, kind, index: i }]);
    }
  };
  visit(state.root, 'map', [], text.length, []);
  return found;
}

// ---- re-parsing one chunk ---------------------------------------------------

function tryCandidate(state: State, text: string, candidate: Candidate, delta: number): Splice | undefined {
  const { collection, kind, column, from } = candidate;
  const to = candidate.to + delta;
  if (to < from || (to < text.length && text.charCodeAt(to - 1) !== 10)) return undefined;
  const chunk = text.slice(from, to);
  const lines = scanLines(chunk, column, kind);
  if (!lines) return undefined;
  const items = collection.items as Entry[];
  const tail = candidate.end === items.length;
  // A comment that ends an entry, if indented deeper than the entry or ending the collection, ends a
  // collection's range (its trailing comment) where the next line's indentation does: in context only.
  if (lines.trailingComment > (tail ? -1 : column)) return undefined;
  // The same for the entry before the chunk (what follows its trailing comment changes), and for the
  // collections the chunk ends, whose trailing comments these become if the chunk's entries go.
  const before = Math.max(precedingComment(text, from), lines.leadingComment);
  if (before > column || (tail && lines.entries.length === 0 && before >= 0)) return undefined;
  // An empty value that ends the entry before, with a comment after it, runs up to the chunk's first entry.
  const emptyBefore = candidate.start > 0 ? emptyEnd(kind, items[candidate.start - 1]!) : undefined;
  if (emptyBefore !== undefined && (before >= 0 || text.slice(emptyBefore, from).includes('#'))) return undefined;
  if (lines.entries.length === 0 && candidate.end - candidate.start === items.length) return undefined;
  // The document's own range starts at its first token: keep that where it was.
  if (collection === state.root && candidate.start === 0 && lines.entries[0] !== 0) return undefined;

  // Whether the chunk ends the document: then the document's own range ends as the chunk's does.
  const endsDocument = tail && candidate.chain.every(({ collection: outer, index }) => index === outer.items.length - 1);
  if (endsDocument && lines.entries.length === 0) return undefined;

  let added: Entry[] = [];
  let chunkRoot: Collection | undefined;
  let chunkEnd = 0;
  if (lines.entries.length > 0) {
    const parsed = parseDocument(chunk, PARSE_OPTIONS);
    chunkEnd = (parsed.range as number[])[2]! + from;
    if (parsed.errors.length || parsed.warnings.length) return undefined;
    const inner = blockCollection(parsed.contents);
    if (!inner || inner.kind !== kind) return undefined;
    chunkRoot = inner.collection;
    if (chunkRoot.items.length !== lines.entries.length || chunkRoot.range?.[0] !== lines.entries[0]! + column) return undefined;
    added = chunkRoot.items as Entry[];
    if (!added.every((entry) => isPlainEntry(kind, entry))) return undefined;
    const emptyLast = emptyEnd(kind, added[added.length - 1]!);
    if (emptyLast !== undefined && chunk.includes('#', emptyLast)) return undefined;
    if (kind === 'map' && !uniqueKeys(items, candidate.start, candidate.end, added as Pair[])) return undefined;
  }

  // Deleting the first entries: the next one becomes the first, so its line must hold only it.
  if (candidate.start === 0 && added.length === 0 && !entryHead(state.text, kind, items[candidate.end]!)?.own) return undefined;

  // Commit: from here on the tree changes.
  const removed = items.slice(candidate.start, candidate.end);
  const oldEnd = candidate.to;
  for (const entry of added) shiftEntry(kind, entry, from);
  for (let i = candidate.end; i < items.length; i++) shiftEntry(kind, items[i]!, delta);
  spliceIn(items, candidate.start, removed.length, added);
  if (candidate.start === 0) {
    collection.range![0] = chunkRoot ? chunkRoot.range![0] + from : entryOffset(text, kind, items[0]!, column);
  }
  // The collections above: their ends follow their last entry when the chunk held it, else they shift.
  let tailEnd: number | undefined = tail ? collectionEnd(kind, items) : undefined;
  if (tailEnd !== undefined) collection.range![1] = collection.range![2] = tailEnd;
  else shiftEnds(collection, oldEnd, delta);
  for (let level = candidate.chain.length - 1; level >= 0; level--) {
    const { collection: outer, kind: outerKind, index } = candidate.chain[level]!;
    const outerItems = outer.items as Entry[];
    for (let i = index + 1; i < outerItems.length; i++) shiftEntry(outerKind, outerItems[i]!, delta);
    if (tailEnd !== undefined && index === outerItems.length - 1) {
      tailEnd = collectionEnd(outerKind, outerItems);
      outer.range![1] = outer.range![2] = tailEnd;
    } else {
      tailEnd = undefined;
      shiftEnds(outer, oldEnd, delta);
    }
  }
  const docRange = state.yaml.range as number[];
  if (endsDocument) {
    docRange[1] = state.root.range![2];
    docRange[2] = chunkEnd;
  } else {
    shiftEnds({ range: docRange } as unknown as Node, oldEnd, delta);
  }

  updateIndex(state, candidate, removed, added, delta, oldEnd);
  state.text = text;
  state.document = {
    text,
    lines: new LineIndex(text),
    yaml: state.yaml,
    root: state.root,
    syntaxIssues: [],
    pathOf: state.document.pathOf,
    scalarRanges: state.document.scalarRanges,
  };
  return { path: candidate.path, kind, collection, start: candidate.start, removed, added };
}

// ---- the path index and string ranges ----------------------------------------

function updateIndex(state: State, candidate: Candidate, removed: Entry[], added: Entry[], delta: number, oldEnd: number): void {
  const { paths } = state;
  const { path, kind, collection } = candidate;
  const depth = path.length;
  const forget = (node: unknown): void => {
    if (node == null) return;
    paths.delete(node as Node);
    if (isMap(node)) {
      for (const pair of node.items) {
        paths.delete(pair.key as Node);
        forget(pair.value);
      }
    } else if (isSeq(node)) node.items.forEach(forget);
  };
  for (const entry of removed) {
    if (kind === 'map') {
      paths.delete((entry as Pair).key as Node);
      forget((entry as Pair).value);
    } else forget(entry);
  }
  const strings: [number, number][] = [];
  const index = (entry: Entry, position: number, into: [number, number][]) => {
    if (kind === 'map') {
      const pair = entry as Pair;
      const childPath = [...path, keyString(pair.key)];
      if (pair.key) paths.set(pair.key as Node, childPath);
      indexPaths(pair.value as Node | null, childPath, paths, into, depth + 1);
    } else {
      indexPaths(entry as Node | null, [...path, position], paths, into, depth + 1);
    }
  };
  added.forEach((entry, i) => index(entry, candidate.start + i, strings));
  if (kind === 'seq' && added.length !== removed.length) {
    const items = collection.items as Entry[];
    for (let i = candidate.start + added.length; i < items.length; i++) index(items[i]!, i, []);
  }
  strings.sort((a, b) => a[0] - b[0]);
  const ranges = state.document.scalarRanges;
  const first = lowerBound(ranges, candidate.from);
  const after = lowerBound(ranges, oldEnd);
  for (let i = after; i < ranges.length; i++) {
    ranges[i]![0] += delta;
    ranges[i]![1] += delta;
  }
  spliceIn(ranges, first, after - first, strings);
}

