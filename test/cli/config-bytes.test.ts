// A `.tderc.yaml` comes with the files it configures (a pull request may
// bring one), so the CLI reads it as it reads a TDE file: the size first,
// then strict UTF-8. One it cannot use is a configuration problem: exit 2,
// `path[:line]: message` on stderr, nothing checked. Through the real binary.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES } from '../../server/src/engine';
import { removeTempTrees, tdeProcess, tempTree } from './helpers';
import { buildOnce } from '../helpers/build';

const RULES = '# our settings\nrules:\n  unknown-tactic: warning\n';
const unknownTactic = 'tde: 1\nproject: {title: T, place: P}\nfind:\n  status: in-progress\n  collaborators: [{name: A, role: resident}]\n  tactics:\n    - no-such-tactic\n';

/** A folder with two TDE files and the given bytes as its `.tderc.yaml`. */
function projectWithConfig(config: Buffer): string {
  const dir = tempTree({ 'a.tde.yaml': unknownTactic, 'sub/b.tde.yaml': unknownTactic });
  fs.writeFileSync(path.join(dir, '.tderc.yaml'), config);
  return dir;
}

function assertConfigProblem(dir: string, args: string[], expected: string): void {
  const result = tdeProcess(dir, args);
  assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', `${expected}\n`]);
}

describe('reading .tderc.yaml strictly', function () {
  this.timeout(60_000);
  before(buildOnce);
  after(removeTempTrees);

  it('uses a UTF-8 configuration, with or without a BOM', () => {
    for (const bom of [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf])]) {
      const dir = projectWithConfig(Buffer.concat([bom, Buffer.from(RULES)]));
      const result = tdeProcess(dir, ['check', '-f', 'compact']);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^a\.tde\.yaml:\d+:\d+: warning: .*\[unknown-tactic\]$/m);
    }
  });

  it('refuses one over the size limit before reading it', () => {
    const dir = projectWithConfig(Buffer.alloc(0));
    // A sparse file of NUL bytes: read, it would be binary data; its size alone refuses it.
    fs.truncateSync(path.join(dir, '.tderc.yaml'), MAX_FILE_BYTES + 1);
    assertConfigProblem(dir, ['check'], '.tderc.yaml: This configuration cannot be read: the file is 8,388,609 bytes, over the 8 MB a configuration may be.');
  });

  it('refuses binary data, at the line of the NUL byte', () => {
    const dir = projectWithConfig(Buffer.from('rules:\n  unknown-tactic: off\0\n'));
    assertConfigProblem(dir, ['check'], '.tderc.yaml:2: This configuration cannot be read: the file holds binary data (a NUL byte at byte 28); a configuration is UTF-8 text.');
  });

  it('refuses UTF-16, with or without a BOM', () => {
    const withBom = projectWithConfig(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RULES, 'utf16le')]));
    assertConfigProblem(withBom, ['check'], '.tderc.yaml:1: This configuration cannot be read: the file is UTF-16 encoded; save it as UTF-8.');
    const withoutBom = projectWithConfig(Buffer.from(RULES, 'utf16le'));
    assertConfigProblem(withoutBom, ['check'], '.tderc.yaml:1: This configuration cannot be read: the file looks UTF-16 encoded; save it as UTF-8.');
  });

  it('refuses invalid UTF-8, at the line of the first bad byte, and never decodes it leniently', () => {
    // Latin-1 "é" on line 3: leniently decoded it would be U+FFFD and the rule id would silently not match.
    const dir = projectWithConfig(Buffer.concat([Buffer.from('rules:\n  unknown-tactic: off\n  # caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    assertConfigProblem(dir, ['check'], '.tderc.yaml:3: This configuration cannot be read: the file is not valid UTF-8 (first bad byte at offset 36); save it as UTF-8.');
  });

  it('says the same for --config FILE, and in every command that reads configurations', () => {
    const dir = tempTree({ 'a.tde.yaml': unknownTactic });
    fs.writeFileSync(path.join(dir, 'ci.yaml'), Buffer.from('rules: {}\n\xff', 'latin1'));
    const expected = 'ci.yaml:2: This configuration cannot be read: the file is not valid UTF-8 (first bad byte at offset 10); save it as UTF-8.';
    assertConfigProblem(dir, ['check', '--config', 'ci.yaml'], expected);
    assertConfigProblem(dir, ['status', '--config', 'ci.yaml'], expected);
    // diff names the configuration's problems as one error.
    assertConfigProblem(dir, ['diff', '--config', 'ci.yaml', 'a.tde.yaml', 'a.tde.yaml'], `tde: the configuration has problems:\n${expected}`);
  });
});
