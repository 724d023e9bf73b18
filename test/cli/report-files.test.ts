// A pull request may commit a symbolic link where the workflow writes a
// report (`tde.sarif -> ../victim/file`): every file tde writes is a new one
// that replaces the link, and what the link points to is never written or read.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, removeTempTrees, tde, tempTree } from './helpers';

const PROJECT = 'tde: 1\nproject:\n  title: Trees\n  place: Riverton\nfind:\n  status: in-progres\n';
const VICTIM = 'the victim file, which no report may touch\n';

/** A checkout with links planted at every report name, each to its own victim outside it. */
function plantedCheckout(names: readonly string[]): { dir: string; victims: Map<string, string> } {
  const outside = tempTree();
  const dir = tempTree({ 'trees.tde.yaml': PROJECT });
  const victims = new Map<string, string>();
  for (const name of names) {
    const victim = path.join(outside, `${name}.victim`);
    fs.writeFileSync(victim, VICTIM);
    fs.symlinkSync(victim, path.join(dir, name));
    victims.set(name, victim);
  }
  return { dir, victims };
}

function assertReplaced(dir: string, victims: Map<string, string>, expected: RegExp): void {
  for (const [name, victim] of victims) {
    assert.equal(fs.readFileSync(victim, 'utf8'), VICTIM, `${name}: the file the link pointed to is unchanged`);
    const stat = fs.lstatSync(path.join(dir, name));
    assert.ok(stat.isFile() && !stat.isSymbolicLink(), `${name} is now a file of its own`);
    assert.match(fs.readFileSync(path.join(dir, name), 'utf8'), expected, name);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('.tde-')), [], 'no temporary file is left');
  }
}

describe('report files are written as new files, never through a link', function () {
  this.timeout(30000);
  after(removeTempTrees);

  it('check --output, status --output and diff --output replace a planted link', async () => {
    const { dir, victims } = plantedCheckout(['check.sarif', 'status.md', 'diff.json']);
    assert.equal((await tde(dir, ['check', '--format', 'sarif', '--output', 'check.sarif', 'trees.tde.yaml'])).code, 1);
    assert.equal((await tde(dir, ['status', '--format', 'markdown', '--output', 'status.md'])).code, 0);
    await tde(dir, ['diff', '--format', 'json', '--output', 'diff.json', 'trees.tde.yaml', 'trees.tde.yaml']);
    assertReplaced(dir, new Map([...victims].filter(([name]) => name !== 'diff.json')), /./);
    assert.equal(fs.readFileSync(victims.get('diff.json')!, 'utf8'), VICTIM);
  });

  it('ci-summary --sarif-file, --comment-file, --summary-file and GITHUB_OUTPUT replace planted links, reading none', async () => {
    const { dir, victims } = plantedCheckout(['tde.sarif', 'comment.md', 'summary.md', 'outputs.txt']);
    const result = await tde(dir, ['ci-summary', '--sarif-file', 'tde.sarif', '--comment-file', 'comment.md', '--summary-file', 'summary.md'], {
      env: { GITHUB_OUTPUT: path.join(dir, 'outputs.txt') },
    });
    assert.equal(result.code, 1, result.stderr);
    assertReplaced(dir, victims, /./);
    for (const name of ['summary.md', 'outputs.txt']) {
      assert.ok(!fs.readFileSync(path.join(dir, name), 'utf8').includes('victim'), `${name} does not quote the file the link pointed to`);
    }
  });

  it('--fix replaces the file through a new one, keeping its mode', async () => {
    const original = fixture('many-fixes.tde.yaml');
    const dir = tempTree({ 'trees.tde.yaml': original });
    const file = path.join(dir, 'trees.tde.yaml');
    fs.chmodSync(file, 0o640);
    await tde(dir, ['check', '--fix', 'trees.tde.yaml']);
    assert.notEqual(fs.readFileSync(file, 'utf8'), original, 'fixes were written');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('.tde-')), []);
  });
});
