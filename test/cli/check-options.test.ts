// `tde check` options and exit codes, run in-process.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANSI, FIXTURES, fixture, removeTempTrees, tde, tempTree } from './helpers';

describe('tde check: options and exit codes', () => {
  after(removeTempTrees);

  it('exits 0 on a clean file, 1 when an error remains', async () => {
    assert.equal((await tde(FIXTURES, ['check', 'clean.tde.yaml'])).code, 0);
    assert.equal((await tde(FIXTURES, ['check', 'mistakes.tde.yaml'])).code, 1);
  });

  it('does not fail on warnings and infos alone', async () => {
    const result = await tde(FIXTURES, ['check', 'warnings.tde.yaml']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 infos\)/);
  });

  describe('--max-warnings', () => {
    it('fails when the warnings are more than N, and says so', async () => {
      const result = await tde(FIXTURES, ['check', '--max-warnings', '0', 'warnings.tde.yaml']);
      assert.equal(result.code, 1);
      assert.equal(result.stderr, 'tde: too many warnings: 1 (--max-warnings 0)\n');
    });

    it('passes when the warnings are N or fewer', async () => {
      const result = await tde(FIXTURES, ['check', '--max-warnings=1', 'warnings.tde.yaml']);
      assert.equal(result.code, 0);
      assert.equal(result.stderr, '');
    });

    for (const bad of ['-1', 'many', '1.5', '']) {
      it(`rejects ${JSON.stringify(bad)} with exit 2`, async () => {
        const result = await tde(FIXTURES, ['check', `--max-warnings=${bad}`, 'clean.tde.yaml']);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, `tde: --max-warnings needs a whole number of 0 or more, got ${bad}\n`);
      });
    }
  });

  describe('--quiet', () => {
    it('shows errors only', async () => {
      const result = await tde(FIXTURES, ['check', '--quiet', '--no-color', 'mistakes.tde.yaml']);
      assert.equal(result.code, 1);
      assert.equal(
        result.stdout,
        [
          'mistakes.tde.yaml',
          '  12:7  error  Unknown tactic "join-public-meetngs". Did you mean "join-public-meetings"?  [unknown-tactic]',
          '',
          '✖ 1 problem (1 error, 0 warnings, 0 infos)',
          '  1 fixable with --fix',
          '',
        ].join('\n'),
      );
    });

    it('says "no errors" when only warnings were hidden', async () => {
      const result = await tde(FIXTURES, ['check', '-q', 'warnings.tde.yaml']);
      assert.equal(result.code, 0);
      assert.equal(result.stdout, '✓ 1 file checked, no errors\n');
    });

    it('still counts hidden warnings for --max-warnings', async () => {
      const result = await tde(FIXTURES, ['check', '-q', '--max-warnings', '0', 'warnings.tde.yaml']);
      assert.equal(result.code, 1);
      assert.equal(result.stderr, 'tde: too many warnings: 1, not shown because of --quiet (--max-warnings 0)\n');
    });
  });

  describe('configuration', () => {
    it('uses the nearest .tderc.yaml', async () => {
      const dir = tempTree({
        '.tderc.yaml': 'rules:\n  unknown-tactic: warning\n',
        'p/m.tde.yaml': fixture('mistakes.tde.yaml'),
      });
      const result = await tde(dir, ['check', '-f', 'compact']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /p\/m\.tde\.yaml:12:7: warning: Unknown tactic/);
    });

    it('--config replaces the nearest file', async () => {
      const dir = tempTree({
        '.tderc.yaml': 'rules:\n  unknown-tactic: warning\n',
        'ci.yaml': 'rules:\n  unknown-tactic: off\n  narrow-collaborators: off\n  missing-collaborators: error\n',
        'm.tde.yaml': fixture('mistakes.tde.yaml'),
      });
      const result = await tde(dir, ['check', '-f', 'compact', '--config', 'ci.yaml']);
      assert.equal(result.code, 1);
      assert.equal(
        result.stdout,
        'm.tde.yaml:13:1: error: Refine is in progress but lists no collaborators: name the people and groups who took part under "collaborators". [missing-collaborators]\n',
      );
    });

    it('stops with exit 2 and path:line: message on a bad configuration', async () => {
      const dir = tempTree({
        '.tderc.yaml': '# our settings\nrules:\n  unknown-tactic: loud\n  no-such-rule: off\n',
        'a.tde.yaml': fixture('clean.tde.yaml'),
        'b.tde.yaml': fixture('clean.tde.yaml'),
      });
      const result = await tde(dir, ['check']);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, result.stderr);
      assert.match(lines[0]!, /^\.tderc\.yaml:3: "unknown-tactic" must be off, info, warning or error; got "loud"\.$/);
      assert.match(lines[1]!, /^\.tderc\.yaml:4: Unknown rule "no-such-rule"\./);
    });

    it('fails with exit 2 when --config names no file', async () => {
      const result = await tde(FIXTURES, ['check', '--config', 'missing.yaml', 'clean.tde.yaml']);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'tde: no such configuration file: missing.yaml\n');
    });
  });

  describe('--output', () => {
    it('writes the report to the file, nothing to stdout, and keeps the exit code', async () => {
      const dir = tempTree({ 'm.tde.yaml': fixture('mistakes.tde.yaml') });
      const result = await tde(dir, ['check', '-f', 'json', '-o', 'report.json'], { isTTY: true });
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
      assert.equal(report.summary.errors, 1);
    });

    it('writes no colors to the file even at a terminal', async () => {
      const dir = tempTree({ 'm.tde.yaml': fixture('mistakes.tde.yaml') });
      await tde(dir, ['check', '--output', 'report.txt'], { isTTY: true, env: { FORCE_COLOR: '1' } });
      const text = fs.readFileSync(path.join(dir, 'report.txt'), 'utf8');
      assert.match(text, /Unknown tactic/);
      assert.doesNotMatch(text, ANSI);
    });

    it('fails with exit 2 when the report cannot be written', async () => {
      const dir = tempTree({ 'm.tde.yaml': fixture('clean.tde.yaml') });
      const result = await tde(dir, ['check', '-o', 'no/such/folder/report.txt']);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'tde: cannot write the report to no/such/folder/report.txt: no such file or folder\n');
    });
  });

  describe('colors', () => {
    const colored = async (options: Parameters<typeof tde>[2], ...flags: string[]) =>
      ANSI.test((await tde(FIXTURES, ['check', ...flags, 'mistakes.tde.yaml'], options)).stdout);

    it('colors at a terminal', async () => assert.equal(await colored({ isTTY: true }), true));
    it('does not color into a pipe', async () => assert.equal(await colored({ isTTY: false }), false));
    it('does not color with NO_COLOR', async () => assert.equal(await colored({ isTTY: true, env: { NO_COLOR: '1' } }), false));
    it('does not color with --no-color', async () => assert.equal(await colored({ isTTY: true }, '--no-color'), false));
    it('colors into a pipe with FORCE_COLOR', async () => assert.equal(await colored({ isTTY: false, env: { FORCE_COLOR: '1' } }), true));
    it('does not color with FORCE_COLOR=0', async () => assert.equal(await colored({ isTTY: true, env: { FORCE_COLOR: '0' } }), false));
    it('colors with --color whatever the environment says', async () => assert.equal(await colored({ env: { NO_COLOR: '1' } }, '--color'), true));
  });

  describe('usage errors', () => {
    const cases: [string[], string][] = [
      [['check', '--frobnicate'], 'tde: unknown option --frobnicate (see tde check --help)\n'],
      [['check', '-f', 'xml'], 'tde: unknown format xml; formats: stylish, compact, json, sarif, github, markdown\n'],
      [['check', '--format'], 'tde: --format needs a value (see tde check --help)\n'],
      [['check', '--quiet=yes'], 'tde: --quiet takes no value\n'],
      [['check', '--fix', '--fix-dry-run'], 'tde: use either --fix or --fix-dry-run, not both\n'],
      [['lint'], "tde: unknown command lint. Run 'tde --help' for the commands.\n"],
      [['project.tde.yaml'], "tde: unknown command project.tde.yaml. Did you mean 'tde check project.tde.yaml'? Run 'tde --help' for the commands.\n"],
      [['--format', 'json'], "tde: unknown option --format; options go after the command, as in 'tde check --format' (see tde --help)\n"],
    ];
    for (const [args, message] of cases) {
      it(`tde ${args.join(' ')} → exit 2`, async () => {
        const result = await tde(FIXTURES, args);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, message);
        assert.equal(result.stdout, '');
      });
    }

    it('prints the help on stderr with exit 2 when no command is given', async () => {
      const result = await tde(FIXTURES, []);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^tde — check Tactical Data Engagement project files/);
    });
  });

  describe('help and version', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      it(`tde ${args.join(' ')} lists the commands`, async () => {
        const result = await tde(FIXTURES, args);
        assert.equal(result.code, 0);
        assert.match(result.stdout, /Usage: tde <command> \[options\]/);
        for (const command of ['check', 'pitch', 'init', 'rules']) assert.match(result.stdout, new RegExp(`\\n  ${command}\\b`));
      });
    }

    for (const args of [['check', '--help'], ['help', 'check'], ['check', '-h']]) {
      it(`tde ${args.join(' ')} explains check's options`, async () => {
        const result = await tde(FIXTURES, args);
        assert.equal(result.code, 0);
        assert.match(result.stdout, /^Usage: tde check \[options\] \[PATH\|GLOB …\]/);
        for (const option of ['--format', '--output', '--max-warnings', '--quiet', '--config', '--fix', '--fix-dry-run', '--no-color']) {
          assert.ok(result.stdout.includes(option), option);
        }
      });
    }

    it('tde --version prints the package version', async () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
      const result = await tde(FIXTURES, ['--version']);
      assert.equal(result.code, 0);
      assert.equal(result.stdout, `${version}\n`);
    });
  });
});
