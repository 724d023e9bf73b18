// A pull request cannot choose its own gate: with --since, new problems are
// judged under the base revision's `.tderc.yaml`, and the review says what
// the change does to the configuration (which rules it turns off or down,
// which files that covers).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeTempTrees, tde, tempTree } from './helpers';
import { gitRepo } from './gitRepo';

const CLEAN = 'tde: 1\nproject:\n  title: Trees\n  place: Riverton\n';
const BROKEN = [
  'tde: 1',
  'project:',
  '  title: Parks',
  '  place: Riverton',
  'find:',
  '  status: in-progress',
  '  tactics:',
  '    - a-walk-in-the-park',
  '    - another-made-up-tactic',
  '',
].join('\n');

function pullRequestWithItsOwnGate() {
  const repo = gitRepo({ 'trees.tde.yaml': CLEAN });
  const base = repo.commit('base');
  repo.write({ 'parks.tde.yaml': BROKEN, '.tderc.yaml': 'rules:\n  unknown-tactic: off\n  missing-collaborators: info\n' });
  repo.commit('the pull request');
  return { repo, base };
}

describe('--since judges new problems under the base revision\'s configuration', function () {
  this.timeout(30000);
  after(removeTempTrees);

  it('ci-summary fails on the problems a new .tderc.yaml turns off, and the review names the change', async () => {
    const { repo, base } = pullRequestWithItsOwnGate();
    const runner = tempTree();
    const summary = path.join(runner, 'summary.md');
    const result = await tde(repo.dir, ['ci-summary', '--since', base, '--summary-file', summary]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /::error file=parks\.tde\.yaml.*unknown-tactic|Unknown tactic/);
    const review = fs.readFileSync(summary, 'utf8');
    assert.match(review, /Configuration changed/);
    assert.match(review, /\.tderc\.yaml/);
    assert.match(review, /unknown-tactic off \(was error\)/);
    assert.match(review, /missing-collaborators down to info/);
    assert.match(review, /covers parks\.tde\.yaml, trees\.tde\.yaml/);
  });

  it('check --since does the same, and says so on stderr; --config still decides when given', async () => {
    const { repo, base } = pullRequestWithItsOwnGate();
    const result = await tde(repo.dir, ['check', '--since', base, '--format', 'json']);
    assert.equal(result.code, 1);
    assert.ok(JSON.parse(result.stdout).files.some((f: { problems: { rule: string }[] }) => f.problems.some((p) => p.rule === 'unknown-tactic')));
    assert.match(result.stderr, /This change adds the configuration \.tderc\.yaml; it turns .*unknown-tactic off/);
    const markdown = await tde(repo.dir, ['check', '--since', base, '--format', 'markdown']);
    assert.match(markdown.stdout, /Configuration changed/);
    const given = await tde(repo.dir, ['check', '--since', base, '--config', '.tderc.yaml', '--format', 'json']);
    assert.equal(given.code, 0, given.stdout);
  });
});
