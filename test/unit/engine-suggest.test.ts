// "Did you mean": edit distance and the nearest candidate.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/engine';
import { CHECK_CELLS, editDistance, nearest, withSuggestionBudget } from '../../server/src/engine/suggest';
import { vocabulary } from '../../server/src/engine';
import { runs, seed } from '../helpers/seed';

const tacticIds = vocabulary.tactics.map((t) => t.id);
const refineIds = vocabulary.tacticsOfStep('refine').map((t) => t.id);

describe('engine: suggest', () => {
  describe('editDistance', () => {
    it('is 0 for equal strings and the length for an empty one', () => {
      assert.equal(editDistance('consult-the-public', 'consult-the-public'), 0);
      assert.equal(editDistance('', 'abc'), 3);
      assert.equal(editDistance('abc', ''), 3);
      assert.equal(editDistance('', ''), 0);
    });

    it('counts insertions, deletions and substitutions', () => {
      assert.equal(editDistance('kitten', 'sitting'), 3);
      assert.equal(editDistance('interview-stakholders', 'interview-stakeholders'), 1);
      assert.equal(editDistance('goverment', 'government'), 1);
      assert.equal(editDistance('analyse', 'analyze'), 1);
    });

    it('counts swapping two adjacent letters as one edit', () => {
      assert.equal(editDistance('ab', 'ba'), 1);
      assert.equal(editDistance('resdient', 'resident'), 1);
    });

    it('is symmetric', () => {
      for (const [a, b] of [['kitten', 'sitting'], ['ab', 'ba'], ['join-public-meeting', 'join-public-meetings'], ['x', 'xyz']] as const) {
        assert.equal(editDistance(a, b), editDistance(b, a));
      }
    });
  });

  describe('nearest', () => {
    it('finds a misspelt tactic id', () => {
      assert.equal(nearest('interview-stakholders', tacticIds), 'interview-stakeholders');
      assert.equal(nearest('join-public-meeting', tacticIds), 'join-public-meetings');
      assert.equal(nearest('crowdsource-data-qualty', tacticIds), 'crowdsource-data-quality');
    });

    it('ignores case, spaces and underscores, and returns the candidate as written', () => {
      assert.equal(nearest('Interview Stakeholders', tacticIds), 'interview-stakeholders');
      assert.equal(nearest('consult_the_public', tacticIds), 'consult-the-public');
      assert.equal(nearest('  CONSULT THE PUBLIC ', refineIds), 'consult-the-public');
      assert.equal(nearest('linden walks', ['Linden Walks', 'Linden Public Works']), 'Linden Walks');
    });

    it('says nothing when no candidate is close', () => {
      assert.equal(nearest('knock-on-doors', tacticIds), undefined);
      assert.equal(nearest('volunteer', vocabulary.enums.role!.map((r) => r.value)), undefined);
      assert.equal(nearest('anything', []), undefined);
    });

    it('allows a third of the word in edits, and at least two', () => {
      assert.equal(nearest('ab', ['xy']), 'xy', 'two edits are always allowed');
      assert.equal(nearest('abc', ['xyz']), undefined, 'three edits in three letters are another word');
      assert.equal(nearest('abcdefghi', ['abcxyzghi']), 'abcxyzghi', 'nine letters allow three edits');
      assert.equal(nearest('abcdefghi', ['abwxyzghi']), undefined, 'but not four');
    });

    it('prefers the closest candidate', () => {
      assert.equal(nearest('formal', ['light', 'formal']), 'formal');
      assert.equal(nearest('in-progres', ['not-started', 'in-progress', 'done', 'skipped']), 'in-progress');
      assert.equal(nearest('school-route', ['repair-map', 'school-routes']), 'school-routes');
    });

    it('gives up on very long words', () => {
      assert.equal(nearest('a'.repeat(500), ['a'.repeat(499)]), undefined);
    });
  });

  describe('bounds', () => {
    /** The plain matrix, for comparison. */
    function reference(a: string, b: string): number {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    }

    it('stopping early past a maximum changes no answer within it', () => {
      const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 14 });
      fc.assert(
        fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
          const exact = reference(a, b);
          assert.equal(editDistance(a, b), exact);
          assert.equal(editDistance(a, b, max), exact <= max ? exact : max + 1);
        }),
        { seed, numRuns: runs(3000) },
      );
    });

    it('a check spends a bounded effort on suggestions: the first misspellings get one, the rest are still reported', () => {
      const ids = Array.from({ length: 20_000 }, (_, i) => `    - intervew-stakeholders-${String(i).padStart(5, '0')}`);
      const text = ['tde: 1', 'project:', '  title: T', '  place: P', 'find:', '  status: in-progress', '  tactics:', ...ids, ''].join('\n');
      const unknown = check(text).problems.filter((p) => p.rule === 'unknown-tactic');
      assert.equal(unknown.length, 20_000, 'every unknown id is still reported');
      const suggested = unknown.filter((p) => /did you mean/i.test(p.message)).length;
      assert.ok(suggested > 0 && suggested < 20_000, `${suggested} of 20,000 got a suggestion`);
      assert.ok(/did you mean/i.test(unknown[0]!.message), 'the first one in the file does');
    });

    it('the budget belongs to one check and is restored after it', () => {
      const inner = withSuggestionBudget(0, () => nearest('formal', ['formal', 'light']));
      assert.equal(inner, undefined, 'no budget, no search');
      assert.equal(nearest('formal', ['light', 'formal']), 'formal');
      assert.ok(CHECK_CELLS >= 1_000_000);
    });
  });
});
