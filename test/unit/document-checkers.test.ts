// Parses kept and shared: a document closed and opened again is checked from
// the parse it had, a version the features parsed is checked from their parse,
// and either way the check finds exactly what a fresh check of its text finds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { IncrementalChecker } from '../../server/src/engine/incrementalCheck';
import { DocumentCheckers } from '../../server/src/lsp/documentCheckers';
import { InProcessRunner } from '../../server/src/lsp/validationWorkerInProcess';

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
    const changed = text.replace('interview-stakholders', 'interview-stakeholders').replace(/^(\s+)status: done$/m, '$1status: bogus');
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

describe('one parse per version, shared by the features and the check', () => {
  it('the check of a text the features already parsed parses nothing again, and finds what a fresh check finds', () => {
    const checker = new IncrementalChecker();
    checker.check(text);
    const at = text.indexOf('Went through') + 'Went'.length;
    const after = `${text.slice(0, at)} carefully${text.slice(at)}`;
    const document = checker.parse(after);
    assert.equal(document.text, after);
    const result = checker.check(after);
    assert.deepEqual(checker.parser.stats, { full: 1, grafted: 1, unchanged: 1, lastChunkLength: checker.parser.stats.lastChunkLength });
    assert.equal(result.document, document, 'the check read the parse the features had');
    assert.deepEqual(result.problems, check(after).problems);
  });

  it('on the server\'s thread, the features\' parse of a version is the one its check reads', async () => {
    const runner = new InProcessRunner({ host: { readFile: () => undefined, fileExists: () => false }, log: (message) => assert.fail(message) });
    const document = runner.parse(uri(1), 1, text);
    assert.equal(runner.parse(uri(1), 1, text), document, 'asked twice, parsed once');
    const broken = text.replace(/^(\s+)status: done$/m, '$1status: bogus');
    assert.notEqual(runner.parse(uri(1), 2, broken), document);
    assert.deepEqual(await runner.run({ uri: uri(1), version: 2, text: broken, severities: {} }), {
      kind: 'checked',
      problems: check(broken).problems,
      suppressions: check(broken).suppressions,
      directives: check(broken).directives,
    });
    runner.dispose();
  });
});
