// The real binary (`node bin/tde.js`, bundled by esbuild): every format and
// every exit code, as CI would see them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANSI, FIXTURES, fixture, removeTempTrees, tdeProcess, tempTree } from './helpers';
import { buildOnce } from '../helpers/build';

describe('tde as a real process', function () {
  this.timeout(60000);
  before(buildOnce);
  after(removeTempTrees);

  describe('exit codes', () => {
    it('0 when clean, with the short line', () => {
      const result = tdeProcess(FIXTURES, ['check', 'clean.tde.yaml']);
      assert.deepEqual([result.code, result.stdout, result.stderr], [0, '✓ 1 file checked, no problems\n', '']);
    });

    it('0 with warnings alone, 1 with --max-warnings 0', () => {
      assert.equal(tdeProcess(FIXTURES, ['check', 'warnings.tde.yaml']).code, 0);
      const strict = tdeProcess(FIXTURES, ['check', '--max-warnings', '0', 'warnings.tde.yaml']);
      assert.equal(strict.code, 1);
      assert.equal(strict.stderr, 'tde: too many warnings: 1 (--max-warnings 0)\n');
    });

    it('1 when an error remains', () => {
      assert.equal(tdeProcess(FIXTURES, ['check', 'mistakes.tde.yaml']).code, 1);
    });

    it('2 on a missing file, with the message', () => {
      const result = tdeProcess(FIXTURES, ['check', 'nope.tde.yaml']);
      assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', 'tde: no such file or folder: nope.tde.yaml\n']);
    });

    it('2 on a glob that matches nothing', () => {
      const result = tdeProcess(FIXTURES, ['check', 'nothing/**/*.tde.yaml']);
      assert.deepEqual([result.code, result.stderr], [2, 'tde: no files match nothing/**/*.tde.yaml\n']);
    });

    it('2 on a bad option and on an unknown command', () => {
      assert.equal(tdeProcess(FIXTURES, ['check', '--bogus']).code, 2);
      const unknown = tdeProcess(FIXTURES, ['frobnicate']);
      assert.deepEqual([unknown.code, unknown.stderr], [2, "tde: unknown command frobnicate. Run 'tde --help' for the commands.\n"]);
    });
  });

  describe('formats', () => {
    const formats: [string, (stdout: string) => void][] = [
      ['stylish', (out) => assert.match(out, /^mistakes\.tde\.yaml\n(.*\n)?  12:7  error    Unknown tactic/)],
      ['compact', (out) => assert.match(out, /^mistakes\.tde\.yaml:12:7: error: Unknown tactic "join-public-meetngs"\. .* \[unknown-tactic\]$/m)],
      ['json', (out) => assert.equal(JSON.parse(out).summary.errors, 1)],
      ['sarif', (out) => assert.equal(JSON.parse(out).runs[0].results[1].ruleId, 'unknown-tactic')],
      ['github', (out) => assert.match(out, /^::error file=mistakes\.tde\.yaml,line=12,col=7,endLine=12,endColumn=26,title=tde \(unknown-tactic\)::Unknown tactic/m)],
      ['markdown', (out) => assert.match(out, /^\| 12:7 \| ❌ error \| \[unknown-tactic\]\(https:\/\/[^)]+\) \| Unknown tactic &quot;join-public-meetngs&quot;/m)],
    ];
    for (const [format, expect] of formats) {
      it(`--format ${format} prints its report and exits 1`, () => {
        const result = tdeProcess(FIXTURES, ['check', '--format', format, 'mistakes.tde.yaml']);
        assert.equal(result.code, 1, result.stderr);
        assert.equal(result.stderr, '');
        expect(result.stdout);
      });

      it(`--format ${format} exits 0 on a clean file`, () => {
        const result = tdeProcess(FIXTURES, ['check', '-f', format, 'clean.tde.yaml']);
        assert.equal(result.code, 0, result.stderr);
      });
    }

    it('--output writes the report to a file', () => {
      const dir = tempTree({ 'm.tde.yaml': fixture('mistakes.tde.yaml') });
      const result = tdeProcess(dir, ['check', '-f', 'sarif', '-o', 'tde.sarif']);
      assert.deepEqual([result.code, result.stdout], [1, '']);
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'tde.sarif'), 'utf8')).version, '2.1.0');
    });
  });

  describe('colors', () => {
    it('none into a pipe; FORCE_COLOR turns them on; NO_COLOR wins over FORCE_COLOR', () => {
      assert.doesNotMatch(tdeProcess(FIXTURES, ['check', 'mistakes.tde.yaml']).stdout, ANSI);
      assert.match(tdeProcess(FIXTURES, ['check', 'mistakes.tde.yaml'], { FORCE_COLOR: '1' }).stdout, ANSI);
      assert.doesNotMatch(tdeProcess(FIXTURES, ['check', 'mistakes.tde.yaml'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, ANSI);
    });
  });

  describe('--fix', () => {
    it('fixes the file in place and says how many fixes it applied', () => {
      const dir = tempTree({ 'p.tde.yaml': fixture('many-fixes.tde.yaml') });
      const result = tdeProcess(dir, ['check', '--fix']);
      assert.deepEqual([result.code, result.stdout, result.stderr], [0, '✓ 1 file checked, no problems\n', 'p.tde.yaml: fixed 3 problems (unknown-tactic ×2, unknown-criterion)\ntde: applied 3 fixes to 1 file\n']);
      assert.ok(fs.readFileSync(path.join(dir, 'p.tde.yaml'), 'utf8').includes('- records-request-system\n'));
    });
  });

  describe('other commands', () => {
    it('--version prints the package version', () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
      assert.deepEqual(tdeProcess(FIXTURES, ['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('--help lists the commands', () => {
      const result = tdeProcess(FIXTURES, ['--help']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^ {2}check \[PATH\|GLOB …\]/m);
    });

    it('pitch prints the pitch in each format and exits 0; 2 on a missing file', () => {
      assert.match(tdeProcess(FIXTURES, ['pitch', 'pitch.tde.yaml']).stdout, /\nStill blank: MY DATA SUPPLY/);
      assert.match(tdeProcess(FIXTURES, ['pitch', '-f', 'markdown', 'pitch.tde.yaml']).stdout, /^## Pitch\n/);
      assert.match(tdeProcess(FIXTURES, ['pitch', '-f', 'html', 'pitch.tde.yaml']).stdout, /^<section class="tde-pitch">/);
      assert.equal(tdeProcess(FIXTURES, ['pitch', 'missing.tde.yaml']).code, 2);
    });

    it('init writes a starter that then checks clean', () => {
      const dir = tempTree();
      assert.equal(tdeProcess(dir, ['init', '--place', 'Town of Elmwood']).code, 0);
      const check = tdeProcess(dir, ['check']);
      assert.deepEqual([check.code, check.stdout], [0, '✓ 1 file checked, no problems\n']);
      assert.equal(tdeProcess(dir, ['init']).code, 2);
    });

    it('rules lists the rules', () => {
      const result = tdeProcess(FIXTURES, ['rules']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^unknown-tactic +error +/m);
    });
  });
});
