// Every fix and every suggestion the engine offers, applied with applyEdits,
// removes its problem and changes nothing outside its own edits: the rest of
// the text stays byte for byte, and the YAML data changes only at the
// problem's node (or, for a key moved where it belongs, only by the move).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { applyEdits, check, compatibleFixes, loadConfigFor, type Change, type Problem, type RuleSeverities } from '../../server/src/engine';
import { nodeHost } from '../helpers/host';
import { differences } from '../helpers/tdeFiles';

type Path = (string | number)[];

function startsWith(long: Path, prefix: Path): boolean {
  return prefix.every((segment, i) => String(long[i]) === String(segment));
}


// YAML 1.2 reads a lone CR as a line break (the engine does too; the yaml package does not).
const data = (text: string) => parse(text.replace(/\r(?!\n)/g, '\n'), { version: '1.2', schema: 'core' }) as unknown;

/** Whether `after` still has the problem `fixed` (same rule, same node; for schema, same message). */
function stillThere(after: Problem[], fixed: Problem): boolean {
  return after.some((p) => p.rule === fixed.rule && JSON.stringify(p.path) === JSON.stringify(fixed.path) && (p.rule !== 'schema' || p.message === fixed.message));
}

interface Options { fileName?: string; severities?: RuleSeverities }

