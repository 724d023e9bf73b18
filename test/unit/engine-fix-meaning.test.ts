// The four fixes that changed what a file says (issue "The method, checked
// in depth", part 1): each must now be left alone by `--fix` and "Fix all",
// and offered at most as a suggestion the user picks one at a time.
import * as assert from 'node:assert/strict';
import { check, fixAll, type Problem } from '../../server/src/engine';

const HEAD = 'tde: 1\nproject:\n  title: Park hours\n  place: City of Linden\n';

function only(text: string, rule: string): Problem {
  const found = check(text).problems.filter((p) => p.rule === rule);
  assert.equal(found.length, 1, `expected one ${rule} problem, got ${found.map((p) => p.message).join(' | ')}`);
  return found[0]!;
}

const suggested = (problem: Problem) => (problem.suggestions ?? []).map((s) => s.title);

describe('engine: a fix never changes what the file says', () => {
  it('`formality: informal` is not made `formal` (its opposite)', () => {
    const text = `${HEAD}design:\n  status: not-started\n  plan:\n    formality: informal\n`;
    const problem = only(text, 'schema');
    assert.equal(problem.fix, undefined);
    assert.ok(!suggested(problem).some((t) => t.includes('"formal"')), suggested(problem).join());
    assert.equal(fixAll(text).text, text);
  });

  it('`status: undone` is not made `done`', () => {
    const text = `${HEAD}find:\n  status: undone\n`;
    const problem = only(text, 'schema');
    assert.equal(problem.fix, undefined);
    assert.ok(!suggested(problem).some((t) => t.includes('"done"')), suggested(problem).join());
    assert.equal(fixAll(text).text, text);
  });

  it('feedback from an unknown group is not given to a collaborator with a similar name, and the plan stays unreviewed', () => {
    const text = `${HEAD}design:\n  status: done\n  collaborators:\n    - {name: Elm Street Block Club, role: community-group, intended_user: true}\n    - {name: Parks department, role: government}\n  feedback:\n    - from: Oak Street Block Club\n      via: meeting\n`;
    const problem = check(text).problems.find((p) => p.rule === 'unknown-collaborator')!;
    assert.ok(problem, 'unknown-collaborator is reported');
    assert.equal(problem.fix, undefined);
    assert.deepEqual(suggested(problem), ['Change to "Elm Street Block Club"']);
    assert.match(problem.message, /Did you mean "Elm Street Block Club"\?/);
    const fixed = fixAll(text);
    assert.equal(fixed.text, text);
    assert.ok(fixed.result.problems.some((p) => p.rule === 'unreviewed-plan'), 'unreviewed-plan still speaks');
  });

  it('a use case id with two equally near ids is not fixed to either: both are suggested', () => {
    const text = `${HEAD}refine:\n  status: done\n  use_cases:\n    - id: park-hours-north\n    - id: park-hours-south\ndesign:\n  status: not-started\n  selected_use_case: park-hours-west\n`;
    const problem = only(text, 'unknown-use-case');
    assert.equal(problem.fix, undefined);
    assert.deepEqual(suggested(problem).sort(), ['Change to "park-hours-north"', 'Change to "park-hours-south"']);
    assert.equal(fixAll(text).text, text);
  });
});
