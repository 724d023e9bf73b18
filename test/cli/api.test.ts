// The package's API in this process (test/cli/package.test.ts runs it from
// the packed tarball): what a program gets back, and the errors it is told.
import * as assert from 'node:assert/strict';
import { check, checkFiles, formatReport, FORMAT_NAMES, rules, version } from '../../server/src/api';
import { fixture, removeTempTrees, tempTree } from './helpers';

const draft = 'tde: 1\nproject: { title: Trees, place: Riverton }\nfind: { status: in-progress, tactics: [walk-the-blocks] }\n';

describe('the programmatic API', () => {
  after(removeTempTrees);

  it('check(text) reports one file with 1-based positions, rule settings and comment checks', () => {
    const report = check(draft, { fileName: 'trees.tde.yaml' });
    assert.equal(report.path, 'trees.tde.yaml');
    assert.deepEqual(report.problems.map((p) => [p.rule, p.severity, p.line, p.column]), [['missing-collaborators', 'warning', 3, 1], ['unknown-tactic', 'error', 3, 40]]);
    assert.equal(report.problems[1]!.docsUrl, 'https://github.com/tde-tools/tde/blob/main/docs/rules/unknown-tactic.md');
    const tuned = check(draft.replace('find:', '# tde-disable-next-line missing-collaborators\nfind:'), { rules: { 'unknown-tactic': 'off' }, requireReason: true });
    assert.deepEqual(tuned.problems.map((p) => p.rule), ['suppression-without-reason']);
    assert.deepEqual(tuned.suppressed.map((p) => p.rule), ['missing-collaborators']);
  });

  it('checkFiles finds and configures files as tde check does, and formatReport writes every format', () => {
    const dir = tempTree({ 'a/trees.tde.yaml': draft, 'b/clean.tde.yaml': fixture('clean.tde.yaml'), 'a/.tderc.yaml': 'rules:\n  missing-collaborators: off\n' });
    const report = checkFiles([], { cwd: dir });
    assert.deepEqual(report.files.map((f) => [f.path, f.problems.map((p) => p.rule)]), [['a/trees.tde.yaml', ['unknown-tactic']], ['b/clean.tde.yaml', []]]);
    assert.deepEqual([report.summary.errors, report.failures], [1, []]);
    assert.equal(checkFiles(['a'], { cwd: dir, quiet: true }).summary.warnings, 0);
    for (const format of FORMAT_NAMES) assert.ok(formatReport(report, format).includes('trees.tde.yaml'), format);
    assert.match(formatReport(report, 'stylish', { color: true }), /\u001b\[/);
    assert.throws(() => formatReport(report, 'xml' as never), /^Error: unknown format xml; formats: stylish, compact, json, sarif, github, markdown$/);
  });

  it('checkFiles throws the CLI message when nothing matches, unless allowUnmatched', () => {
    const dir = tempTree({ 'README.md': '# none yet\n', 'x.tde.yaml': draft });
    assert.throws(() => checkFiles(['*.tde.yml'], { cwd: dir }), (error: Error) => error.message === 'no files match *.tde.yml');
    assert.deepEqual(checkFiles(['*.tde.yml'], { cwd: dir, allowUnmatched: true }).files, []);
    assert.throws(() => checkFiles(['x.tde.yaml'], { cwd: dir, config: 'missing.yaml' }), /^Error: no such configuration file: missing\.yaml$/);
  });

  it('lists the rules as data, and the version', () => {
    const tactic = rules.find((r) => r.id === 'unknown-tactic')!;
    assert.deepEqual({ ...tactic, description: undefined }, { id: 'unknown-tactic', defaultSeverity: 'error', description: undefined, fixable: true, suggests: true, docsUrl: 'https://github.com/tde-tools/tde/blob/main/docs/rules/unknown-tactic.md' });
    assert.match(version, /^\d+\.\d+\.\d+/);
  });
});