/** Apply one problem's fix (or one of its suggestions) and check it does what a change must. Returns the new text. */
function applyAndVerify(text: string, problem: Problem, options: Options = {}, fix: Change = problem.fix!): string {
  assert.ok(fix.title.length > 0, 'a fix has a title');
  assert.ok(fix.edits.length > 0, 'a fix has edits');
  const after = applyEdits(text, fix.edits);

  // Byte for byte outside the edits.
  const edits = [...fix.edits].sort((a, b) => a.offset - b.offset);
  let rebuilt = '';
  let at = 0;
  for (const edit of edits) {
    assert.ok(edit.offset >= at, 'the edits of one fix do not overlap');
    rebuilt += text.slice(at, edit.offset) + edit.newText;
    at = edit.offset + edit.length;
  }
  rebuilt += text.slice(at);
  assert.equal(after, rebuilt, 'applyEdits changed text outside the edits');

  // Line breaks: a fix writes the file's own.
  const crlf = text.includes('\r\n');
  for (const edit of fix.edits) {
    if (crlf) assert.doesNotMatch(edit.newText.replace(/\r\n/g, ''), /[\r\n]/, 'a CRLF file gets CRLF');
    else assert.doesNotMatch(edit.newText, /\r/, 'an LF file gets LF');
    // A replacement stays inside the problem's node (a value may take the
    // `:` and white space before it along, to move onto its key's line).
    if (edit.length > 0 && isMove(text, fix)) continue;
    if (edit.length > 0) {
      let start = problem.offset;
      while (start > 0 && /\s/.test(text[start - 1]!)) start--;
      if (text[start - 1] === ':') start--;
      else start = problem.offset;
      assert.ok(edit.offset >= start && edit.offset + edit.length <= problem.offset + problem.length,
        `edit ${JSON.stringify(edit)} reaches outside the problem's range ${problem.offset}+${problem.length}`);
      assert.doesNotMatch(text.slice(edit.offset, edit.offset + edit.length), /#/, 'a fix never drops a comment');
    }
  }

  // The problem is gone, and nothing new is broken in the YAML or the schema.
  const before = check(text, options).problems;
  const result = check(after, options).problems;
  assert.ok(!stillThere(result, problem), `still there after "${fix.title}": ${problem.rule} ${problem.message}\n${after}`);
  assert.ok(!result.some((p) => p.rule === 'yaml-syntax'), 'the fix broke the YAML');
  const schemaBefore = new Set(before.filter((p) => p.rule === 'schema').map((p) => p.message));
  const newSchema = result.filter((p) => p.rule === 'schema' && !schemaBefore.has(p.message));
  assert.deepEqual(newSchema.map((p) => p.message), [], 'the fix introduced a schema problem');

  // The data changes only at the problem's node (or, for a renamed key, beside it).
  const changed = differences(data(text), data(after));
  assert.ok(changed.length > 0, 'the fix changed the data');
  for (const where of changed) {
    const inside = startsWith(where, problem.path);
    const besideKey = problem.path.length > 0 && startsWith(where, problem.path.slice(0, -1)) && where.length >= problem.path.length
      && typeof problem.path[problem.path.length - 1] === 'string';
    assert.ok(inside || besideKey, `the fix changed ${where.join('.')} while fixing ${problem.path.join('.')}`);
  }
  return after;
}

/** A key moved elsewhere: one edit takes out whole lines, another puts the same lines back, indented, elsewhere. */
function isMove(text: string, fix: Change): boolean {
  if (fix.edits.length !== 2) return false;
  const removed = fix.edits.find((e) => e.length > 0 && e.newText === '');
  const added = fix.edits.find((e) => e.length === 0);
  if (!removed || !added) return false;
  const lines = text.slice(removed.offset, removed.offset + removed.length).split(/\r\n|\r|\n/).filter((l) => l.trim());
  const put = added.newText.split(/\r\n|\r|\n/).filter((l) => l.trim());
  const indent = put[0] ? put[0].length - put[0].trimStart().length - (lines[0]!.length - lines[0]!.trimStart().length) : -1;
  return (removed.offset === 0 || /[\r\n]/.test(text[removed.offset - 1]!)) && indent > 0
    && put.length === lines.length && put.every((line, i) => line === ' '.repeat(indent) + lines[i]);
}

function fixableProblems(text: string, options: Options = {}): Problem[] {
  return check(text, options).problems.filter((p) => p.fix);
}

/** The one fixable problem of `rule` in `text`, fixed; returns the new text. */
function fixOne(text: string, rule: string): string {
  const problems = fixableProblems(text).filter((p) => p.rule === rule);
  assert.equal(problems.length, 1, `expected one fixable ${rule} problem, got ${problems.length}`);
  return applyAndVerify(text, problems[0]!);
}

const HEAD = 'tde: 1\nproject:\n  title: Sidewalk repair requests\n  place: City of Linden\n';

describe('engine: fixes', () => {
  it('unknown-tactic: the nearest id, in a plain list item, under `id:`, quoted, and as the intervention', () => {
    const text = `${HEAD}refine:\n  status: not-started\n  tactics:\n    - interview-stakholders  # first\n    - id: consult_the_public\n    - "workshop-with-partner"\ndesign:\n  status: not-started\n  plan:\n    intervention: crowdsource-data-qualty\n    steward: Linden Walks\n`;
    const problems = fixableProblems(text).filter((p) => p.rule === 'unknown-tactic');
    assert.equal(problems.length, 4);
    let fixed = text;
    for (const problem of problems) applyAndVerify(text, problem);
    fixed = applyEdits(text, compatibleFixes(problems.map((p) => p.fix!)).flatMap((f) => f.edits));
    assert.equal(fixed, `${HEAD}refine:\n  status: not-started\n  tactics:\n    - interview-stakeholders  # first\n    - id: consult-the-public\n    - "workshop-with-partners"\ndesign:\n  status: not-started\n  plan:\n    intervention: crowdsource-data-quality\n    steward: Linden Walks\n`);
    assert.deepEqual(check(fixed).problems, []);
  });

  it('unknown-tactic: only the id changes, never a longer id or a comment that contains it', () => {
    const text = `${HEAD}find:\n  status: not-started\n  tactics:\n    - join-public-meeting # not join-public-meeting-notes\n    - id: join-public-meetings\n      notes: join-public-meeting every month\n`;
    assert.equal(fixOne(text, 'unknown-tactic'),
      `${HEAD}find:\n  status: not-started\n  tactics:\n    - join-public-meetings # not join-public-meeting-notes\n    - id: join-public-meetings\n      notes: join-public-meeting every month\n`);
  });

  it("unknown-tactic: the guide's other names are fixed to our ids", () => {
    const other = { 'observe-popular-meetings': 'join-public-meetings', 'seek-out-shared-priorities': 'identify-shared-priorities', 'identify-most-valuable-partners': 'identify-valuable-partners' };
    const find = (ids: string[]) => `${HEAD}find:\n  status: not-started\n  tactics:\n${ids.map((id) => `    - ${id}\n`).join('')}`;
    let text = find(Object.keys(other));
    for (const [name, id] of Object.entries(other)) {
      const problem = check(text).problems.find((p) => p.rule === 'unknown-tactic' && text.slice(p.offset, p.offset + p.length) === name)!;
      assert.match(problem.message, new RegExp(`other name for the tactic "${id}"`));
      text = applyAndVerify(text, problem);
    }
    assert.equal(text, find(Object.values(other)));
    const refine = `${HEAD}refine:\n  status: not-started\n  tactics: [interview-stakeholders-individually]\n`;
    assert.equal(fixOne(refine, 'unknown-tactic'), refine.replace('interview-stakeholders-individually', 'interview-stakeholders'));
  });

  it('unknown-tactic, unknown-use-case: only a clear slip is fixed; a tie, a digit or a short word is a suggestion', () => {
    const useCases = (ids: string[], selected: string) => `${HEAD}refine:\n  status: not-started\n  use_cases:\n${ids.map((id) => `    - id: ${id}\n`).join('')}design:\n  status: not-started\n  selected_use_case: ${selected}\n`;
    const offered = (text: string) => {
      const problem = check(text).problems.find((p) => p.rule === 'unknown-use-case')!;
      return { fix: problem.fix?.title, suggestions: problem.suggestions?.map((s) => s.title) };
    };
    assert.deepEqual(offered(useCases(['phase-1', 'phase-3'], 'phase-2')), { fix: undefined, suggestions: ['Change to "phase-1"', 'Change to "phase-3"'] });
    assert.deepEqual(offered(useCases(['site-a'], 'site-b')), { fix: undefined, suggestions: ['Change to "site-a"'] });
    assert.deepEqual(offered(useCases(['bus-stop-benches'], 'bus-stop-bench')), { fix: undefined, suggestions: ['Change to "bus-stop-benches"'] });
    assert.deepEqual(offered(useCases(['bus-stop-benches'], 'bus-stop-benchs')), { fix: 'Change to "bus-stop-benches"', suggestions: undefined });
    const words = check(`${HEAD}find:\n  status: not-started\n  tactics: [analyze data requests]\n`).problems[0]!;
    assert.equal(words.fix, undefined, 'a tactic written in words is suggested');
    assert.deepEqual(words.suggestions?.map((s) => s.title), ['Change to "analyze-information-requests"']);
  });

  it('unknown-criterion: the nearest criterion of that tactic', () => {
    const text = `${HEAD}find:\n  status: not-started\n  tactics:\n    - id: analyze-information-requests\n      criteria: [feedback-dat, records-request-system]\n`;
    assert.equal(fixOne(text, 'unknown-criterion'),
      `${HEAD}find:\n  status: not-started\n  tactics:\n    - id: analyze-information-requests\n      criteria: [feedback-data, records-request-system]\n`);
  });

  it('unknown-use-case: in `selected_use_case` and in `promising_use_cases`', () => {
    const refine = 'refine:\n  status: not-started\n  use_cases:\n    - id: repair-map\n    - id: school-routes\n  result:\n    promising_use_cases:\n      - school-route\n';
    const text = `${HEAD}${refine}design:\n  status: not-started\n  selected_use_case: 'repair-maps'\n`;
    const problems = fixableProblems(text).filter((p) => p.rule === 'unknown-use-case');
    assert.equal(problems.length, 2);
    for (const problem of problems) applyAndVerify(text, problem);
    const fixed = applyEdits(text, problems.flatMap((p) => p.fix!.edits));
    assert.equal(fixed, `${HEAD}${refine.replace('- school-route\n', '- school-routes\n')}design:\n  status: not-started\n  selected_use_case: 'repair-map'\n`);
  });

  it('unknown-collaborator: the nearest collaborator of Design, as a suggestion only (a name is someone)', () => {
    const text = `${HEAD}design:\n  status: not-started\n  collaborators:\n    - name: Linden Walks\n      role: advocate\n  feedback:\n    - from: Linden Walk\n      via: meeting\n  result:\n    approved_by: [Linden Wakls]\n`;
    const problems = check(text).problems.filter((p) => p.rule === 'unknown-collaborator');
    assert.equal(problems.length, 2);
    assert.ok(problems.every((p) => !p.fix), 'no fix');
    for (const problem of problems) {
      assert.deepEqual(problem.suggestions!.map((s) => s.title), ['Change to "Linden Walks"']);
      assert.match(problem.message, /Did you mean "Linden Walks"\?/);
      applyAndVerify(text, problem, {}, problem.suggestions![0]);
    }
  });

  it('schema: a value of a list is suggested, never fixed: the nearest, a synonym, never its opposite', () => {
    const text = `${HEAD}find:\n  status: not-startd\n  collaborators:\n    - name: Linden Public Works\n      role: goverment # the city\n`;
    const problems = check(text).problems.filter((p) => p.rule === 'schema');
    assert.equal(problems.length, 2);
    assert.ok(problems.every((p) => !p.fix), 'no fix');
    assert.deepEqual(problems.map((p) => p.suggestions!.map((s) => s.title)), [['Change to "not-started"'], ['Change to "government"']]);
    for (const problem of problems) applyAndVerify(text, problem, {}, problem.suggestions![0]);
    const suggestionsFor = (status: string) => check(`${HEAD}find:\n  status: ${status}\n`).problems[0]!.suggestions?.map((s) => s.title) ?? [];
    assert.deepEqual(suggestionsFor('complete'), ['Change to "done"']);
    assert.deepEqual(suggestionsFor('finished'), ['Change to "done"']);
    assert.deepEqual(suggestionsFor('undone'), []);
    const support = check(`${HEAD}refine:\n  status: not-started\n  use_cases:\n    - {id: repair-map, support: high}\n`).problems[0]!;
    assert.deepEqual(support.suggestions?.map((s) => s.title), ['Change to "strong"']);
    assert.match(support.message, /Did you mean "strong"\?/);
  });

  it('schema: a misspelt key is suggested, not renamed (a key decides which checks read its content)', () => {
    const text = `${HEAD}find:\n  status: not-started\n  tactics:\n    - id: join-public-meetings\n      criterias: [standing-meetings]\n`;
    const problem = check(text).problems.find((p) => p.rule === 'schema')!;
    assert.equal(problem.fix, undefined);
    assert.equal(applyAndVerify(text, problem, {}, problem.suggestions![0]), text.replace('criterias', 'criteria'));
  });

  it('schema: `team` at the top level moves under `project`, comment and all', () => {
    const text = `${HEAD}  started: 2024-03-01\nteam: # who\n  - Parks department\n  - Linden Walks\nfind:\n  status: not-started\n`;
    assert.equal(fixOne(text, 'schema'), `${HEAD}  started: 2024-03-01\n  team: # who\n    - Parks department\n    - Linden Walks\nfind:\n  status: not-started\n`);
    const crlf = `${HEAD}team: Parks department\n`.replace(/\n/g, '\r\n');
    assert.equal(fixOne(crlf, 'schema'), `${HEAD}  team: Parks department\n`.replace(/\n/g, '\r\n'));
    const clash = `${HEAD}  team: Parks department\nteam: Linden Walks\n`;
    assert.ok(check(clash).problems.some((p) => p.rule === 'schema' && !p.fix), 'project has a team already: no fix');
  });

  it('schema: a date written 2/27/2024 becomes 2024-02-27; 3/4/2024 offers both readings', () => {
    const dated = (date: string) => `${HEAD}  started: ${date}\n`;
    assert.equal(fixOne(dated('2/27/2024'), 'schema'), dated('2024-02-27'));
    assert.equal(fixOne(dated('27.2.2024'), 'schema'), dated('2024-02-27'));
    assert.equal(fixOne(dated('2024/2/27'), 'schema'), dated('2024-02-27'));
    assert.equal(fixOne(dated('3/3/2024'), 'schema'), dated('2024-03-03'));
    const twoWays = check(dated('3/4/2024')).problems[0]!;
    assert.equal(twoWays.fix, undefined);
    assert.deepEqual(twoWays.suggestions!.map((s) => s.title), ['Change to "2024-03-04" (4 March 2024)', 'Change to "2024-04-03" (3 April 2024)']);
    assert.match(twoWays.message, /Did you mean "2024-03-04" \(4 March 2024\) or "2024-04-03" \(3 April 2024\)\?/);
    for (const suggestion of twoWays.suggestions!) applyAndVerify(dated('3/4/2024'), twoWays, {}, suggestion);
    assert.ok(!check(dated('2/30/2024')).problems[0]!.fix, 'no such day');
  });

  it('schema: a missing `status` is inserted at the step\'s indentation', () => {
    const text = `${HEAD}find:\n  # what we did\n  action: Read a year of 311 requests.\n  notes: x\nrefine:\n  status: not-started\n`;
    assert.equal(fixOne(text, 'schema'), `${HEAD}find:\n  # what we did\n  status: not-started\n  action: Read a year of 311 requests.\n  notes: x\nrefine:\n  status: not-started\n`);
  });

  it('schema: a missing `status` is inserted with CRLF in a CRLF file', () => {
    const text = `${HEAD}find:\n    action: Read a year of 311 requests.\n`.replace(/\n/g, '\r\n');
    assert.equal(fixOne(text, 'schema'), `${HEAD}find:\n    status: not-started\n    action: Read a year of 311 requests.\n`.replace(/\n/g, '\r\n'));
  });

  it('schema: a missing `tde` is inserted at the top', () => {
    const text = '# Sidewalks\nproject:\n  title: Sidewalk repair requests\n  place: City of Linden\n';
    assert.equal(fixOne(text, 'schema'), '# Sidewalks\ntde: 1\nproject:\n  title: Sidewalk repair requests\n  place: City of Linden\n');
  });

  const DESIGN_START = `${HEAD}find:\n  status: skipped\n  skip_reason: Chosen by the council.\nrefine:\n  status: skipped\n  skip_reason: From the hearings.\n  use_cases:\n    - id: repair-map\ndesign:\n  status: in-progress\n  collaborators:\n    - name: Linden Walks\n      role: advocate\n      intended_user: true\n`;

  it('single-use-case: a one-item flow list becomes the single id', () => {
    const text = `${DESIGN_START}  selected_use_case: [repair-map]\n  plan:\n    steward: Linden Walks\n`;
    assert.equal(fixOne(text, 'single-use-case'), `${DESIGN_START}  selected_use_case: repair-map\n  plan:\n    steward: Linden Walks\n`);
  });

  it('single-use-case: a one-item block list becomes the single id', () => {
    const text = `${DESIGN_START}  selected_use_case:\n    - repair-map\n  plan:\n    steward: Linden Walks\n`;
    assert.equal(fixOne(text, 'single-use-case'), `${DESIGN_START}  selected_use_case: repair-map\n  plan:\n    steward: Linden Walks\n`);
  });

  it('single-use-case: a one-item block list in a CRLF file', () => {
    const text = `${DESIGN_START}  selected_use_case:\n    - repair-map\n  plan:\n    steward: Linden Walks\n`.replace(/\n/g, '\r\n');
    assert.equal(fixOne(text, 'single-use-case'), `${DESIGN_START}  selected_use_case: repair-map\n  plan:\n    steward: Linden Walks\n`.replace(/\n/g, '\r\n'));
  });

  it('offers no fix where it would have to guess', () => {
    const text = `${DESIGN_START}  selected_use_case: [repair-map, school-routes]\n  plan:\n    steward: Linden Walks\n`;
    assert.ok(check(text).problems.some((p) => p.rule === 'single-use-case' && !p.fix), 'two use cases: which one?');
    const far = `${HEAD}find:\n  status: not-started\n  tactics: [knock-on-doors]\n`;
    assert.ok(check(far).problems.some((p) => p.rule === 'unknown-tactic' && !p.fix), 'no tactic is near');
    const flow = `${HEAD}find: {action: x}\n`;
    assert.ok(check(flow).problems.some((p) => p.rule === 'schema' && !p.fix), 'no insertion into a flow mapping');
  });

  describe('every fix and suggestion offered on the invalid fixtures', () => {
    const root = path.resolve(__dirname, '..', 'fixtures', 'invalid');
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return files(full);
      return /\.tde\.ya?ml$/.test(entry.name) ? [full] : [];
    }).sort();
    let offered = 0;
    for (const file of files(root)) {
      const text = fs.readFileSync(file, 'utf8');
      const options = { fileName: file, host: nodeHost, severities: loadConfigFor(file, nodeHost).rules };
      const problems = fixableProblems(text, options);
      const suggesting = check(text, options).problems.filter((p) => p.suggestions?.length);
      if (problems.length === 0 && suggesting.length === 0) continue;
      it(path.relative(root, file), () => {
        for (const problem of problems) {
          offered++;
          applyAndVerify(text, problem, options);
        }
        for (const problem of suggesting) {
          for (const suggestion of problem.suggestions!) applyAndVerify(text, problem, options, suggestion);
        }
        const all = compatibleFixes(problems.map((p) => p.fix!));
        const after = check(applyEdits(text, all.flatMap((f) => f.edits)), options).problems;
        for (const problem of problems.filter((p) => all.includes(p.fix!))) assert.ok(!stillThere(after, problem), problem.message);
      });
    }
    after(() => assert.ok(offered > 10, `only ${offered} fixes offered on the fixtures`));
  });
});
