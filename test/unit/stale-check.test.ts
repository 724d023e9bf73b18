// A check whose document has moved on is dropped between rules, not run to
// its end: the newer version is the one anybody will see.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import { IncrementalChecker } from '../../server/src/engine/incrementalCheck';

const text = fs.readFileSync(path.join(__dirname, '../../examples/typical-mistakes.tde.yaml'), 'utf8');
const clean = fs.readFileSync(path.join(__dirname, '../../examples/lakeside-library-wifi.tde.yaml'), 'utf8');

/** `text` with `insert` typed right after the first `after`. */
function typed(text: string, after: string, insert: string): string {
  const at = text.indexOf(after) + after.length;
  assert.ok(at >= after.length, `${after} is in the text`);
  return text.slice(0, at) + insert + text.slice(at);
}

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

  it('a version abandoned once parsed leaves nothing behind: the next one finds what a fresh check finds', () => {
    const checker = new IncrementalChecker();
    assert.deepEqual(checker.check(clean).problems, []);
    // v2 breaks a status and is dropped as soon as it is parsed; v3 types one character elsewhere.
    const v2 = clean.replace('status: in-progress', 'status: bogus');
    assert.equal(checker.check(v2, {}, () => true), undefined);
    const v3 = typed(v2, 'title: ', 'x');
    const fresh = check(v3).problems;
    assert.deepEqual(fresh.map((p) => p.rule), ['schema'], 'a fresh check reports the bad status');
    assert.deepEqual(checker.check(v3, {}, () => false)?.problems, fresh);
  });

  it('a version abandoned at any point, one or several in a row, leaves the next check equal to a fresh one', () => {
    const v2 = clean.replace('status: in-progress', 'status: bogus');
    const versions = [v2, typed(v2, 'title: ', 'x'), typed(typed(v2, 'title: ', 'x'), 'place: ', 'y'), clean, typed(clean, 'title: ', 'z')];
    // Abandoned after the parse (0), after the data (1), or between rules (2…): every point, for every pair.
    for (let stopAt = 0; stopAt < 6; stopAt++) {
      for (let dropped = 1; dropped < versions.length; dropped++) {
        const checker = new IncrementalChecker();
        checker.check(clean);
        for (const version of versions.slice(0, dropped)) {
          let asked = 0;
          checker.check(version, {}, () => asked++ >= stopAt);
        }
        const last = versions[dropped]!;
        assert.deepEqual(checker.check(last, {}, () => false)?.problems, check(last).problems, `stopped at question ${stopAt}, ${dropped} version(s) dropped`);
      }
    }
  });

  it('a check that never goes stale asks between every rule and finds what a plain check finds', () => {
    let asked = 0;
    const result = new IncrementalChecker().check(text, {}, () => (asked++, false));
    assert.ok(asked > 10, `asked ${asked} times`);
    assert.deepEqual(result?.problems, check(text).problems);
  });
});
