// Incremental checking must be invisible: after any sequence of edits, the
// grafted tree equals a fresh parse node for node (ranges, values, paths,
// string ranges), and the problems (ranges, messages, fixes, related places),
// suppressions and directives equal a fresh `check`. Random edits, seeded.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { check, parseTde, type CheckResult, type TdeDocument } from '../../server/src/engine';
import { isAlias, isMap, isScalar, isSeq, type Node } from '../../server/src/engine/document';
import { IncrementalParser } from '../../server/src/engine/incremental';
import { parseByEntries } from '../../server/src/engine/incrementalEntries';
import { applyEdit, bases, editArb } from './incrementalEdits';
import { IncrementalChecker } from '../../server/src/engine/incrementalCheck';
import { runs, seed } from '../helpers/seed';

const repo = path.resolve(__dirname, '..', '..');

/** Every node's class, range, value, style and path, in document order. */
function shape(document: TdeDocument): unknown[] {
  const out: unknown[] = [document.yaml.range];
  const visit = (node: unknown): void => {
    if (node == null) {
      out.push(null);
      return;
    }
    const n = node as Node & { flow?: boolean; type?: string; value?: unknown };
    const kind = isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isAlias(n) ? 'alias' : 'other';
    out.push([kind, n.range, n.flow ?? false, n.tag, n.anchor, kind === 'scalar' ? [n.type, n.value] : undefined, document.pathOf(n)]);
    if (isMap(n)) {
      for (const pair of n.items) {
        out.push(['key', document.pathOf(pair.key as Node)]);
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(n)) n.items.forEach(visit);
  };
  visit(document.yaml.contents);
  out.push(document.scalarRanges, document.syntaxIssues, document.text, document.lines.lineCount);
  return out;
}

function sameCheck(text: string, incremental: CheckResult, label: string): void {
  const full = check(text, { fileName: path.join(repo, 'test', 'edited.tde.yaml'), host: { fileExists: () => false, readFile: () => undefined } });
  assert.deepEqual(incremental.problems, full.problems, `${label}: problems`);
  assert.deepEqual(incremental.suppressions, full.suppressions, `${label}: suppressions`);
  assert.deepEqual(incremental.directives, full.directives, `${label}: directives`);
}

describe('incremental checking', function () {
  // A guard against a hang only: the property's 300 cases take minutes on a busy machine.
  this.timeout(600_000);
  let generateProject: (lines: number, errors: number) => string;
  before(async () => {
    ({ generateProject } = await import('../../bench/corpus.mjs' as string));
  });

  it('grafts one re-parsed entry for an edit inside a step of a long file', () => {
    const text = generateProject(2000, 4);
    const parser = new IncrementalParser();
    parser.update(text);
    const at = text.indexOf('summary: Asked for weekly') + 'summary: '.length;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const { document, splice } = parser.update(edited);
    assert.ok(splice, 'grafted, not parsed in full');
    assert.ok(parser.stats.lastChunkLength < 200, `re-parsed ${parser.stats.lastChunkLength} characters`);
    assert.deepEqual(shape(document), shape(parseTde(edited)));
  });

  it('parses a plain file entry by entry into the tree a fresh parse gives', () => {
    const text = generateProject(300, 4);
    const byEntries = parseByEntries(text, 0);
    assert.ok(byEntries, 'parsed entry by entry');
    assert.deepEqual(shape(byEntries.document), shape(parseTde(text)));
  });

  it('parses in full where grafting is not safe', () => {
    const parser = new IncrementalParser();
    const text = generateProject(300, 0);
    parser.update(text);
    const at = text.indexOf('  place:');
    for (const edited of [
      `${text.slice(0, at)}  anchor: &x 1\n${text.slice(at)}`, // an anchor
      text.replace('find:\n', 'find: \n  x: [\n'), // an unclosed flow collection
      text.replace('\nfind:', '\n%YAML 1.2\nfind:'), // a directive
      text.replace('refine:\n', 'find:\n'), // a duplicate top-level key
      `${text.slice(0, at + 9)}\u001b${text.slice(at + 9)}`, // a raw control character in a value
    ]) {
      const before = parser.stats.full;
      const { document } = parser.update(edited);
      assert.equal(parser.stats.full, before + 1, 'a full parse');
      assert.deepEqual(shape(document), shape(parseTde(edited)));
      parser.update(text);
    }
  });

  it('equals a fresh parse and a fresh check after random edits, some checks abandoned midway (fast-check)', () => {
    const samples = bases(generateProject);
    let grafted = 0;
    let steps = 0;
    let abandoned = 0;
    let byEntriesCount = 0;
    const options = { fileName: path.join(repo, 'test', 'edited.tde.yaml'), host: { fileExists: () => false, readFile: () => undefined } };
    // An edit's check runs to its end, or is abandoned at its n-th question (after the parse, after the
    // data, between rules) as when a newer version arrives back to back: the next check must not tell.
    const stepArb = fc.record({ edit: editArb, abandonAt: fc.option(fc.nat({ max: 8 }), { freq: 2 }) });
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(stepArb, { minLength: 1, maxLength: 12 }), (which, edits) => {
        const base = samples[which]!;
        const eol = base.text.includes('\r\n') ? '\r\n' : '\n';
        const checker = new IncrementalChecker();
        let text = base.text;
        checker.check(text);
        const compare = (result: CheckResult | undefined, label: string) => {
          const fresh = shape(parseTde(text));
          // An abandoned check keeps its parse (the next version is grafted onto it): that too must be fresh.
          assert.deepEqual(shape(result?.document ?? checker.parser.current!), fresh, `${label}: tree`);
          if (result) sameCheck(text, result, label);
          return fresh;
        };
        edits.forEach(({ edit, abandonAt }, i) => {
          text = applyEdit(text, edit, eol);
          const label = `${base.name}, edit ${i + 1} (${JSON.stringify(edit)}${abandonAt === null ? '' : `, abandoned at question ${abandonAt}`})`;
          let asked = 0;
          const result = abandonAt === null ? checker.check(text, options) : checker.check(text, options, () => asked++ >= abandonAt);
          if (!result) abandoned++;
          const fresh = compare(result, label);
          const byEntries = parseByEntries(text, 0);
          if (byEntries) {
            assert.deepEqual(shape(byEntries.document), fresh, `${label}: tree parsed by entries`);
            byEntriesCount++;
          }
          steps++;
        });
        // The last version checked in full, whatever was abandoned before it.
        compare(checker.check(text, options, () => false), `${base.name}, after the last edit`);
        grafted += checker.parser.stats.grafted;
      }),
      { seed, numRuns: runs(300) },
    );
    // How much of the run grafted, abandoned checks and parsed by entries (each has its own deterministic test).
    console.log(`      (${steps} edits: ${grafted} grafted, ${abandoned} checks abandoned, ${byEntriesCount} texts also parsed entry by entry)`);
  });
});
