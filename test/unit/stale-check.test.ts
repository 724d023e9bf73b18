// A check whose document has moved on is dropped between rules, not run to
// its end: the newer version is the one anybody will see.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { IncrementalChecker } from '../../server/src/engine/incrementalCheck';

const text = fs.readFileSync(path.join(__dirname, '../../examples/typical-mistakes.tde.yaml'), 'utf8');

describe('engine: a stale check ends early', () => {
  it('ends between rules once it is stale, and the next version is still checked in full', () => {
    const checker = new IncrementalChecker();
    let asked = 0;
    // Fresh for the parse and the first rules, stale from the fourth question on.
    const result = checker.check(text, {}, () => ++asked > 3);
    assert.equal(result, undefined);
    assert.equal(asked, 4, 'it stopped at the first question that said stale');
    const next = checker.check(text, {}, () => false);
    assert.deepEqual(next?.problems, check(text).problems);
  });

  it('a check that never goes stale asks between every rule and finds what a plain check finds', () => {
    let asked = 0;
    const result = new IncrementalChecker().check(text, {}, () => (asked++, false));
    assert.ok(asked > 10, `asked ${asked} times`);
    assert.deepEqual(result?.problems, check(text).problems);
  });
});
