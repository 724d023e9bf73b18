// "Did you mean": edit distance and the nearest candidate.
import * as assert from 'node:assert/strict';
import { editDistance, nearest } from '../../server/src/engine/suggest';
import { vocabulary } from '../../server/src/engine';

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
});
