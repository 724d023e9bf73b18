// A document closed and opened again is checked from the parse it had, and
// still finds exactly what a fresh check of its text finds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { DocumentCheckers } from '../../server/src/lsp/documentCheckers';

const text = fs.readFileSync(path.join(__dirname, '../../examples/typical-mistakes.tde.yaml'), 'utf8');
const uri = (n: number) => `file:///project-${n}.tde.yaml`;

describe('the checkers of closed documents', () => {
  it('a document reopened with the same text is not parsed again, and finds what a fresh check finds', () => {
    const checkers = new DocumentCheckers();
    checkers.of(uri(1)).check(text);
    checkers.close(uri(1));
    const reopened = checkers.of(uri(1));
    const result = reopened.check(text);
    assert.deepEqual(reopened.parser.stats, { full: 1, grafted: 0, unchanged: 1, lastChunkLength: 0 });
    assert.deepEqual(result.problems, check(text).problems);
  });

  it('a document whose file changed while it was closed finds what a fresh check of its new text finds', () => {
    const checkers = new DocumentCheckers();
    checkers.of(uri(1)).check(text);
    checkers.close(uri(1));
    const changed = text.replace('interview-stakholders', 'interview-stakeholders').replace(/^status: .*$/m, 'status: bogus');
    assert.notEqual(changed, text);
    assert.deepEqual(checkers.of(uri(1)).check(changed).problems, check(changed).problems);
  });

  it('keeps the last four closed, and none that failed', () => {
    const checkers = new DocumentCheckers();
    for (let n = 1; n <= 6; n++) checkers.of(uri(n)).check(text);
    for (let n = 1; n <= 6; n++) checkers.close(uri(n));
    const parsedAgain = (n: number) => {
      const checker = checkers.of(uri(n));
      checker.check(text);
      return checker.parser.stats.unchanged === 0;
    };
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(parsedAgain), [true, true, false, false, false, false]);
    checkers.drop(uri(6));
    assert.equal(parsedAgain(6), true);
  });
});
