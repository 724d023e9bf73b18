// The outline of a YAML file read from indentation rather than from a parse:
// which key or list item each line opens and under what. It holds up on
// half-typed lines (`  - inter`, `role: `, a key with no colon yet) and on
// files that do not parse at all; block scalars and continued values are skipped.
import type { NodePath } from '../engine';

export interface Entry {
  kind: 'key' | 'item';
  line: number;
  /** Column of the key, or of the item's `-`. */
  col: number;
  /** For a key: its text (unquoted) and columns. */
  key?: string;
  keyStart?: number;
  keyEnd?: number;
  /** For an item: its index in its sequence. */
  index?: number;
  /** The value written on the same line (after `key:` or `- `), without a comment. */
  value?: string;
  valueStart?: number;
  valueEnd?: number;
  /** True when nothing can nest below it (an inline value, a block scalar). */
  leaf: boolean;
  parent?: Entry;
  children: Entry[];
  itemCount: number;
}

export interface Structure {
  lines: string[];
  /** Top-level keys (and items, for a file that is a list). */
  roots: Entry[];
  /** The stack of open entries before each line is read. */
  stackBefore: Entry[][];
  /** Entries that start on each line. */
  entriesOn: Entry[][];
}

interface LineShape {
  indent: number;
  /** Columns of the `-` indicators at the start of the line. */
  dashes: number[];
  /** Column where the content after indentation and dashes starts. */
  contentCol: number;
  /** Content end, before a trailing comment and white space. */
  contentEnd: number;
  key?: { text: string; start: number; end: number; colon: number };
  value?: { text: string; start: number; end: number };
  /** A line with nothing but white space or a comment. */
  empty: boolean;
  commentCol?: number;
}

