// The YAML mistakes people make most get plain words, in the reader's
// language, instead of the parser's own (English, about "implicit keys" and
// "compact mappings").
import * as assert from 'node:assert/strict';
import { check } from '../../server/src/engine';

const CASES: [what: string, text: string, english: string][] = [
  ['a tab used for indentation', 'tde: 1\nproject:\n\ttitle: A\n', 'A tab indents this line, and YAML indents with spaces only: replace the tab with spaces.'],
  ['a double quote left open', 'tde: 1\nproject:\n  title: "A\n', 'This value opens a quote (") that is never closed: add the closing " where the value ends.'],
  ['a single quote left open', "tde: 1\nproject:\n  title: 'A\n", "This value opens a quote (') that is never closed: add the closing ' where the value ends."],
  ['a list item without its dash', 'tde: 1\nfind:\n  tactics:\n  - id: x\n   criteria: y\n', 'This line is in a list but does not start with "- ": start each item with a dash and a space, or indent the line to carry on the item above.'],
  ['a key without its colon', 'tde: 1\nproject:\n  title A\n  place: B\n', 'YAML cannot read this line as "key: value": put a colon and a space after the key (title: Riverton eviction data), or indent the line to carry on the value above.'],
  ['a bracket left open', 'tde: 1\nproject:\n  title: [A, B\n', 'A list written in square brackets is not closed: add the closing "]" (team: [Data office, Library]).'],
  ['a brace left open', 'tde: 1\nproject: {title: A\n', 'A group of keys written in braces is not closed: add the closing "}" ({name: Ana, role: resident}).'],
  ['a key out of line', 'tde: 1\nproject:\n    title: A\n  place: B\n', 'This key is not lined up with the keys beside it: keys at the same level start in the same column.'],
  ['a value holding ": "', 'tde: 1\nproject:\n  title: Eviction data: a guide\n', 'This value holds ": ", which YAML reads as the start of another key: put the whole value in quotes (title: "Eviction data: a guide"), or, if the next line starts a new key, line it up with the keys above it.'],
  ['a list item among keys', 'tde: 1\nproject:\n  title: A\n  - b\n', 'A list item ("- …") cannot sit among the keys of a group: put the list under a key of its own, indented below it (team:, then "  - Library" on the next line).'],
];

describe('YAML mistakes in plain words', () => {
  for (const [what, text, english] of CASES) {
    it(`${what}: says what is wrong and the shape to write, in English and in Spanish`, () => {
      const [first] = check(text).problems;
      assert.equal(first?.rule, 'yaml-syntax');
      assert.equal(first.message, english);
      const [spanish] = check(text, { language: 'es' }).problems;
      assert.equal(spanish?.offset, first.offset);
      assert.doesNotMatch(spanish!.message, /YAML syntax|Sintaxis YAML|implicit|mapping|indentation| the /i, spanish!.message);
    });
  }

  it('a rarer parser error still gets the parser\'s words, after ours', () => {
    const [first] = check('tde: 1\nproject: &a &b x\n').problems;
    assert.equal(first?.rule, 'yaml-syntax');
    assert.match(first.message, /^YAML syntax: /);
  });
});
