// The server sends its checking thread the change between two versions of a
// document rather than the whole text: the change must rebuild the new text
// exactly, whatever the two versions are.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { IncrementalChecker } from '../../server/src/engine/incrementalCheck';
import { applyTextChange, textChange } from '../../server/src/lsp/textChange';
import { runs, seed } from '../helpers/seed';

describe('text changes sent to the checking thread', () => {
  it('one typed character is sent as itself, not as the file', () => {
    const before = 'tde: 1\nproject:\n  title: Riverton\n'.repeat(2000);
    const at = before.indexOf('Riverton') + 3;
    const after = `${before.slice(0, at)}x${before.slice(at)}`;
    assert.deepEqual(textChange(before, after), { start: at, end: at, insert: 'x' });
    assert.equal(applyTextChange(before, textChange(before, after)), after);
  });

  it('rebuilds any version from any other, CRLF, astral characters and repeats included', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r\n', ':', '- ', '😀', 'é'), maxLength: 300 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const change = textChange(before, after);
        assert.ok(change.start <= change.end && change.end <= before.length);
        assert.equal(applyTextChange(before, change), after);
      }),
      { seed, numRuns: runs(2000) },
    );
  });

  it('refuses a change that does not fit the text it is applied to', () => {
    assert.throws(() => applyTextChange('short', { start: 3, end: 10, insert: '' }), /does not fit a text of 5 characters/);
  });

  it('the thread hands the change to the parser, which grafts with it and finds what a fresh check finds', () => {
    const before = fs.readFileSync(path.join(__dirname, '../../examples/typical-mistakes.tde.yaml'), 'utf8');
    const checker = new IncrementalChecker();
    checker.check(before);
    // A word typed inside Find's `action`: one entry of the file changes, and only it is parsed again.
    const at = before.indexOf('Went through') + 'Went'.length;
    const after = `${before.slice(0, at)} carefully${before.slice(at)}`;
    const change = textChange(before, after);
    const result = checker.check(after, {}, undefined, { before, start: change.start, end: change.end });
    assert.equal(checker.parser.stats.grafted, 1, 'grafted, not parsed in full');
    assert.ok(checker.parser.stats.lastChunkLength < after.length / 4, `re-parsed ${checker.parser.stats.lastChunkLength} of ${after.length} characters`);
    assert.deepEqual(result?.problems, check(after).problems);
  });

  it('after any edits, what the thread finds with the change is what a fresh check finds', () => {
    const original = fs.readFileSync(path.join(__dirname, '../../examples/typical-mistakes.tde.yaml'), 'utf8');
    const checker = new IncrementalChecker();
    let before = original;
    checker.check(before);
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('x', '', ' ', 'interview-stakeholders', '\n    - consult-the-public'), (at, insert) => {
        const start = at % before.length;
        const after = before.slice(0, start) + insert + before.slice(Math.min(before.length, start + (insert ? 0 : 1)));
        const change = textChange(before, after);
        const result = checker.check(after, {}, undefined, { before, start: change.start, end: change.end });
        assert.deepEqual(result?.problems, check(after).problems);
        before = after;
      }),
      { seed, numRuns: runs(150) },
    );
  });
});
