// `tde check`: which files it reads, and the one-line errors when an
// argument names nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, removeTempTrees, reportedPaths, tde, tempTree } from './helpers';

describe('tde check: which files', () => {
  after(removeTempTrees);
  const clean = fixture('clean.tde.yaml');

  it('checks every *.tde.yaml and *.tde.yml below the folder, in sorted order, skipping .git and node_modules', async () => {
    const dir = tempTree({
      'b.tde.yaml': clean,
      'a.tde.yml': clean,
      'sub/deeper/c.TDE.yaml': clean,
      'sub/notes.yaml': 'not: a tde file\n',
      'README.md': '# hi\n',
      '.git/hooks/x.tde.yaml': clean,
      'node_modules/pkg/y.tde.yaml': clean,
      'sub/node_modules/z.tde.yaml': clean,
    });
    const result = await tde(dir, ['check', '-f', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reportedPaths(result.stdout), ['a.tde.yml', 'b.tde.yaml', 'sub/deeper/c.TDE.yaml']);
  });

  it('honours the root .gitignore and nested ones, where the deeper one wins', async () => {
    const dir = tempTree({
      '.gitignore': 'drafts/\n*.old.tde.yaml\n',
      'keep.tde.yaml': clean,
      'gone.old.tde.yaml': clean,
      'drafts/draft.tde.yaml': clean,
      'team/.gitignore': '!*.old.tde.yaml\nprivate.tde.yaml\n',
      'team/kept.old.tde.yaml': clean,
      'team/private.tde.yaml': clean,
      'team/public.tde.yaml': clean,
      'other/private.tde.yaml': clean,
    });
    const result = await tde(dir, ['check', '-f', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reportedPaths(result.stdout), ['keep.tde.yaml', 'other/private.tde.yaml', 'team/kept.old.tde.yaml', 'team/public.tde.yaml']);
  });

  it('applies the .gitignore files of the repository above a folder it is asked to check', async () => {
    const dir = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'scratch.tde.yaml\n',
      'projects/scratch.tde.yaml': clean,
      'projects/real.tde.yaml': clean,
    });
    const fromRoot = await tde(dir, ['check', '-f', 'json', 'projects']);
    assert.deepEqual(reportedPaths(fromRoot.stdout), ['projects/real.tde.yaml']);
    const fromInside = await tde(path.join(dir, 'projects'), ['check', '-f', 'json']);
    assert.deepEqual(reportedPaths(fromInside.stdout), ['real.tde.yaml']);
  });

  it('checks a file named outright, whatever its name and even if .gitignore lists it', async () => {
    const dir = tempTree({ '.gitignore': '*.yaml\n', 'plan.yaml': clean, 'x.tde.yaml': clean });
    const result = await tde(dir, ['check', '-f', 'json', 'plan.yaml']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reportedPaths(result.stdout), ['plan.yaml']);
  });

  it('takes folders, files and globs together, each file once, paths relative to the working folder', async () => {
    const dir = tempTree({
      'work/a.tde.yaml': clean,
      'work/b.tde.yaml': clean,
      'work/deep/c.tde.yaml': clean,
      'extra/one.yaml': clean,
      'extra/two.yaml': clean,
      'extra/three.json': '{}',
    });
    const result = await tde(path.join(dir, 'work'), ['check', '-f', 'json', '.', 'a.tde.yaml', '../extra/*.yaml', './**/c.tde.yaml']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reportedPaths(result.stdout), ['../extra/one.yaml', '../extra/two.yaml', 'a.tde.yaml', 'b.tde.yaml', 'deep/c.tde.yaml']);
  });

  it('fails with exit 2 on a file or folder that does not exist', async () => {
    const dir = tempTree({ 'a.tde.yaml': clean });
    const result = await tde(dir, ['check', 'a.tde.yaml', 'nope.tde.yaml']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: no such file or folder: nope.tde.yaml\n');
    assert.equal(result.stdout, '');
  });

  it('fails with exit 2 on a glob that matches nothing', async () => {
    const dir = tempTree({ 'a.tde.yaml': clean });
    const result = await tde(dir, ['check', 'projects/*.tde.yaml']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: no files match projects/*.tde.yaml\n');
  });

  it('fails with exit 2 when there is no TDE file to check', async () => {
    const dir = tempTree({ 'README.md': '# nothing here\n', 'node_modules/x.tde.yaml': clean });
    const result = await tde(dir, ['check']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: no TDE files (*.tde.yaml, *.tde.yml) found in the current folder\n');
  });

  it('with --no-error-on-unmatched-pattern, finding nothing exits 0 with a line saying so, and an empty report', async () => {
    const dir = tempTree({ 'README.md': '# nothing here\n', 'node_modules/x.tde.yaml': clean });
    const result = await tde(dir, ['check', '--no-error-on-unmatched-pattern', '--format', 'json']);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, 'tde: no TDE files (*.tde.yaml, *.tde.yml) found in the current folder; nothing to check\n');
    assert.deepEqual(JSON.parse(result.stdout).files, []);
    const sarif = await tde(dir, ['check', '--no-error-on-unmatched-pattern', '-f', 'sarif', '-o', 'tde.sarif']);
    assert.equal(sarif.code, 0);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'tde.sarif'), 'utf8')).runs[0].results, []);
  });

  it('with --no-error-on-unmatched-pattern, a glob matching nothing is said and the other files are checked; a missing file stays an error', async () => {
    const dir = tempTree({ 'a.tde.yaml': clean });
    const result = await tde(dir, ['check', '--no-error-on-unmatched-pattern', '-f', 'json', 'projects/*.tde.yaml', 'a.tde.yaml']);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, 'tde: no files match projects/*.tde.yaml\n');
    assert.deepEqual(reportedPaths(result.stdout), ['a.tde.yaml']);
    const typo = await tde(dir, ['check', '--no-error-on-unmatched-pattern', 'nope.tde.yaml']);
    assert.deepEqual([typo.code, typo.stderr], [2, 'tde: no such file or folder: nope.tde.yaml\n']);
  });

  it('fails with exit 2 on a folder it cannot read', async () => {
    const dir = tempTree({ 'a.tde.yaml': clean, 'locked/b.tde.yaml': clean });
    const locked = path.join(dir, 'locked');
    const denyingFs = {
      ...fs,
      readdirSync: ((folder: string, options: never) => {
        if (folder === locked) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return fs.readdirSync(folder, options);
      }) as typeof fs.readdirSync,
    };
    const result = await tde(dir, ['check'], { fs: denyingFs });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: cannot read folder locked: permission denied\n');
  });

  it('reports the files it can read and exits 2 for one it cannot', async () => {
    const dir = tempTree({ 'a.tde.yaml': clean, 'b.tde.yaml': clean });
    const denied = path.join(dir, 'a.tde.yaml');
    const denyingFs = {
      ...fs,
      readFileSync: ((file: string, options: never) => {
        if (file === denied) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return fs.readFileSync(file, options);
      }) as typeof fs.readFileSync,
    };
    const result = await tde(dir, ['check', '-f', 'json'], { fs: denyingFs });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: cannot read a.tde.yaml: permission denied\n');
    assert.deepEqual(reportedPaths(result.stdout), ['b.tde.yaml']);
  });

  it('shows control characters in a file name as escapes, never raw', async () => {
    const dir = tempTree({ 'a.tde.yaml': clean });
    const result = await tde(dir, ['check', 'evil\u001b[31m.tde.yaml']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: no such file or folder: evil\\u001b[31m.tde.yaml\n');
  });
});
