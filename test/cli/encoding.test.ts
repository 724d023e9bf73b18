// Every command reads files strictly: UTF-8 within the size limit. A file
// that is UTF-16, binary or not valid UTF-8 is one problem on that file, at
// the first bad byte; the BOM of a UTF-8 file survives --fix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, removeTempTrees, tde, tempTree } from './helpers';
import { gitRepo } from './gitRepo';
import type { CheckReport, ReportedProblem } from '../../server/src/cli/reportTypes';

const clean = fixture('clean.tde.yaml');
const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(clean, 'utf16le')]);

function writeBytes(dir: string, name: string, bytes: Buffer): void {
  fs.writeFileSync(path.join(dir, name), bytes);
}

async function problemsOf(dir: string, ...args: string[]): Promise<Record<string, ReportedProblem[]>> {
  const result = await tde(dir, ['check', '-f', 'json', ...args]);
  const report = JSON.parse(result.stdout) as CheckReport;
  return Object.fromEntries(report.files.map((f) => [f.path, f.problems]));
}

describe('reading files strictly', () => {
  after(removeTempTrees);

  it('reports a UTF-16 file as an error on it, and still checks the others', async () => {
    const dir = tempTree({ 'good.tde.yaml': clean });
    writeBytes(dir, 'wide.tde.yaml', utf16);
    const result = await tde(dir, ['check', '-f', 'json']);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
    const problems = await problemsOf(dir);
    assert.deepEqual(problems['good.tde.yaml'], []);
    assert.deepEqual(
      problems['wide.tde.yaml']!.map((p) => [p.rule, p.severity, p.message, p.line, p.column]),
      [['yaml-syntax', 'error', 'This file cannot be checked: the file is UTF-16 encoded; save it as UTF-8.', 1, 1]],
    );
  });

  it('places bad UTF-8 at its line and column, with the byte offset', async () => {
    const dir = tempTree();
    writeBytes(dir, 'bad.tde.yaml', Buffer.concat([Buffer.from('tde: 1\nproject:\n  title: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    const [problem] = (await problemsOf(dir))['bad.tde.yaml']!;
    assert.deepEqual([problem!.line, problem!.column], [3, 13]);
    assert.equal(problem!.message, 'This file cannot be checked: the file is not valid UTF-8 (first bad byte at offset 28); save it as UTF-8.');
    const { stdout } = await tde(dir, ['check', '-f', 'compact']);
    assert.equal(stdout, 'bad.tde.yaml:3:13: error: This file cannot be checked: the file is not valid UTF-8 (first bad byte at offset 28); save it as UTF-8. [yaml-syntax]\n');
  });

  it('reports binary data and a file over the size limit', async () => {
    const dir = tempTree();
    writeBytes(dir, 'binary.tde.yaml', Buffer.from('tde: 1\n\u0000\u0001\u0002'));
    writeBytes(dir, 'huge.tde.yaml', Buffer.alloc(9 * 1024 * 1024, 0x23));
    const problems = await problemsOf(dir);
    assert.match(problems['binary.tde.yaml']![0]!.message, /binary data \(a NUL byte at byte 7\)/);
    assert.deepEqual([problems['binary.tde.yaml']![0]!.line, problems['binary.tde.yaml']![0]!.column], [2, 1]);
    assert.match(problems['huge.tde.yaml']![0]!.message, /^This file cannot be checked: the file is 9\.0 MB, over the 8\.0 MB a TDE file may be/);
  });

  it('keeps the BOM and CRLF line endings through --fix', async () => {
    const original = Buffer.from(`\ufeff${fixture('many-fixes.tde.yaml').replace(/\n/g, '\r\n')}`, 'utf8');
    const dir = tempTree();
    writeBytes(dir, 'p.tde.yaml', original);
    const result = await tde(dir, ['check', '--fix']);
    assert.equal(result.code, 0, result.stdout);
    const fixed = fs.readFileSync(path.join(dir, 'p.tde.yaml'));
    assert.deepEqual([...fixed.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(
      fixed.toString('utf8'),
      original.toString('utf8').replace('join-public-meetngs', 'join-public-meetings').replace('"analyse-information-requests"', '"analyze-information-requests"').replace('records-request-systen', 'records-request-system'),
    );
    // Positions count no column for the BOM: the same as without it.
    const withBom = await problemsOf(tempTree({ 'q.tde.yaml': original.toString('utf8') }));
    const without = await problemsOf(tempTree({ 'q.tde.yaml': original.toString('utf8').slice(1) }));
    const positions = (problems: Record<string, ReportedProblem[]>) => problems['q.tde.yaml']!.map((p) => [p.rule, p.line, p.column]);
    assert.deepEqual(positions(withBom), positions(without));
    assert.ok(withBom['q.tde.yaml']!.length > 0);
  });

  it('gives tde pitch a clear error on a file it cannot read', async () => {
    const dir = tempTree();
    writeBytes(dir, 'wide.tde.yaml', utf16);
    const result = await tde(dir, ['pitch', 'wide.tde.yaml']);
    assert.deepEqual([result.code, result.stdout], [2, '']);
    assert.equal(result.stderr, 'tde: wide.tde.yaml:1:1: This file cannot be checked: the file is UTF-16 encoded; save it as UTF-8.\n');
  });

  it('shows an unreadable project in tde status, and follows it through --since and tde diff', async () => {
    const repo = gitRepo({ 'good.tde.yaml': clean });
    writeBytes(repo.dir, 'wide.tde.yaml', utf16);
    repo.commit('base');
    writeBytes(repo.dir, 'good.tde.yaml', Buffer.concat([Buffer.from('tde: 1\n'), Buffer.from([0xff]), Buffer.from('\n')]));
    const status = JSON.parse((await tde(repo.dir, ['status', '-f', 'json'])).stdout);
    assert.deepEqual(status.projects.map((p: { path: string; parses: boolean; problems: object }) => [p.path, p.parses, p.problems]), [
      ['good.tde.yaml', false, { errors: 1, warnings: 0, infos: 0 }],
      ['wide.tde.yaml', false, { errors: 1, warnings: 0, infos: 0 }],
    ]);
    const since = JSON.parse((await tde(repo.dir, ['check', '-f', 'json', '--since', 'main'])).stdout);
    assert.deepEqual(since.files.map((f: { path: string; problems: { baseline: boolean }[] }) => [f.path, f.problems.map((p) => p.baseline)]), [
      ['good.tde.yaml', [false]],
      ['wide.tde.yaml', [true]],
    ]);
    const diff = JSON.parse((await tde(repo.dir, ['diff', '-f', 'json', 'main'])).stdout);
    assert.deepEqual(diff.projects[0].problems.introduced.map((p: ReportedProblem) => [p.rule, p.line, p.column]), [['yaml-syntax', 2, 1]]);
    assert.equal(diff.projects[0].pitch.after, null);
    // An unreadable side says nothing about the content: no step or person "removed".
    assert.deepEqual([diff.projects[0].steps, diff.projects[0].collaborators, diff.projects[0].tactics], [[], [], []]);
  });
});
