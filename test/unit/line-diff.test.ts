// The one line diff (engine/lineDiff.ts), behind --fix-dry-run's unified
// diff and the editor's "Fix all" edits: a shortest edit script, whatever
// the input, in memory that grows with the lines, not lines × changes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import fc from 'fast-check';
import { diffLines } from '../../server/src/engine/lineDiff';
import { minimalEdits } from '../../server/src/lsp/rangesAndEdits';
import { applyEdits } from '../../server/src/engine';

const SEED = Number(process.env.TDE_TEST_SEED ?? 20261206);
const ROOT = path.resolve(__dirname, '../..');

/** The length of a longest common subsequence, by the textbook table (small inputs only). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  }
  return table[0]![0]!;
}

describe('the line diff', () => {
  const lines = fc.array(fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n', 'e'), { maxLength: 30 });

  it(`turns one list of lines into the other with as few changes as can be (seed ${SEED})`, () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const ops = diffLines(a, b);
        assert.deepEqual(ops.filter((op) => op.kind !== '+').map((op) => op.line), a);
        assert.deepEqual(ops.filter((op) => op.kind !== '-').map((op) => op.line), b);
        assert.equal(ops.filter((op) => op.kind === ' ').length, lcsLength(a, b));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it(`gives the editor edits that turn the text into the other (seed ${SEED})`, () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const before = a.join('');
        const after = b.join('');
        assert.equal(applyEdits(before, minimalEdits(before, after)), after);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('shows 4,000 changed lines in a unified diff within 200 MB of memory', function () {
    this.timeout(120000);
    const script = [
      "const { unifiedDiff } = require('./server/src/cli/unifiedDiff');",
      "const before = Array.from({ length: 4000 }, (_, i) => `  - old line ${i}\\n`).join('');",
      "const after = Array.from({ length: 4000 }, (_, i) => `  - new line ${i}\\n`).join('');",
      "const diff = unifiedDiff(before, after, 'a', 'b');",
      "process.stdout.write(String(diff.split('\\n').length));",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--max-old-space-size=200', '-r', './test/register.cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, `ran out of memory or failed: ${run.stderr.slice(-500)}`);
    assert.equal(run.stdout, String(2 + 1 + 8000 + 1));
  });
});
