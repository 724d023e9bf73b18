// Where the cursor is in the YAML tree, from the indentation outline: the
// path of the mapping or value being typed, the token under the cursor and
// what is already there, for completion and hover.
import type { NodePath } from '../engine';
import { pathOfEntry, readLine, type Entry, type Structure } from './yamlOutline';

type CursorKind =
  /** Typing a key in a mapping (or on a blank line). */
  | 'key'
  /** After `key:` on the same line. */
  | 'value'
  /** After `- `, where a scalar item or the first key of an item mapping goes. */
  | 'item';

export interface CursorContext {
  kind: CursorKind;
  line: number;
  /** For 'key': the path of the mapping; for 'value': the key's path; for 'item': the item's path. */
  path: NodePath;
  /** The entry that holds what is typed: the mapping's owner for 'key', the key for 'value', the item for 'item'. */
  owner?: Entry;
  /** For 'value': the key. */
  key?: string;
  /** Column where the node being typed starts (a key's column, or the cursor on a blank line). */
  col: number;
  /** Text of the token from its start to the cursor. */
  prefix: string;
  /** Columns of the whole token under the cursor. */
  tokenStart: number;
  tokenEnd: number;
  /** Whether a `:` already follows the key being typed. */
  hasColon: boolean;
  /** For 'value': true when the value is a flow list (`[a, b]`) and the cursor is in one of its items. */
  inFlowList?: boolean;
  /** For flow lists: the items other than the one under the cursor. */
  flowItems?: string[];
  /** Whether there is white space between the `:` and the cursor. */
  spaceAfterColon?: boolean;
}