/** Position of a ` #` comment start at or after `from`, outside quotes; -1 when none. */
function commentStart(line: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if ((ch === '"' || ch === "'") && (i === from || /[\s[{,:]/.test(line[i - 1]!))) {
      quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return i;
    }
  }
  return -1;
}

export function readLine(line: string): LineShape {
  let p = 0;
  while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
  const indent = p;
  const dashes: number[] = [];
  while (line[p] === '-' && (p + 1 === line.length || line[p + 1] === ' ' || line[p + 1] === '\t')) {
    dashes.push(p);
    p++;
    while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
  }
  const contentCol = p;
  const hash = commentStart(line, contentCol);
  let contentEnd = hash >= 0 ? hash : line.length;
  while (contentEnd > contentCol && /\s/.test(line[contentEnd - 1]!)) contentEnd--;
  const shape: LineShape = { indent, dashes, contentCol, contentEnd, empty: dashes.length === 0 && contentEnd === contentCol };
  if (hash >= 0) shape.commentCol = hash;
  if (contentEnd === contentCol) return shape;
  const content = line.slice(contentCol, contentEnd);
  const key = readKey(content);
  if (key) {
    shape.key = { text: key.text, start: contentCol + key.start, end: contentCol + key.end, colon: contentCol + key.colon };
    let v = contentCol + key.colon + 1;
    while (v < contentEnd && /\s/.test(line[v]!)) v++;
    if (v < contentEnd) shape.value = { text: line.slice(v, contentEnd), start: v, end: contentEnd };
  } else {
    shape.value = { text: content, start: contentCol, end: contentEnd };
  }
  return shape;
}

/** A `key:` at the start of some content, if there is one. */
function readKey(content: string): { text: string; start: number; end: number; colon: number } | undefined {
  if (/^[[{#&*!|>%@`]/.test(content) && !/^[&!]\S+\s+\S/.test(content)) return undefined;
  if (content[0] === '"' || content[0] === "'") {
    const quote = content[0];
    let i = 1;
    for (; i < content.length; i++) {
      if (content[i] === '\\' && quote === '"') i++;
      else if (content[i] === quote) {
        if (quote === "'" && content[i + 1] === "'") i++;
        else break;
      }
    }
    if (i >= content.length) return undefined;
    let c = i + 1;
    while (c < content.length && content[c] === ' ') c++;
    if (content[c] !== ':' || (c + 1 < content.length && !/\s/.test(content[c + 1]!))) return undefined;
    const raw = content.slice(1, i);
    const text = quote === "'" ? raw.replace(/''/g, "'") : raw.replace(/\\(.)/g, '$1');
    return { text, start: 0, end: i + 1, colon: c };
  }
  for (let i = 0; i < content.length; i++) {
    if (content[i] === ':' && (i + 1 === content.length || /\s/.test(content[i + 1]!))) {
      const text = content.slice(0, i).trimEnd();
      if (!text) return undefined;
      return { text, start: 0, end: text.length, colon: i };
    }
  }
  return undefined;
}

function isBlockIndicator(value: string): boolean {
  return /^[|>][0-9+-]*$/.test(value);
}

/** `&anchor` or `!tag` alone: the node itself follows on the next lines. */
function isPropertiesOnly(value: string): boolean {
  return /^(?:[&!]\S*)(?:\s+[&!]\S*)*$/.test(value);
}

export function scanStructure(text: string): Structure {
  const lines = text.split(/\r\n|\r|\n/);
  const roots: Entry[] = [];
  const stackBefore: Entry[][] = [];
  const entriesOn: Entry[][] = [];
  const rootCounter = { itemCount: 0 };
  const stack: Entry[] = [];
  const top = () => stack[stack.length - 1];
  const add = (entry: Entry) => {
    if (entry.parent) entry.parent.children.push(entry);
    else roots.push(entry);
    stack.push(entry);
  };

  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    stackBefore.push(stack.slice());
    const here: Entry[] = [];
    entriesOn.push(here);
    const line = lines[lineNo]!;
    const shape = readLine(line);
    if (shape.empty) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(line) || line.startsWith('%')) {
      stack.length = 0;
      continue;
    }
    const current = top();
    // A continuation of an inline value or a block scalar.
    if (current?.leaf && shape.indent > current.col) continue;

    for (const dash of shape.dashes) {
      while (stack.length) {
        const t = top()!;
        if (t.col > dash || (t.col === dash && (t.kind === 'item' || t.leaf))) stack.pop();
        else break;
      }
      const parent = top();
      const counter = parent ?? rootCounter;
      const item: Entry = { kind: 'item', line: lineNo, col: dash, index: counter.itemCount++, leaf: false, parent, children: [], itemCount: 0 };
      add(item);
      here.push(item);
    }

    if (shape.key) {
      while (stack.length && top()!.col >= shape.key.start) stack.pop();
      const parent = top();
      const value = shape.value?.text;
      // An inline value or a block scalar (`|`, `>`) leaves no room for children.
      const leaf = value !== undefined && (isBlockIndicator(value) || !isPropertiesOnly(value));
      const entry: Entry = {
        kind: 'key',
        line: lineNo,
        col: shape.key.start,
        key: shape.key.text,
        keyStart: shape.key.start,
        keyEnd: shape.key.end,
        leaf,
        parent,
        children: [],
        itemCount: 0,
      };
      if (shape.value) {
        entry.value = shape.value.text;
        entry.valueStart = shape.value.start;
        entry.valueEnd = shape.value.end;
      }
      add(entry);
      here.push(entry);
    } else if (shape.value) {
      const item = here[here.length - 1];
      if (item) {
        // `- value`: a scalar item.
        item.value = shape.value.text;
        item.valueStart = shape.value.start;
        item.valueEnd = shape.value.end;
        item.leaf = !isPropertiesOnly(shape.value.text);
      }
      // A word alone on a line below a key: a key being typed (no colon yet)
      // or a plain value continued from the line above. Either way it adds
      // nothing to the outline, and the key stays open for what follows.
    }
  }
  return { lines, roots, stackBefore, entriesOn };
}

export function pathOfEntry(entry: Entry | undefined): NodePath {
  const path: NodePath = [];
  for (let e = entry; e; e = e.parent) path.unshift(e.kind === 'key' ? e.key! : e.index!);
  return path;
}

/** Keys directly under an entry (or at the top level). */
export function childKeys(structure: Structure, parent: Entry | undefined): Entry[] {
  return (parent ? parent.children : structure.roots).filter((e) => e.kind === 'key');
}

export function childItems(parent: Entry | undefined, structure: Structure): Entry[] {
  return (parent ? parent.children : structure.roots).filter((e) => e.kind === 'item');
}
