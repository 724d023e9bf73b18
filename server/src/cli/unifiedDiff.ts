// A unified diff of two texts by lines, for --fix-dry-run (the line diff is engine/lineDiff.ts).

import { diffLines, splitLinesKeepingBreaks } from '../engine/lineDiff';

const CONTEXT = 3;

/** A unified diff with three lines of context; empty when the texts are equal. */
export function unifiedDiff(before: string, after: string, fromName: string, toName: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLinesKeepingBreaks(before), splitLinesKeepingBreaks(after));
  const out: string[] = [`--- ${fromName}`, `+++ ${toName}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the
    // last change that is no more than 2*CONTEXT unchanged lines further on.
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    let quiet = 0;
    for (let j = i; j < ops.length; j++) {
      if (ops[j]!.kind === ' ') {
        if (++quiet > 2 * CONTEXT) break;
      } else {
        quiet = 0;
        end = j;
      }
    }
    end = Math.min(ops.length - 1, end + CONTEXT);
    let oldStart = 1;
    let newStart = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j]!.kind !== '+') oldStart++;
      if (ops[j]!.kind !== '-') newStart++;
    }
    const hunk = ops.slice(start, end + 1);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${oldCount ? oldStart : oldStart - 1},${oldCount} +${newCount ? newStart : newStart - 1},${newCount} @@`);
    for (const op of hunk) {
      out.push(`${op.kind}${op.line.replace(/\r?\n$|\r$/, '')}`);
      if (!/[\r\n]$/.test(op.line)) out.push('\\ No newline at end of file');
    }
    i = end + 1;
  }
  return `${out.join('\n')}\n`;
}