const WORD = /[^\s:,[\]{}#"']/;

/** The context of the cursor, or undefined where nothing structural is typed (inside free text or a comment). */
export function cursorContext(structure: Structure, line: number, character: number): CursorContext | undefined {
  const text = structure.lines[line];
  if (text === undefined) return undefined;
  const shape = readLine(text);
  const stack = structure.stackBefore[line]!.slice();
  const top = () => stack[stack.length - 1];
  const col = Math.min(character, text.length);
  if (shape.commentCol !== undefined && col > shape.commentCol) return undefined;

  const blank = text.trim() === '' || (shape.empty && shape.commentCol !== undefined && col <= shape.indent);
  if (blank || (shape.empty && shape.commentCol === undefined)) {
    const current = top();
    if (current?.leaf && col > current.col) return undefined;
    while (stack.length && top()!.col >= col) stack.pop();
    return { kind: 'key', line, path: pathOfEntry(top()), owner: top(), col, prefix: '', tokenStart: col, tokenEnd: col, hasColon: false };
  }
  if (shape.empty) return undefined; // inside a comment-only line
  const current = top();
  if (current?.leaf && shape.indent > current.col) return undefined; // free text
  if (col < shape.contentCol && !(shape.dashes.length && col > shape.dashes[shape.dashes.length - 1]!)) return undefined;

  for (const entry of structure.entriesOn[line]!) {
    if (entry.kind !== 'item' || entry.col >= col) continue;
    while (stack.length) {
      const t = top()!;
      if (t.col > entry.col || (t.col === entry.col && (t.kind === 'item' || t.leaf))) stack.pop();
      else break;
    }
    stack.push(entry);
  }

  if (shape.key && col <= shape.key.end) {
    if (col < shape.key.start) return undefined;
    while (stack.length && top()!.col >= shape.key.start) stack.pop();
    return {
      kind: 'key',
      line,
      path: pathOfEntry(top()),
      owner: top(),
      col: shape.key.start,
      prefix: text.slice(shape.key.start, col),
      tokenStart: shape.key.start,
      tokenEnd: shape.key.end,
      hasColon: true,
    };
  }
  if (shape.key) {
    if (col <= shape.key.colon) return undefined;
    while (stack.length && top()!.col >= shape.key.start) stack.pop();
    const owner = structure.entriesOn[line]!.find((e) => e.kind === 'key' && e.col === shape.key!.start);
    const path = [...pathOfEntry(top()), shape.key.text];
    const context: CursorContext = {
      kind: 'value',
      line,
      path,
      owner,
      key: shape.key.text,
      col: shape.key.start,
      prefix: '',
      tokenStart: col,
      tokenEnd: col,
      hasColon: true,
      spaceAfterColon: col > shape.key.colon + 1 && /\s/.test(text[shape.key.colon + 1] ?? ''),
    };
    const value = shape.value;
    if (!value || col < value.start) return context;
    if (value.text.startsWith('[')) {
      return flowListContext(context, text, value.start, Math.max(value.end, col), col);
    }
    if (/^[{|>]/.test(value.text)) return undefined;
    const quoted = /^["']/.test(value.text);
    context.tokenStart = quoted ? value.start + 1 : value.start;
    context.tokenEnd = quoted && /["']$/.test(value.text) && value.end - 1 > value.start ? value.end - 1 : value.end;
    if (col < context.tokenStart || col > Math.max(context.tokenEnd, value.end)) return undefined;
    context.prefix = text.slice(context.tokenStart, col);
    return context;
  }
  // No key on the line: `- something`, or a key being typed without its colon yet.
  const lastItem = top();
  const itemHere = lastItem?.kind === 'item' && lastItem.line === line;
  let start = col;
  while (start > shape.contentCol && WORD.test(text[start - 1]!)) start--;
  let end = col;
  while (end < shape.contentEnd && WORD.test(text[end]!)) end++;
  const value = shape.value;
  if (itemHere) {
    if (value && value.text.startsWith('[')) {
      return flowListContext(
        { kind: 'value', line, path: pathOfEntry(lastItem), owner: lastItem, col: shape.contentCol, prefix: '', tokenStart: col, tokenEnd: col, hasColon: false },
        text, value.start, Math.max(value.end, col), col,
      );
    }
    const quoted = value && /^["']/.test(value.text);
    const tokenStart = quoted ? value!.start + 1 : shape.contentCol;
    const tokenEnd = value ? (quoted && /["']$/.test(value.text) ? value.end - 1 : value.end) : col;
    return {
      kind: 'item',
      line,
      path: pathOfEntry(lastItem),
      owner: lastItem,
      col: shape.contentCol,
      prefix: text.slice(tokenStart, Math.max(tokenStart, col)),
      tokenStart,
      tokenEnd: Math.max(tokenEnd, col),
      hasColon: false,
    };
  }
  while (stack.length && top()!.col >= shape.contentCol) stack.pop();
  return {
    kind: 'key',
    line,
    path: pathOfEntry(top()),
    owner: top(),
    col: shape.contentCol,
    prefix: text.slice(start, col),
    tokenStart: start,
    tokenEnd: end,
    hasColon: false,
  };
}

function flowListContext(context: CursorContext, text: string, start: number, end: number, col: number): CursorContext {
  const inner = text.slice(start + 1, end);
  const before = text.slice(start + 1, col);
  if (/[\]]/.test(before)) return { ...context, kind: 'value', inFlowList: false, prefix: '', tokenStart: col, tokenEnd: col };
  const itemIndex = (before.match(/,/g) ?? []).length;
  let tokenStart = start + 1 + Math.max(before.lastIndexOf(','), -1) + 1;
  while (tokenStart < col && /\s|["']/.test(text[tokenStart]!)) tokenStart++;
  let tokenEnd = col;
  while (tokenEnd < text.length && !/[,\]\s"']/.test(text[tokenEnd]!)) tokenEnd++;
  const items = inner.replace(/\].*$/, '').split(',').map((s) => s.trim().replace(/^["']|["']$/g, ''));
  const flowItems = items.filter((_, i) => i !== itemIndex).filter(Boolean);
  return {
    ...context,
    kind: 'value',
    path: [...context.path, itemIndex],
    inFlowList: true,
    flowItems,
    prefix: text.slice(tokenStart, col),
    tokenStart,
    tokenEnd,
  };
}

/** The entry whose key or inline value covers a position, for hover and the like. */
export function entryAt(structure: Structure, line: number, character: number): { entry: Entry; on: 'key' | 'value' } | undefined {
  for (const entry of [...structure.entriesOn[line] ?? []].reverse()) {
    if (entry.kind === 'key' && character >= entry.keyStart! && character <= entry.keyEnd!) return { entry, on: 'key' };
    if (entry.value !== undefined && character >= entry.valueStart! && character <= entry.valueEnd!) return { entry, on: 'value' };
  }
  return undefined;
}
