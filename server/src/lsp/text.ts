// Conversions between the engine's offsets and LSP positions, and the
// smallest set of edits that turns one text into another (for "Fix all").
import type { Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { LineIndex, type TextEdit } from '../engine';

export function rangeAt(lines: LineIndex, offset: number, length: number): Range {
  return { start: lines.positionAt(offset), end: lines.positionAt(offset + Math.max(0, length)) };
}

export function toLspEdit(lines: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: rangeAt(lines, edit.offset, edit.length), newText: edit.newText };
}

/** Lines with their line breaks, so that joining them gives the text back. */
function splitKeepingBreaks(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

const MAX_DIFF_CELLS = 4_000_000;

/**
 * Minimal edits from `before` to `after`: a line diff (longest common
 * subsequence), each changed hunk then trimmed to the characters that differ.
 * Offsets are in `before`.
 */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitKeepingBreaks(before);
  const b = splitKeepingBreaks(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const offsets: number[] = [0];
  for (const line of a) offsets.push(offsets[offsets.length - 1]! + line.length);

  const hunks: { aStart: number; aEnd: number; bStart: number; bEnd: number }[] = [];
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n * m > MAX_DIFF_CELLS || n === 0 || m === 0) {
    hunks.push({ aStart: head, aEnd: a.length - tail, bStart: head, bEnd: b.length - tail });
  } else {
    // lcs[i][j]: LCS length of a[head+i..] and b[head+j..]
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = a[head + i] === b[head + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    let open: { aStart: number; bStart: number } | undefined;
    const close = () => {
      if (open) hunks.push({ aStart: open.aStart, aEnd: head + i, bStart: open.bStart, bEnd: head + j });
      open = undefined;
    };
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] === b[head + j]) {
        close();
        i++;
        j++;
      } else {
        open ??= { aStart: head + i, bStart: head + j };
        if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) j++;
        else i++;
      }
    }
    close();
  }

  const edits: TextEdit[] = [];
  for (const hunk of hunks) {
    const start = offsets[hunk.aStart]!;
    const oldText = a.slice(hunk.aStart, hunk.aEnd).join('');
    const newText = b.slice(hunk.bStart, hunk.bEnd).join('');
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
