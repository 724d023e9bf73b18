// Every fix the engine offers, applied with applyEdits, removes its problem
// and changes nothing outside its own edits: the rest of the text stays byte
// for byte, and the YAML data changes only at the problem's node.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { applyEdits, check, compatibleFixes, loadConfigFor, type Problem, type RuleSeverities } from '../../server/src/engine';
import { nodeHost } from '../helpers/host';

type Path = (string | number)[];

function startsWith(long: Path, prefix: Path): boolean {
  return prefix.every((segment, i) => String(long[i]) === String(segment));
}

/** Paths where two plain-data values differ (added, removed or changed). */
function differences(a: unknown, b: unknown, at: Path = []): Path[] {
  if (Object.is(a, b)) return [];
  const bothObjects = a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) return [at];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...at, key]));
}

// YAML 1.2 reads a lone CR as a line break (the engine does too; the yaml package does not).
const data = (text: string) => parse(text.replace(/\r(?!\n)/g, '\n'), { version: '1.2', schema: 'core' }) as unknown;

/** Whether `after` still has the problem `fixed` (same rule, same node; for schema, same message). */
function stillThere(after: Problem[], fixed: Problem): boolean {
  return after.some((p) => p.rule === fixed.rule && JSON.stringify(p.path) === JSON.stringify(fixed.path) && (p.rule !== 'schema' || p.message === fixed.message));
}

interface Options { fileName?: string; severities?: RuleSeverities }

/** Apply one problem's fix and check it does what a fix must. Returns the new text. */
function applyAndVerify(text: string, problem: Problem, options: Options = {}): string {
  const fix = problem.fix!;
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

  it('unknown-collaborator: the nearest collaborator of Design', () => {
    const text = `${HEAD}design:\n  status: not-started\n  collaborators:\n    - name: Linden Walks\n      role: advocate\n  feedback:\n    - from: Linden Walk\n      via: meeting\n  result:\n    approved_by: [Linden Wakls]\n`;
    const problems = fixableProblems(text).filter((p) => p.rule === 'unknown-collaborator');
    assert.equal(problems.length, 2);
    for (const problem of problems) applyAndVerify(text, problem);
    assert.equal(applyEdits(text, problems.flatMap((p) => p.fix!.edits)),
      `${HEAD}design:\n  status: not-started\n  collaborators:\n    - name: Linden Walks\n      role: advocate\n  feedback:\n    - from: Linden Walks\n      via: meeting\n  result:\n    approved_by: [Linden Walks]\n`);
  });

  it('schema: an enum typo becomes the nearest allowed value', () => {
    const text = `${HEAD}find:\n  status: not-startd\n  collaborators:\n    - name: Linden Public Works\n      role: goverment # the city\n`;
    const problems = fixableProblems(text).filter((p) => p.rule === 'schema');
    assert.equal(problems.length, 2);
    for (const problem of problems) applyAndVerify(text, problem);
    assert.equal(applyEdits(text, problems.flatMap((p) => p.fix!.edits)),
      `${HEAD}find:\n  status: not-started\n  collaborators:\n    - name: Linden Public Works\n      role: government # the city\n`);
  });

  it('schema: a misspelt key is renamed', () => {
    const text = `${HEAD}find:\n  status: not-started\n  tactics:\n    - id: join-public-meetings\n      criterias: [standing-meetings]\n`;
    assert.equal(fixOne(text, 'schema'), text.replace('criterias', 'criteria'));
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

  describe('every fix offered on the invalid fixtures', () => {
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
      if (problems.length === 0) continue;
      it(path.relative(root, file), () => {
        for (const problem of problems) {
          offered++;
          applyAndVerify(text, problem, options);
        }
        const all = compatibleFixes(problems.map((p) => p.fix!));
        const after = check(applyEdits(text, all.flatMap((f) => f.edits)), options).problems;
        for (const problem of problems.filter((p) => all.includes(p.fix!))) assert.ok(!stillThere(after, problem), problem.message);
      });
    }
    after(() => assert.ok(offered > 10, `only ${offered} fixes offered on the fixtures`));
  });
});
