// A pull request chooses file names and may commit symbolic links: a TDE
// file, `.tderc.yaml` or `.gitignore` that leads out of the repository or
// into `.git` is named and skipped, never read, and `previous` never looks
// outside the repository. What the runner's checkout holds in `.git/config`
// (the token actions/checkout stores) must not reach any output.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeTempTrees, tde, tempTree } from './helpers';
import { gitRepo } from './gitRepo';

const SECRET = 'ghs_SECRETTOKEN0123456789';
const CLEAN = 'tde: 1\nproject:\n  title: Trees\n  place: Riverton\n';

/** Every output a run leaves: streams and the files it wrote. */
function everything(result: { stdout: string; stderr: string }, ...files: string[]): string {
  return [result.stdout, result.stderr, ...files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'))].join('\n');
}

/** A file system that records every path the CLI looks at. */
function recordingFs(): { fs: typeof fs; seen: string[] } {
  const seen: string[] = [];
  const wrap = <K extends 'statSync' | 'lstatSync' | 'realpathSync' | 'readFileSync'>(name: K) =>
    ((file: fs.PathLike, ...rest: unknown[]) => {
      seen.push(String(file));
      return (fs[name] as (...args: unknown[]) => unknown)(file, ...rest);
    }) as unknown as (typeof fs)[K];
  return { fs: { ...fs, statSync: wrap('statSync'), lstatSync: wrap('lstatSync'), realpathSync: wrap('realpathSync'), readFileSync: wrap('readFileSync') }, seen };
}

describe('symbolic links and paths a pull request chooses', function () {
  this.timeout(30000);
  after(removeTempTrees);

  it('ci-summary --since names a TDE file linked to .git/config and quotes nothing of it, on any channel', async () => {
    const repo = gitRepo({ 'trees.tde.yaml': CLEAN });
    repo.git('config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${SECRET}`);
    const base = repo.commit('base');
    fs.symlinkSync('.git/config', path.join(repo.dir, 'notes.tde.yaml'));
    repo.commit('the pull request');
    const runner = tempTree();
    const files = ['summary.md', 'comment.md', 'tde.sarif', 'outputs.txt'].map((f) => path.join(runner, f));
    const result = await tde(repo.dir, ['ci-summary', '--since', base, '--summary-file', files[0]!, '--comment-file', files[1]!, '--sarif-file', files[2]!], {
      env: { GITHUB_OUTPUT: files[3]! },
    });
    const all = everything(result, ...files);
    assert.ok(!all.includes('SECRETTOKEN') && !all.includes('extraheader'), all);
    assert.match(result.stdout, /notes\.tde\.yaml/);
    assert.match(all, /notes\.tde\.yaml is a symbolic link/);
  });

  it('check, status and diff name a linked TDE file out of the tree and read nothing of it', async () => {
    const outside = tempTree({ 'secret.tde.yaml': `tde: 1\nproject:\n  title: ${SECRET}\n  place: x\n: [\n` });
    const dir = tempTree({ 'trees.tde.yaml': CLEAN, '.git/config': `[http]\n  extraheader = ${SECRET}\n` });
    fs.symlinkSync(path.join(outside, 'secret.tde.yaml'), path.join(dir, 'away.tde.yaml'));
    fs.symlinkSync('.git/config', path.join(dir, 'config.tde.yaml'));
    const check = await tde(dir, ['check']);
    assert.equal(check.code, 1);
    assert.ok(!everything(check).includes('SECRET'), everything(check));
    assert.match(check.stdout, /away\.tde\.yaml is a symbolic link/);
    assert.match(check.stdout, /config\.tde\.yaml is a symbolic link/);
    const status = await tde(dir, ['status', '--format', 'json']);
    assert.ok(!everything(status).includes('SECRET'), everything(status));
    const diff = await tde(dir, ['diff', 'trees.tde.yaml', 'away.tde.yaml']);
    assert.ok(!everything(diff).includes('SECRET'), everything(diff));
  });

  it('reads a link that stays in the tree, to a regular file outside .git', async () => {
    const dir = tempTree({ 'projects/trees.tde.yaml': CLEAN, '.git/HEAD': 'ref: refs/heads/main\n' });
    fs.symlinkSync('projects/trees.tde.yaml', path.join(dir, 'current.tde.yaml'));
    const result = await tde(dir, ['check', '--format', 'json']);
    assert.equal(result.code, 0, result.stdout);
  });

  it('names a .tderc.yaml linked out of the tree as a configuration it does not read', async () => {
    const outside = tempTree({ 'rc.yaml': `rules:\n  ${SECRET}: off\n` });
    const dir = tempTree({ 'trees.tde.yaml': CLEAN });
    fs.symlinkSync(path.join(outside, 'rc.yaml'), path.join(dir, '.tderc.yaml'));
    const result = await tde(dir, ['check']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\.tderc\.yaml is a symbolic link/);
    assert.ok(!everything(result).includes('SECRET'), everything(result));
  });

  it('refuses a .gitignore linked to /dev/zero at once, naming it, and checks the files', async () => {
    const dir = tempTree({ 'trees.tde.yaml': CLEAN });
    fs.symlinkSync('/dev/zero', path.join(dir, '.gitignore'));
    const started = Date.now();
    const result = await tde(dir, ['check']);
    assert.ok(Date.now() - started < 10_000, 'not read to the end of /dev/zero');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /\.gitignore is a symbolic link/);
  });

  for (const [previous, why] of [
    ['/etc/hostname', /absolute path/],
    ['../../../../../../../../etc/hostname', /climbs out/],
    ['../outside.tde.yaml', /climbs out/],
    ['.git/config', /inside "\.git"/],
    ['linked.tde.yaml', /symbolic link/],
  ] as const) {
    it(`previous: ${previous} is a problem saying why, and nothing outside the repository is looked at`, async () => {
      const parent = tempTree({ 'outside.tde.yaml': CLEAN });
      const dir = path.join(parent, 'repo');
      fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
      fs.writeFileSync(path.join(dir, '.git', 'config'), '[core]\n');
      fs.writeFileSync(path.join(dir, 'later.tde.yaml'), `tde: 1\nproject:\n  title: T\n  place: P\n  previous: ${previous}\n`);
      fs.symlinkSync(path.join(parent, 'outside.tde.yaml'), path.join(dir, 'linked.tde.yaml'));
      const recorded = recordingFs();
      const result = await tde(dir, ['check', '--format', 'json', 'later.tde.yaml'], { fs: recorded.fs });
      const problems = (JSON.parse(result.stdout) as { files: { problems: { rule: string; message: string }[] }[] }).files[0]!.problems;
      const previousProblems = problems.filter((p) => p.rule === 'missing-previous');
      assert.equal(previousProblems.length, 1, result.stdout);
      assert.match(previousProblems[0]!.message, why);
      const touched = recorded.seen.filter((p) => /hostname|outside\.tde|\.git[/\\]config/.test(p) && !p.endsWith('linked.tde.yaml'));
      assert.deepEqual(touched, []);
    });
  }
});
