// The language server reads what a workspace holds the way the CLI does
// (engine/treeFiles.ts): a `.tderc.yaml` or a file `previous` names that is
// a symbolic link out of the workspace or into `.git` is named and not read,
// and `previous` never leads out of the workspace folder or repository.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, loadConfigFor } from '../../server/src/engine';
import { createWorkspaceFiles } from '../../server/src/lsp/workspaceFiles';
import type { FileHost } from '../../server/src/engine';

const SECRET = 'ghs_SECRET_do_not_show';

describe('language server: symbolic links and `previous` in a workspace', () => {
  let top: string;
  let workspace: string;
  const logged: string[] = [];
  let nodeFileHost: FileHost;

  before(() => {
    top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tde-links-')));
    workspace = path.join(top, 'workspace');
    fs.mkdirSync(path.join(workspace, '.git'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.git', 'config'), `[http]\n  extraheader = ${SECRET}\n`);
    fs.writeFileSync(path.join(top, 'outside.yaml'), `rules:\n  ${SECRET}: off\n`);
    nodeFileHost = createWorkspaceFiles({ warn: (message) => logged.push(message), workspaceFolders: [{ uri: `file://${workspace}` }] }).host;
  });

  after(() => {
    fs.rmSync(top, { recursive: true, force: true });
  });

  function folder(name: string): string {
    const dir = path.join(workspace, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  it('names a .tderc.yaml linked out of the workspace, or into .git, and reads nothing of it', () => {
    for (const [name, target] of [['away', path.join(top, 'outside.yaml')], ['git', path.join(workspace, '.git', 'config')]]) {
      logged.length = 0;
      const dir = folder(name!);
      fs.symlinkSync(target!, path.join(dir, '.tderc.yaml'));
      const config = loadConfigFor(path.join(dir, 'a.tde.yaml'), nodeFileHost);
      assert.deepEqual(config.rules, {});
      assert.equal(config.issues.length, 1);
      assert.ok(!JSON.stringify(config).includes('SECRET') && !logged.join('\n').includes('SECRET'));
      assert.match(logged.join('\n'), /\.tderc\.yaml is a symbolic link/);
    }
  });

  it('reads a .tderc.yaml linked to a file inside the workspace', () => {
    const dir = folder('shared');
    fs.writeFileSync(path.join(dir, 'rules.yaml'), 'rules:\n  no-steward: off\n');
    fs.symlinkSync('rules.yaml', path.join(dir, '.tderc.yaml'));
    assert.deepEqual(loadConfigFor(path.join(dir, 'a.tde.yaml'), nodeFileHost).rules, { 'no-steward': 'off' });
  });

  it('reports a `previous` that leaves the workspace, or is a link out of it, without looking', () => {
    const dir = folder('iterations');
    fs.symlinkSync(path.join(top, 'outside.yaml'), path.join(dir, 'linked.tde.yaml'));
    for (const [previous, why] of [['../../outside.yaml', /climbs out/], ['/etc/hostname', /absolute/], ['linked.tde.yaml', /symbolic link/]] as const) {
      const text = `tde: 1\nproject:\n  title: T\n  place: P\n  previous: ${previous}\n`;
      const problems = check(text, { fileName: path.join(dir, 'later.tde.yaml'), host: nodeFileHost }).problems.filter((p) => p.rule === 'missing-previous');
      assert.equal(problems.length, 1, previous);
      assert.match(problems[0]!.message, why);
    }
  });
});
