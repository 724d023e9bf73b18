// Fix round-trips over the hostile corpus and every fixture: each fix the
// engine offers changes only its ranges (BOM, line endings, comments, tabs
// and trailing spaces elsewhere stay byte for byte), makes its problem go
// away without breaking the YAML, and `--fix` reaches a fixed point — run
// again, it changes nothing. Then the same through `tde check --fix` as a
// process, on copies of the files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, check, fixAll, decodeTdeBytes, LineIndex, type Problem, type TextEdit } from '../../server/src/engine';
import { corpus, ROOT, writeCorpus, type WrittenCorpus } from './corpus';
import { runCli } from './harness';
import { buildOnce } from '../helpers/build';

/** Every `*.tde.yaml` under test/fixtures/, with its text (strictly decoded; others skipped). */
function fixtureTexts(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tde\.ya?ml$/.test(entry.name)) {
        const decoded = decodeTdeBytes(fs.readFileSync(full));
        if (decoded.ok) found.push({ name: path.relative(ROOT, full), text: decoded.text });
      }
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  return found;
}

function corpusTexts(): { name: string; text: string }[] {
  return corpus().flatMap((entry) => {
    const decoded = decodeTdeBytes(entry.bytes());
    return decoded.ok ? [{ name: `corpus/${entry.name}`, text: decoded.text }] : [];
  });
}

/** At most `max` items, spread over the list (first and last included). */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  if (max === 1) return [items[items.length >> 1]!];
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]!);
}

const sameProblem = (a: Problem, b: Problem) => a.rule === b.rule && a.message === b.message && JSON.stringify(a.path) === JSON.stringify(b.path);

/** The text outside the edits' ranges is the old text, piece for piece. */
function assertOnlyRangesChanged(before: string, after: string, edits: readonly TextEdit[], where: string): void {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let old = 0;
  let now = 0;
  for (const edit of sorted) {
    const kept = before.slice(old, edit.offset);
    assert.equal(after.slice(now, now + kept.length), kept, `${where}: text before offset ${edit.offset} changed`);
    now += kept.length;
    assert.equal(after.slice(now, now + edit.newText.length), edit.newText, `${where}: the edit at ${edit.offset} is not what was applied`);
    now += edit.newText.length;
    old = edit.offset + edit.length;
  }
  assert.equal(after.slice(now), before.slice(old), `${where}: text after the last edit changed`);
}

describe('fix round-trips', function () {
  this.timeout(300_000);
  const texts = [...fixtureTexts(), ...corpusTexts()];

  it('has fixes to try', () => {
    const offered = texts.filter(({ text }) => text.length < 100_000).reduce((n, { text }) => n + check(text).problems.filter((p) => p.fix).length, 0);
    assert.ok(offered >= 20, `only ${offered} fixes offered`);
  });

  for (const { name, text } of texts) {
    it(`${name}: every fix changes only its ranges, removes its problem, and --fix is idempotent`, () => {
      const result = check(text);
      const offered = result.problems.filter((p) => p.fix);
      // Each fix is checked by checking the whole file again: one for the big files.
      const fixable = spread(offered, text.length < 100_000 ? 25 : 1);
      const lines = new LineIndex(text);
      const syntaxBefore = result.problems.filter((p) => p.rule === 'yaml-syntax').length;
      for (const problem of fixable) {
        const where = `${name}: ${problem.fix!.title} (${problem.rule} at ${problem.offset})`;
        const edits = problem.fix!.edits;
        const fixed = applyEdits(text, edits);
        assertOnlyRangesChanged(text, fixed, edits, where);
        for (const edit of edits) {
          // Inserted lines use the file's own line break; a BOM is never touched.
          if (lines.eol === '\r\n') assert.doesNotMatch(edit.newText, /(^|[^\r])\n/, `${where}: a bare LF in a CRLF file`);
          if (text.startsWith('\ufeff')) assert.ok(edit.offset >= 1, `${where}: edits the BOM`);
        }
        const after = check(fixed);
        assert.ok(!after.problems.some((p) => sameProblem(p, problem)), `${where}: the problem is still there`);
        assert.ok(after.problems.filter((p) => p.rule === 'yaml-syntax').length <= syntaxBefore, `${where}: the fix broke the YAML`);
      }
      const once = fixAll(text, {});
      if (offered.length === 0) assert.equal(once.text, text, `${name}: --fix changed a file that offers no fix`);
      const twice = fixAll(once.text, {});
      assert.equal(twice.text, once.text, `${name}: a second --fix changed the text`);
      assert.equal(twice.applied.size, 0, `${name}: a second --fix applied fixes`);
      if (text.startsWith('\ufeff')) assert.ok(once.text.startsWith('\ufeff'), `${name}: --fix lost the BOM`);
    });
  }

  describe('tde check --fix as a process', () => {
    let written: WrittenCorpus;
    before(function () {
      this.timeout(120_000);
      buildOnce();
      // The small files, and the one with 20,000 fixes in one run.
      written = writeCorpus(corpus().filter((e) => !e.pending && (e.bytes().length < 100_000 || e.name.startsWith('fixable-typos'))));
    });
    after(() => written?.remove());

    it('writes exactly the fixed text, keeps the mode, and a second run changes nothing', async function () {
      // Two runs a file, each with its own hang bound (runCli): the whole may take long on a busy machine.
      this.timeout(30 * 60_000);
      for (const { entry, file } of written.files) {
        const before = fs.readFileSync(file);
        const decoded = decodeTdeBytes(before);
        fs.chmodSync(file, 0o640);
        const first = await runCli(['check', '--fix', '--format', 'json', file], { cwd: written.dir });
        assert.ok(first.code === 0 || first.code === 1, `${entry.name}: exit ${first.code}: ${first.stderr}`);
        const after = fs.readFileSync(file);
        if (!decoded.ok) {
          assert.ok(after.equals(before), `${entry.name}: an undecodable file was written`);
          continue;
        }
        assert.equal(after.toString('utf8'), fixAll(decoded.text, { fileName: file }).text, `${entry.name}: the file is not the fixed text`);
        assert.equal(fs.statSync(file).mode & 0o777, 0o640, `${entry.name}: the mode changed`);
        const second = await runCli(['check', '--fix', '--format', 'json', file], { cwd: written.dir });
        assert.ok(second.code === 0 || second.code === 1, `${entry.name}: second run exit ${second.code}`);
        assert.ok(fs.readFileSync(file).equals(after), `${entry.name}: a second --fix changed the file`);
      }
      assert.deepEqual(fs.readdirSync(written.dir).filter((n) => n.includes('tde-fix')), [], 'temporary files left behind');
    });

    it('never writes through a symbolic link', async () => {
      const target = path.join(written.dir, 'target.tde.yaml');
      // A misspelt tactic id: a problem --fix would fix in a plain file.
      fs.writeFileSync(target, 'tde: 1\nproject:\n  title: T\n  place: P\nfind:\n  status: in-progress\n  tactics:\n    - join-public-meeting\n');
      const original = fs.readFileSync(target);
      const link = path.join(written.dir, 'link.tde.yaml');
      fs.symlinkSync(target, link);
      const run = await runCli(['check', '--fix', link], { cwd: written.dir });
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /symbolic link/);
      assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link was replaced');
      assert.ok(fs.readFileSync(target).equals(original), 'the target was written');
    });
  });
});
