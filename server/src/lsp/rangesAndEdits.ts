// Conversions between the engine's offsets and LSP positions, the smallest
// set of edits that turns one text into another (for "Fix all"), and the text
// of inserted lines: the file's indent, and values escaped inside snippets.
import type { Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { LineIndex, type TextEdit } from '../engine';
import { diffLines, splitLinesKeepingBreaks } from '../engine/lineDiff';

export function rangeAt(lines: LineIndex, offset: number, length: number): Range {
  return { start: lines.positionAt(offset), end: lines.positionAt(offset + Math.max(0, length)) };
}

export function toLspEdit(lines: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: rangeAt(lines, edit.offset, edit.length), newText: edit.newText };
}

/**
 * Minimal edits from `before` to `after`: the line diff (engine/lineDiff.ts),
 * each run of changed lines then trimmed to the characters that differ.
 * Offsets are in `before`.
 */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const ops = diffLines(splitLinesKeepingBreaks(before), splitLinesKeepingBreaks(after));
  const edits: TextEdit[] = [];
  let offset = 0;
  for (let i = 0; i < ops.length; ) {
    if (ops[i]!.kind === ' ') {
      offset += ops[i++]!.line.length;
      continue;
    }
    const start = offset;
    let oldText = '';
    let newText = '';
    for (; i < ops.length && ops[i]!.kind !== ' '; i++) {
      if (ops[i]!.kind === '-') oldText += ops[i]!.line;
      else newText += ops[i]!.line;
    }
    offset += oldText.length;
    let p = 0;
    while (p < oldText.length && p < newText.length && oldText[p] === newText[p]) p++;
    let s = 0;
    while (s < oldText.length - p && s < newText.length - p && oldText[oldText.length - 1 - s] === newText[newText.length - 1 - s]) s++;
    edits.push({ offset: start + p, length: oldText.length - p - s, newText: newText.slice(p, newText.length - s) });
  }
  return edits;
}

/** The indentation unit the file uses (the smallest step between a key and its child), else 2. */
export function indentUnit(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  let previous = -1;
  let best = Infinity;
  for (const line of lines) {
    const match = /^( *)(?:- +)?[^\s#-]/.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    if (previous >= 0 && indent > previous) best = Math.min(best, indent - previous);
    previous = indent;
  }
  return Number.isFinite(best) && best > 0 && best <= 8 ? best : 2;
}

/** Text as it reads literally inside a snippet (`$`, `}` and `\` escaped). */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

/** One value of a snippet choice `${1|a,b|}` (also `,` and `|` escaped). */
export function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (ch) => `\\${ch}`);
}
