// The server sends its checking thread the client's own change between two
// versions of a document rather than the whole text: composed from the
// client's content changes, it must rebuild the newer text exactly, whatever
// the edits in between were.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/engine';
import { applyTextChange } from '../../server/src/engine/incremental';
import { IncrementalChecker } from '../../server/src/engine/incrementalCheck';
import { DocumentChanges } from '../../server/src/lsp/documentChanges';
import { InProcessRunner } from '../../server/src/lsp/validationWorkerInProcess';
import { runs, seed } from '../helpers/seed';
const URI = 'file:///project.tde.yaml';

/** A document as `TextDocuments` keeps it, with its changes recorded; the text of every version. */
function open(text: string) {
  const changes = new DocumentChanges();
  const document = changes.configuration.create(URI, 'tde-yaml', 1, text);
  const texts = new Map([[1, text]]);
  const edit = (events: TextDocumentContentChangeEvent[]) => {
    const version = document.version + 1;
    changes.configuration.update(document, events, version);
    texts.set(version, document.getText());
    return version;
  };
  return { changes, document, texts, edit };
}

describe('the client\'s changes sent to the checking thread', () => {
  it('one typed character is sent as itself, not as the file', () => {
    const before = 'tde: 1\nproject:\n  title: Riverton\n'.repeat(2000);
    const { changes, document, edit } = open(before);
    const at = document.positionAt(before.indexOf('Riverton') + 3);
    const version = edit([{ range: { start: at, end: at }, text: 'x' }]);
    const offset = before.indexOf('Riverton') + 3;
    assert.deepEqual(changes.between(URI, 1, version, document.getText()), { start: offset, end: offset, insert: 'x' });
  });

  it('rebuilds any version from any earlier one, whatever the edits between: ranges, whole texts, CRLF, astral characters', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', ':', '- ', '😀', 'é');
    const text = fc.string({ unit, maxLength: 120 });
    // An edit as a client sends it: offsets (mapped to positions in the text it applies to) or the whole text.
    const event = fc.oneof(
      { arbitrary: fc.record({ a: fc.nat(), b: fc.nat(), insert: fc.string({ unit, maxLength: 8 }) }), weight: 5 },
      { arbitrary: fc.record({ whole: text }), weight: 1 },
    );
    fc.assert(
      fc.property(text, fc.array(fc.array(event, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), fc.nat(), fc.nat(), (initial, edits, x, y) => {
        const { changes, document, texts, edit } = open(initial);
        for (const events of edits) {
          // Several changes in one message apply one after the other: each range is in the text the one before left.
          const scratch = TextDocument.create(URI, 'tde-yaml', 0, document.getText());
          const lsp = events.map((e): TextDocumentContentChangeEvent => {
            const length = scratch.getText().length;
            const [p, q] = 'whole' in e ? [0, 0] : ([e.a % (length + 1), e.b % (length + 1)].sort((m, n) => m - n) as [number, number]);
            const change = 'whole' in e ? { text: e.whole } : { range: { start: scratch.positionAt(p), end: scratch.positionAt(q) }, text: e.insert };
            TextDocument.update(scratch, [change], scratch.version + 1);
            return change;
          });
          edit(lsp);
        }
        const last = document.version;
        const from = 1 + (x % last);
        const to = from + (y % (last - from + 1));
        const change = changes.between(URI, from, to, texts.get(to)!);
        assert.ok(change, `versions ${from} to ${to} are known`);
        assert.ok(change.start <= change.end && change.end <= texts.get(from)!.length);
        assert.equal(applyTextChange(texts.get(from)!, change), texts.get(to));
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
    const change = { start: at, end: at, insert: ' carefully' };
    const after = applyTextChange(before, change);
    const result = checker.check(after, {}, undefined, { ...change, before });
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
        const change = { start, end: Math.min(before.length, start + (insert ? 0 : 1)), insert };
        const after = applyTextChange(before, change);
        const result = checker.check(after, {}, undefined, { ...change, before });
        assert.deepEqual(result?.problems, check(after).problems);
        before = after;
      }),
      { seed, numRuns: runs(150) },
    );
  });

  it('a small document checked on the server\'s own thread is also handed the client\'s change, and finds what a fresh check finds', async () => {
    const before = fs.readFileSync(path.join(__dirname, '../../examples/typical-mistakes.tde.yaml'), 'utf8');
    const { changes, document, edit } = open(before);
    const asked: [number, number][] = [];
    const runner = new InProcessRunner({
      host: { readFile: () => undefined, fileExists: () => false },
      log: (message) => assert.fail(message),
      changes: { between: (uri, from, to, text) => (asked.push([from, to]), changes.between(uri, from, to, text)) },
    });
    const job = () => ({ uri: URI, version: document.version, text: document.getText(), severities: {} });
    assert.deepEqual(await runner.run(job()), { kind: 'checked', ...pick(check(before)) });
    const at = document.positionAt(before.indexOf('Went through') + 'Went'.length);
    edit([{ range: { start: at, end: at }, text: ' carefully' }]);
    edit([{ range: { start: at, end: at }, text: ' very' }]);
    const outcome = await runner.run(job());
    assert.deepEqual(asked, [[1, 3]], 'asked once, for the change from the version it last checked');
    assert.deepEqual(outcome, { kind: 'checked', ...pick(check(document.getText())) });
    runner.dispose();
  });
});

function pick(result: ReturnType<typeof check>) {
  return { problems: result.problems, suppressions: result.suppressions, directives: result.directives };
}
