// `tde check --since BASE`: only the problems a change introduced fail the
// check (matched by rule, file through renames, and YAML path, never by
// line), and the old ones are still listed, marked in every format.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeTempTrees, sarifValidator, tde, tdeProcess, tempTree } from './helpers';
import { gitRepo, review } from './gitRepo';
import { buildOnce } from '../helpers/build';

/**
 * main has trees.tde.yaml with a misspelt Find tactic (an error) and a
 * resident's e-mail address (a warning). The working tree fixes the typo,
 * introduces an unknown Refine tactic, and moves every line down by two.
 */
function fixedOneIntroducedAnother(options: { rename?: boolean } = {}) {
  const repo = gitRepo({ 'trees.tde.yaml': review('trees.base.tde.yaml') });
  repo.commit('base');
  if (options.rename) {
    fs.mkdirSync(path.join(repo.dir, 'projects'));
    repo.git('mv', 'trees.tde.yaml', 'projects/trees.tde.yaml');
  }
  repo.write({ [options.rename ? 'projects/trees.tde.yaml' : 'trees.tde.yaml']: review('trees.head.tde.yaml') });
  return repo;
}

interface JsonProblem {
  rule: string;
  line: number;
  baseline?: boolean;
}

describe('tde check --since', function () {
  this.timeout(30000);
  after(removeTempTrees);

  it('fails only on the problem the change introduced, though the old one moved two lines down', async () => {
    const repo = fixedOneIntroducedAnother();
    const plain = await tde(repo.dir, ['check', '-f', 'json']);
    const result = await tde(repo.dir, ['check', '-f', 'json', '--since', 'main']);
    assert.equal(result.code, 1, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.since, { revision: 'main', commit: repo.git('rev-parse', 'main').trim() });
    assert.deepEqual(report.files[0].problems.map((p: JsonProblem) => [p.rule, p.line, p.baseline]), [
      ['personal-contact', 19, true],
      ['unknown-tactic', 34, false],
    ]);
    assert.deepEqual(report.summary.new, { errors: 1, warnings: 0, infos: 0 });
    // Without --since, the same problems and no marks.
    assert.deepEqual(JSON.parse(plain.stdout).files[0].problems.map((p: JsonProblem) => [p.rule, p.baseline]), [
      ['personal-contact', undefined],
      ['unknown-tactic', undefined],
    ]);
  });

  it('passes when the only problems left are old ones, even with --max-warnings 0', async () => {
    const repo = fixedOneIntroducedAnother();
    repo.write({ 'trees.tde.yaml': review('trees.head.tde.yaml').replace('    - walk-the-blocks\n', '') });
    const result = await tde(repo.dir, ['check', '--since', 'main', '--max-warnings', '0']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /personal-contact\] \(existing\)\n/);
    assert.match(result.stdout, /\n  0 new since main \([0-9a-f]{7}\), 1 existing\n/);
    assert.equal((await tde(repo.dir, ['check', '--max-warnings', '0'])).code, 1, 'without --since the old warning counts');
  });

  it('counts only new warnings for --max-warnings', async () => {
    const repo = fixedOneIntroducedAnother();
    repo.write({
      'trees.tde.yaml': review('trees.head.tde.yaml')
        .replace('    - walk-the-blocks\n', '')
        .replace('      contact: pat.lee@example.com\n', '      contact: pat.lee@example.com\n    - name: Jo\n      role: resident\n      contact: jo@example.net\n'),
    });
    const result = await tde(repo.dir, ['check', '--since', 'main', '--max-warnings', '0']);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'tde: too many new warnings: 1 (--max-warnings 0)\n');
  });

  it('follows a renamed file to its old name', async () => {
    const repo = fixedOneIntroducedAnother({ rename: true });
    const report = JSON.parse((await tde(repo.dir, ['check', '-f', 'json', '--since', 'main'])).stdout);
    assert.equal(report.files[0].path, 'projects/trees.tde.yaml');
    assert.deepEqual(report.files[0].problems.map((p: JsonProblem) => [p.rule, p.baseline]), [
      ['personal-contact', true],
      ['unknown-tactic', false],
    ]);
    // Committed on a branch, and checked from inside the folder, the same.
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('moved');
    const inside = JSON.parse((await tde(path.join(repo.dir, 'projects'), ['check', '-f', 'json', '--since', 'main'])).stdout);
    assert.deepEqual(inside.files[0].problems.map((p: JsonProblem) => [p.rule, p.baseline]), [
      ['personal-contact', true],
      ['unknown-tactic', false],
    ]);
  });

  it('counts every problem of a file the base did not have as new', async () => {
    const repo = gitRepo({ 'trees.tde.yaml': review('trees.base.tde.yaml') });
    repo.commit('base');
    repo.write({ 'other.tde.yaml': review('trees.base.tde.yaml') });
    const report = JSON.parse((await tde(repo.dir, ['check', '-f', 'json', '--since', 'main'])).stdout);
    assert.deepEqual(report.files.map((f: { path: string; problems: JsonProblem[] }) => [f.path, f.problems.map((p) => p.baseline)]), [
      ['other.tde.yaml', [false, false]],
      ['trees.tde.yaml', [true, true]],
    ]);
  });

  it('matches several problems of one rule on one node by count', async () => {
    const repo = gitRepo({ 'trees.tde.yaml': review('trees.base.tde.yaml') });
    repo.commit('base');
    // A second unknown tactic: the first stays existing, the second (another path) is new.
    repo.write({ 'trees.tde.yaml': review('trees.base.tde.yaml').replace('    - join-public-meetngs\n', '    - join-public-meetngs\n    - joint-public-meetings\n') });
    const report = JSON.parse((await tde(repo.dir, ['check', '-f', 'json', '--since', 'main'])).stdout);
    assert.deepEqual(report.files[0].problems.map((p: JsonProblem) => [p.rule, p.line, p.baseline]), [
      ['personal-contact', 17, true],
      ['unknown-tactic', 19, true],
      ['unknown-tactic', 20, false],
    ]);
  });

  describe('marks the old problems in every format', () => {
    let dir: string;
    before(() => {
      dir = fixedOneIntroducedAnother().dir;
    });
    const run = (format: string) => tde(dir, ['check', '--since', 'main', '-f', format]);

    it('stylish and compact: (existing)', async () => {
      const stylish = (await run('stylish')).stdout;
      assert.match(stylish, /^  19:16  warning  This looks like a resident's personal e-mail address\..*\[personal-contact\] \(existing\)$/m);
      assert.match(stylish, /^  34:7   error    Unknown tactic "walk-the-blocks"\..*\[unknown-tactic\]$/m);
      assert.match(stylish, /✖ 2 problems \(1 error, 1 warning, 0 infos\)\n  1 new since main \([0-9a-f]{7}\), 1 existing\n/);
      const compact = (await run('compact')).stdout.split('\n');
      assert.match(compact[0]!, /^trees\.tde\.yaml:19:16: warning: .* \[personal-contact\] \(existing\)$/);
      assert.match(compact[1]!, /^trees\.tde\.yaml:34:7: error: .* \[unknown-tactic\]$/);
    });

    it('sarif: baselineState unchanged or new', async () => {
      const log = JSON.parse((await run('sarif')).stdout);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors));
      assert.deepEqual(log.runs[0].results.map((r: { ruleId: string; baselineState: string }) => [r.ruleId, r.baselineState]), [
        ['personal-contact', 'unchanged'],
        ['unknown-tactic', 'new'],
      ]);
    });

    it('github: existing problems as notices, new ones at their level', async () => {
      const lines = (await run('github')).stdout.trim().split('\n');
      assert.match(lines[0]!, /^::notice file=trees\.tde\.yaml,line=19,col=16,.*,title=tde \(personal-contact%2C existing warning\)::Existing warning, not introduced by this change: This looks like/);
      assert.match(lines[1]!, /^::error file=trees\.tde\.yaml,line=34,col=7,.*,title=tde \(unknown-tactic\)::Unknown tactic/);
    });

    it('markdown: a column saying new or existing', async () => {
      const markdown = (await run('markdown')).stdout;
      assert.match(markdown, /\*\*1 new\*\* since <code>main<\/code> \([0-9a-f]{7}\) \(1 error, 0 warnings\), 1 existing\./);
      assert.ok(markdown.includes('| Line | Severity | Rule | Message | Since base |'), markdown);
      assert.match(markdown, /^\| 19:16 \| ⚠️ warning \| .* \| existing \|$/m);
      assert.match(markdown, /^\| 34:7 \| ❌ error \| .* \| 🆕 new \|$/m);
    });
  });

  describe('errors (exit 2)', () => {
    it('outside a git repository', async () => {
      const dir = tempTree({ 'a.tde.yaml': review('library.tde.yaml') });
      const result = await tde(dir, ['check', '--since', 'main']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^tde: not in a git repository/);
    });

    it('for an unknown revision or an empty one', async () => {
      const repo = gitRepo({ 'a.tde.yaml': review('library.tde.yaml') });
      repo.commit('base');
      assert.deepEqual(pick(await tde(repo.dir, ['check', '--since', 'v9'])), [2, 'tde: unknown revision v9 (a branch, tag or commit of this repository)\n']);
      assert.deepEqual(pick(await tde(repo.dir, ['check', '--since', ''])), [2, 'tde: --since needs a git revision (a branch, tag or commit)\n']);
      assert.deepEqual(pick(await tde(repo.dir, ['check', '--since', '--all'])), [2, 'tde: not a revision: --all\n']);
    });
  });

  it('works the same from the real binary', () => {
    buildOnce();
    const repo = fixedOneIntroducedAnother();
    const result = tdeProcess(repo.dir, ['check', '--since', 'main', '-f', 'compact']);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout.split('\n').filter((line) => line.includes('(existing)')).length, 1);
  });
});

function pick(result: { code: number; stderr: string }): [number, string] {
  return [result.code, result.stderr];
}
