// The server sends its checking thread the change between two versions of a
// document rather than the whole text: the change must rebuild the new text
// exactly, whatever the two versions are.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyTextChange, textChange } from '../../server/src/lsp/textChange';

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
      { numRuns: 2000 },
    );
  });

  it('refuses a change that does not fit the text it is applied to', () => {
    assert.throws(() => applyTextChange('short', { start: 3, end: 10, insert: '' }), /does not fit a text of 5 characters/);
  });
});
