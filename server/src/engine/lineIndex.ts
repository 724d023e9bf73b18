// Offset <-> line/character conversion. Lines end at \n, \r\n or a lone \r,
// as LSP counts them; characters are UTF-16 code units, as LSP and JS count.

interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line. */
  character: number;
}

export class LineIndex {
  /**
   * The offset where each line starts. A typed array: a few bytes a line, kept
   * off the JS heap, so that one index per check of a long file stays cheap.
   */
  private readonly starts: Uint32Array;
  /** A leading byte-order mark takes no column: editors do not show it. */
  private readonly bom: number;

  constructor(readonly text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.starts = text.indexOf('\r') < 0 ? lfStarts(text) : anyBreakStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    const character = clamped - this.starts[low]!;
    return { line: low, character: low === 0 ? Math.max(0, character - this.bom) : character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]! + (position.line === 0 ? this.bom : 0);
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 < this.starts.length) {
      let end = this.starts[line + 1]!;
      if (this.text.charCodeAt(end - 1) === 10) end--;
      if (this.text.charCodeAt(end - 1) === 13) end--;
      return end;
    }
    return this.text.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The file's line break: the first one found, else \n. */
  get eol(): string {
    const m = /\r\n|\r|\n/.exec(this.text);
    return m ? m[0] : '\n';
  }
}

/** Line starts of a text whose lines all end in \n: `indexOf` is far faster than a loop over the characters. */
function lfStarts(text: string): Uint32Array {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Uint32Array(count);
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
  return starts;
}

/** Line starts where lines may also end in \r\n or a lone \r. */
function anyBreakStarts(text: string): Uint32Array {
  const found: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      found.push(i + 1);
    } else if (ch === 10 /* \n */) {
      found.push(i + 1);
    }
  }
  return Uint32Array.from(found);
}
