// The one line diff: which lines of `before` stay, go and come in `after`.
// `--fix-dry-run` shows it as a unified diff; "Fix all" in the editor turns
// it into the smallest edits. Myers' algorithm in linear space (the middle
// snake, then each half): memory grows with the number of lines, never with
// lines × changes, so 4,000 changed lines take kilobytes, not gigabytes.

interface LineOp {
  kind: ' ' | '-' | '+';
  line: string;
}

/** Lines with their line breaks, so that joining them gives the text back (CRLF changes show). */
export function splitLinesKeepingBreaks(text: string): string[] {
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

/** A shortest edit script from `a` to `b`, as the lines kept, removed and added in order. */
export function diffLines(a: readonly string[], b: readonly string[]): LineOp[] {
  // Lines as numbers: comparing them is then cheap however long the lines.
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const x = Int32Array.from(a, idOf);
  const y = Int32Array.from(b, idOf);
  const ops: LineOp[] = [];
  const keep = (from: number, to: number) => {
    for (let i = from; i < to; i++) ops.push({ kind: ' ', line: a[i]! });
  };
  const remove = (from: number, to: number) => {
    for (let i = from; i < to; i++) ops.push({ kind: '-', line: a[i]! });
  };
  const add = (from: number, to: number) => {
    for (let j = from; j < to; j++) ops.push({ kind: '+', line: b[j]! });
  };

  // An explicit stack instead of recursion: a long file must not overflow the call stack.
  type Task = { kind: 'diff'; aLo: number; aHi: number; bLo: number; bHi: number } | { kind: 'keep'; from: number; to: number };
  const stack: Task[] = [{ kind: 'diff', aLo: 0, aHi: x.length, bLo: 0, bHi: y.length }];
  while (stack.length) {
    const task = stack.pop()!;
    if (task.kind === 'keep') {
      keep(task.from, task.to);
      continue;
    }
    let { aLo, aHi, bLo, bHi } = task;
    const prefixStart = aLo;
    while (aLo < aHi && bLo < bHi && x[aLo] === y[bLo]) aLo++, bLo++;
    keep(prefixStart, aLo);
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && x[aHi - suffix - 1] === y[bHi - suffix - 1]) suffix++;
    aHi -= suffix;
    bHi -= suffix;
    const tail: Task = { kind: 'keep', from: aHi, to: aHi + suffix };
    if (aLo === aHi || bLo === bHi) {
      remove(aLo, aHi);
      add(bLo, bHi);
      keep(tail.from, tail.to);
      continue;
    }
    const split = middleSnake(x, aLo, aHi, y, bLo, bHi);
    // A split must leave work on both sides, or the loop would not end.
    if (split === undefined || (split[0] === aLo && split[1] === bLo) || (split[0] === aHi && split[1] === bHi)) {
      // Nothing in common: all of one goes, all of the other comes.
      remove(aLo, aHi);
      add(bLo, bHi);
      keep(tail.from, tail.to);
      continue;
    }
    const [splitA, splitB] = split;
    // Tasks run last-in first-out: the second half and the common tail wait.
    stack.push(tail, { kind: 'diff', aLo: splitA, aHi, bLo: splitB, bHi }, { kind: 'diff', aLo, aHi: splitA, bLo, bHi: splitB });
  }
  return removalsFirst(ops);
}

/** In each run of changed lines, the removed ones before the added ones, as unified diffs show them. */
function removalsFirst(ops: LineOp[]): LineOp[] {
  const out: LineOp[] = [];
  for (let i = 0; i < ops.length; ) {
    if (ops[i]!.kind === ' ') {
      out.push(ops[i++]!);
      continue;
    }
    const added: LineOp[] = [];
    for (; i < ops.length && ops[i]!.kind !== ' '; i++) (ops[i]!.kind === '-' ? out : added).push(ops[i]!);
    out.push(...added);
  }
  return out;
}

/**
 * Where a shortest edit script of a[aLo..aHi) → b[bLo..bHi) crosses the
 * middle (Myers 1986, section 4b; the formulation of Fraser's diff-match-patch),
 * strictly inside both ranges; undefined when they have no line in common.
 * Both ranges are non-empty and differ at both ends.
 */
function middleSnake(x: Int32Array, aLo: number, aHi: number, y: Int32Array, bLo: number, bHi: number): [number, number] | undefined {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const forward = new Int32Array(size).fill(-1);
  const backward = new Int32Array(size).fill(-1);
  forward[offset + 1] = 0;
  backward[offset + 1] = 0;
  const delta = n - m;
  const front = (delta & 1) !== 0;
  let k1Start = 0;
  let k1End = 0;
  let k2Start = 0;
  let k2End = 0;
  for (let d = 0; d < maxD; d++) {
    for (let k1 = -d + k1Start; k1 <= d - k1End; k1 += 2) {
      const i = offset + k1;
      let x1 = k1 === -d || (k1 !== d && forward[i - 1]! < forward[i + 1]!) ? forward[i + 1]! : forward[i - 1]! + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && x[aLo + x1] === y[bLo + y1]) x1++, y1++;
      forward[i] = x1;
      if (x1 > n) k1End += 2;
      else if (y1 > m) k1Start += 2;
      else if (front) {
        const j = offset + delta - k1;
        if (j >= 0 && j < size && backward[j] !== -1 && x1 >= n - backward[j]!) return [aLo + x1, bLo + y1];
      }
    }
    for (let k2 = -d + k2Start; k2 <= d - k2End; k2 += 2) {
      const j = offset + k2;
      let x2 = k2 === -d || (k2 !== d && backward[j - 1]! < backward[j + 1]!) ? backward[j + 1]! : backward[j - 1]! + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && x[aHi - x2 - 1] === y[bHi - y2 - 1]) x2++, y2++;
      backward[j] = x2;
      if (x2 > n) k2End += 2;
      else if (y2 > m) k2Start += 2;
      else if (!front) {
        const i = offset + delta - k2;
        if (i >= 0 && i < size && forward[i] !== -1) {
          const x1 = forward[i]!;
          const y1 = offset + x1 - i;
          if (x1 >= n - x2) return [aLo + x1, bLo + y1];
        }
      }
    }
  }
  return undefined; // no line in common
}
