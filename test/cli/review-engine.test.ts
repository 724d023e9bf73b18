// The engine's review modules, directly: matching problems across versions
// and the direction a step moved.
import * as assert from 'node:assert/strict';
import type { Problem } from '../../server/src/engine';
import { compareProblems, stepMove } from '../../server/src/engine/review';

const problem = (rule: string, path: (string | number)[], offset = 0): Problem => ({ rule, severity: 'error', message: rule, offset, length: 1, path });

describe('engine review', () => {
  describe('compareProblems', () => {
    it('matches by rule and YAML path, never by offset', () => {
      const base = [problem('unknown-tactic', ['find', 'tactics', 0], 10), problem('schema', ['project'], 20)];
      const current = [problem('unknown-tactic', ['find', 'tactics', 0], 99), problem('schema', ['project', 'title'], 20)];
      const { existing, introduced, fixed } = compareProblems(current, base);
      assert.deepEqual([...existing], [current[0]]);
      assert.deepEqual(introduced, [current[1]]);
      assert.deepEqual(fixed, [base[1]]);
    });

    it('matches several problems with one key by count, in order', () => {
      const base = [problem('schema', ['find'], 1), problem('schema', ['find'], 2)];
      const current = [problem('schema', ['find'], 5), problem('schema', ['find'], 6), problem('schema', ['find'], 7)];
      const { existing, introduced, fixed } = compareProblems(current, base);
      assert.equal(existing.size, 2);
      assert.deepEqual(introduced, [current[2]]);
      assert.deepEqual(fixed, []);
      assert.deepEqual(compareProblems(base, current).fixed, [current[2]]);
    });
  });

  describe('stepMove', () => {
    it('forward towards done, back away from it, changed otherwise', () => {
      assert.equal(stepMove('not-started', 'in-progress'), 'forward');
      assert.equal(stepMove(undefined, 'done'), 'forward');
      assert.equal(stepMove('in-progress', 'skipped'), 'forward');
      assert.equal(stepMove('done', 'in-progress'), 'back');
      assert.equal(stepMove('skipped', 'in-progress'), 'back');
      assert.equal(stepMove('in-progress', undefined), 'back');
      assert.equal(stepMove('done', 'skipped'), 'changed');
      assert.equal(stepMove(undefined, 'not-started'), 'changed');
      assert.equal(stepMove('unknown', 'done'), 'changed');
    });
  });
});
