// LineIndex: offsets <-> positions as LSP counts them (lines end at \n, \r\n
// or a lone \r; characters are UTF-16 code units).
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine';

/** Offsets that are not inside a line break (the only ones a position can name). */
function contentOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    if (text[i - 1] === '\r' && text[i] === '\n') continue;
    offsets.push(i);
  }
  return offsets;
}

describe('engine: LineIndex', () => {
  it('counts LF lines and maps both ways', () => {
    const lines = new LineIndex('tde: 1\nproject:\n  title: x\n');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(7), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(18), { line: 2, character: 2 });
    assert.equal(lines.offsetAt({ line: 2, character: 2 }), 18);
    assert.equal(lines.lineText(1), 'project:');
    assert.equal(lines.eol, '\n');
  });

  it('treats CRLF as one line break', () => {
    const text = 'a: 1\r\nb: 2\r\n\r\nc: 3';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(6), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 3, character: 0 });
    assert.equal(lines.lineStart(1), 6);
    assert.equal(lines.lineEnd(0), 4, 'the line ends before \\r\\n');
    assert.equal(lines.lineText(0), 'a: 1');
    assert.equal(lines.lineText(2), '');
    assert.equal(lines.eol, '\r\n');
  });

  it('treats a lone CR as a line break', () => {
    const text = 'a: 1\rb: 2\rc: 3';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 3);
    assert.deepEqual(lines.positionAt(5), { line: 1, character: 0 });
    assert.equal(lines.offsetAt({ line: 2, character: 3 }), 13);
    assert.equal(lines.lineText(1), 'b: 2');
    assert.equal(lines.eol, '\r');
  });

  it('handles mixed line breaks, and the first one found is the file\'s', () => {
    const text = 'a\r\nb\nc\rd';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineText(l)), ['a', 'b', 'c', 'd']);
    assert.equal(lines.eol, '\r\n');
  });

  it('round-trips every offset outside a line break, in LF, CRLF and CR text', () => {
    for (const text of ['x: 1\ny:\n  - a\n', 'x: 1\r\ny:\r\n  - a\r\n', 'x: 1\ry:\r  - a\r', '\n\r\n\r', '']) {
      const lines = new LineIndex(text);
      for (const offset of contentOffsets(text)) {
        assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `${JSON.stringify(text)} @ ${offset}`);
      }
    }
  });

  it('round-trips every position within the lines', () => {
    const text = 'tde: 1\r\nproject:\n  title: x\r  place: y';
    const lines = new LineIndex(text);
    for (let line = 0; line < lines.lineCount; line++) {
      for (let character = 0; character <= lines.lineText(line).length; character++) {
        assert.deepEqual(lines.positionAt(lines.offsetAt({ line, character })), { line, character });
      }
    }
  });

  it('counts characters in UTF-16 code units', () => {
    const text = 'title: Café 🚲 map\nplace: x';
    const lines = new LineIndex(text);
    const at = text.indexOf('map');
    assert.deepEqual(lines.positionAt(at), { line: 0, character: 'title: Café 🚲 '.length });
    assert.equal('title: Café 🚲 '.length, 15, 'the bicycle is two code units');
  });

  it('clamps positions and offsets out of range', () => {
    const text = 'ab\ncd';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2, 'past the end of a line: the line end, not the next line');
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
    assert.equal(lines.offsetAt({ line: -1, character: 4 }), 0);
    assert.equal(lines.offsetAt({ line: 1, character: -3 }), 3);
  });

  it('gives an empty last line after a final line break', () => {
    const lines = new LineIndex('a\r\n');
    assert.equal(lines.lineCount, 2);
    assert.equal(lines.lineText(1), '');
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  });
});
