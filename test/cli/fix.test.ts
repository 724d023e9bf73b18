// `--fix` and `--fix-dry-run`: only the fixes' ranges change, the file is
// replaced atomically, and a second run has nothing left to do.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, removeTempTrees, tde, tempTree } from './helpers';

/** The fixed text, written out by hand: these three spans and nothing else change. */
function expectedFix(text: string): string {
  return text
    .replace('- join-public-meetngs', '- join-public-meetings')
    .replace('id: "analyse-information-requests"', 'id: "analyze-information-requests"')
    .replace('- records-request-systen', '- records-request-system');
}

describe('tde check --fix', () => {
  after(removeTempTrees);
  const original = fixture('many-fixes.tde.yaml');

  it('changes only the fixes\' ranges, keeps comments and quotes, and reports what is left', async () => {
    const dir = tempTree({ 'p.tde.yaml': original });
    const result = await tde(dir, ['check', '--fix']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '✓ 1 file checked, no problems\n');
    assert.equal(result.stderr, 'p.tde.yaml: fixed 3 problems (unknown-tactic ×2, unknown-criterion)\ntde: applied 3 fixes to 1 file\n');
    const fixed = fs.readFileSync(path.join(dir, 'p.tde.yaml'), 'utf8');
    assert.equal(fixed, expectedFix(original));
    assert.notEqual(fixed, original);
  });

  it('keeps CRLF line endings', async () => {
    const crlf = original.replace(/\n/g, '\r\n');
    const dir = tempTree({ 'p.tde.yaml': crlf });
    await tde(dir, ['check', '--fix']);
    const fixed = fs.readFileSync(path.join(dir, 'p.tde.yaml'), 'utf8');
    assert.equal(fixed, expectedFix(crlf));
    assert.equal(fixed.split('\r\n').length, crlf.split('\r\n').length);
    assert.doesNotMatch(fixed, /[^\r]\n/);
  });

  it('is idempotent: a second run writes nothing', async () => {
    const dir = tempTree({ 'p.tde.yaml': original });
    const file = path.join(dir, 'p.tde.yaml');
    await tde(dir, ['check', '--fix']);
    const once = fs.readFileSync(file, 'utf8');
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(file, past, past);
    const again = await tde(dir, ['check', '--fix']);
    assert.equal(again.code, 0);
    assert.equal(again.stderr, 'tde: nothing to fix\n');
    assert.equal(fs.readFileSync(file, 'utf8'), once);
    assert.equal(fs.statSync(file).mtimeMs, past.getTime(), 'not rewritten');
  });

  it('still reports, and fails on, the problems it cannot fix', async () => {
    const dir = tempTree({ 'm.tde.yaml': fixture('mistakes.tde.yaml') });
    const result = await tde(dir, ['check', '--fix', '-f', 'compact']);
    assert.equal(result.code, 0, 'the only error was fixed; a warning and an info remain');
    assert.equal(
      result.stdout,
      'm.tde.yaml:6:1: info: Find hears from 1 kind of collaborator (only community-group): listen more broadly, to at least three roles such as residents, community groups and data intermediaries. [narrow-collaborators]\n' +
        'm.tde.yaml:13:1: warning: Refine is in progress but lists no collaborators: name the people and groups who took part under "collaborators". [missing-collaborators]\n',
    );
    assert.equal(result.stderr, 'm.tde.yaml: fixed 1 problem (unknown-tactic)\ntde: applied 1 fix to 1 file\n');
    assert.ok(fs.readFileSync(path.join(dir, 'm.tde.yaml'), 'utf8').includes('- join-public-meetings # a typo that --fix corrects\n'));
  });

  it('keeps the file mode and leaves no temporary file behind', async () => {
    const dir = tempTree({ 'p.tde.yaml': original });
    const file = path.join(dir, 'p.tde.yaml');
    fs.chmodSync(file, 0o640);
    await tde(dir, ['check', '--fix']);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['p.tde.yaml']);
  });

  it('never writes through a symbolic link', async () => {
    const dir = tempTree({ 'real/p.tde.yaml': original });
    const link = path.join(dir, 'link.tde.yaml');
    fs.symlinkSync(path.join(dir, 'real/p.tde.yaml'), link);
    const result = await tde(dir, ['check', '--fix', 'link.tde.yaml', '-f', 'compact']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^tde: not fixing link\.tde\.yaml: it is a symbolic link \(fix the file it points to\)\n/);
    assert.match(result.stdout, /link\.tde\.yaml:17:7: error: Unknown tactic "join-public-meetngs"/);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real/p.tde.yaml'), 'utf8'), original);
  });

  it('--fix-dry-run shows a diff, writes nothing, and reports what would remain', async () => {
    const dir = tempTree({ 'p.tde.yaml': original });
    const result = await tde(dir, ['check', '--fix-dry-run']);
    assert.equal(result.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'p.tde.yaml'), 'utf8'), original);
    assert.equal(
      result.stdout,
      [
        '--- p.tde.yaml',
        '+++ p.tde.yaml (fixed)',
        '@@ -14,7 +14,7 @@',
        '       role: other',
        '   tactics:',
        '     # first the meetings',
        '-    - join-public-meetngs',
        '-    - id: "analyse-information-requests" # British spelling',
        '+    - join-public-meetings',
        '+    - id: "analyze-information-requests" # British spelling',
        '       criteria:',
        '-        - records-request-systen',
        '+        - records-request-system',
        '',
        '✓ 1 file checked, no problems',
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, 'p.tde.yaml: would fix 3 problems (unknown-tactic ×2, unknown-criterion)\ntde: --fix would apply 3 fixes to 1 file (nothing was written)\n');
  });

  it('--fix-dry-run keeps a machine-readable report clean by sending the diff to stderr', async () => {
    const dir = tempTree({ 'p.tde.yaml': original });
    const result = await tde(dir, ['check', '--fix-dry-run', '-f', 'json']);
    const report = JSON.parse(result.stdout);
    assert.equal(report.summary.fixesApplied, 3);
    assert.match(result.stderr, /^--- p\.tde\.yaml\n\+\+\+ p\.tde\.yaml \(fixed\)\n/);
  });
});
