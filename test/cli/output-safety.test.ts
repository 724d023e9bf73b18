// What reads the CLI's output takes no orders from the files checked: a
// GitHub Actions log sees no workflow command of theirs, a pull-request
// comment no live @mention or link, a terminal or a page no control or bidi
// character, and code scanning gets SARIF within GitHub's limits. As a user
// would see it: the real binary where the stream matters, formatters directly
// where only their text does.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { formatSarif, SARIF_LIMITS } from '../../server/src/cli/formatters/sarif';
import { escapeCode, escapeMarkdown } from '../../server/src/cli/formatters/markdown';
import { escapeHtml } from '../../server/src/engine/html';
import type { CheckReport, ReportedProblem } from '../../server/src/cli/report';
import { ESCAPED_COLON, lineSafe, linePath, noColors, terminalSafe } from '../../server/src/cli/terminal';
import { rules } from '../../server/src/engine';
import { ANSI, BIN, removeTempTrees, sarifValidator, tde, tdeProcess, tempTree } from './helpers';
import { buildOnce } from '../helpers/build';

const SGR = new RegExp(ANSI.source, 'g');
/** A line the runner reads as a workflow command (it trims leading white space first). */
const COMMAND_LINE = /^[\s\u0085]*::/;
/** Our own annotations, in the github format: `::error file=…,line=…::message`. */
const OUR_ANNOTATION = /^::(error|warning|notice) file=[^\r\n:]*(,[a-zA-Z]+=[^\r\n:,]*)*::[^\r\n]*$/;

/** A project with problems, a silenced one whose reason is a command, and a block scalar of commands beside a fixable date. */
const PROJECT = [
  'tde: 1',
  'project:',
  '  title: "::error::title"',
  '  place: P',
  '  started: 2/27/2024',
  'x-notes: |',
  '  ::error::a line of a block scalar',
  'find:',
  '  status: in-progres',
  '  collaborators:',
  '    - {name: A, role: resident}',
  '  tactics:',
  '    # tde-disable-next-line unknown-tactic -- ::error::a reason',
  '    - a-walk',
  '    - "::warning::tactic"',
  '',
].join('\n');

const PITCH = [
  'tde: 1',
  'project: {title: T, place: P}',
  'find:',
  '  status: done',
  '  collaborators: [{name: A, role: resident}]',
  '  result:',
  '    focus_area: "\\e[2J\\e[31mred\\u202e\\u0085\\n::warning::focus"',
  'refine:',
  '  status: in-progress',
  '  pitch:',
  '    impact: "@octocat https://evil.example"',
  '    template: "::error::pitch {focus_area}\\n  ::add-mask::x {impact}"',
  '',
].join('\n');

function commandLines(text: string): string[] {
  return text.replace(SGR, '').split('\n').filter((line) => COMMAND_LINE.test(line));
}

describe('output safety', function () {
  this.timeout(60_000);
  after(removeTempTrees);

  describe('no line a GitHub runner would take for a workflow command', () => {
    let dir: string;
    before(() => {
      buildOnce();
      dir = tempTree({ '::warning::x.tde.yaml': PROJECT, 'pitch.tde.yaml': PITCH });
    });

    for (const format of ['stylish', 'compact', 'json', 'sarif', 'github', 'markdown']) {
      for (const color of format === 'stylish' || format === 'compact' ? ['--no-color', '--color'] : ['--no-color']) {
        it(`check --format ${format} ${color}`, () => {
          const run = tdeProcess(dir, ['check', '.', '--format', format, color]);
          assert.equal(run.code, 1, run.stderr);
          assert.deepEqual(commandLines(run.stderr), [], 'stderr');
          if (format === 'github') {
            const lines = run.stdout.split('\n').filter(Boolean);
            assert.ok(lines.some((line) => line.includes('file=%3A%3Awarning%3A%3Ax.tde.yaml,')), run.stdout);
            assert.deepEqual(lines.filter((line) => !OUR_ANNOTATION.test(line)), [], 'lines that are not our annotations');
          } else {
            assert.deepEqual(commandLines(run.stdout), [], run.stdout);
          }
        });
      }
    }

    it('shows a path that would be a command as ./path, the same file', () => {
      const stylish = tdeProcess(dir, ['check', '::warning::x.tde.yaml', '--no-color']).stdout.split('\n');
      assert.equal(stylish[0], './::warning::x.tde.yaml');
      assert.ok(stylish.includes('  ./::warning::x.tde.yaml:14:7  unknown-tactic  (line 13: "::error::a reason")'), stylish.join('\n'));
      const compact = tdeProcess(dir, ['check', '::warning::x.tde.yaml', '-f', 'compact']).stdout;
      assert.match(compact, /^\.\/::warning::x\.tde\.yaml:9:11: error: "status" must be "not-started", /m);
      // Mid-line, text is left as the file wrote it.
      assert.ok(compact.includes('Unknown tactic "::warning::tactic".'), compact);
    });

    it('--fix-dry-run: a context line of the file cannot be a command', () => {
      const run = tdeProcess(dir, ['check', '::warning::x.tde.yaml', '--fix-dry-run', '--no-color']);
      assert.ok(run.stdout.includes('+  started: 2024-02-27'), run.stdout);
      assert.ok(run.stdout.includes(' \\::error::a line of a block scalar') || run.stdout.includes('  \\::error::a line of a block scalar'), run.stdout);
      assert.deepEqual(commandLines(run.stdout), []);
      assert.ok(run.stderr.includes('./::warning::x.tde.yaml: would fix 1 problem (schema)\n'), run.stderr);
      assert.deepEqual(commandLines(run.stderr), [], run.stderr);
    });

    for (const format of ['stylish', 'markdown', 'json']) {
      it(`status --format ${format}`, () => {
        const run = tdeProcess(dir, ['status', '.', '--format', format, '--no-color']);
        assert.equal(run.code, 0, run.stderr);
        assert.deepEqual(commandLines(run.stdout), [], run.stdout);
      });
    }

    it('pitch --format text: the pitch starting with :: is shown escaped, on its line', () => {
      const run = tdeProcess(dir, ['pitch', 'pitch.tde.yaml']);
      const first = run.stdout.split('\n')[0]!;
      assert.ok(first.startsWith('\\::error::pitch \\u001b[2J\\u001b[31mred\\u202e\\u0085\\n::warning::focus\\n  ::add-mask::x '), first);
      assert.deepEqual(commandLines(run.stdout), []);
    });

    it('pitch --format markdown and html: `&#58;` for the first colon, which renders as the colon', () => {
      const markdown = tdeProcess(dir, ['pitch', 'pitch.tde.yaml', '--format', 'markdown']).stdout;
      assert.ok(markdown.includes('\n&#58;:error::pitch '), markdown);
      assert.deepEqual(commandLines(markdown), []);
      const html = tdeProcess(dir, ['pitch', 'pitch.tde.yaml', '--format', 'html']).stdout;
      assert.ok(html.includes('\n  &#58;:add-mask::x '), html);
      assert.deepEqual(commandLines(html), []);
    });

    it('lineSafe escapes the first colon of a line that starts with ::, and nothing else', () => {
      assert.equal(lineSafe('::error::x'), '\\::error::x');
      assert.equal(lineSafe('ok\n \t::warning::y\na::b\n'), 'ok\n \t\\::warning::y\na::b\n');
      assert.equal(lineSafe('\u001b[4m::x\u001b[24m'), '\u001b[4m\\::x\u001b[24m');
      assert.equal(lineSafe('\u3000::x', ESCAPED_COLON.markup), '\u3000&#58;:x');
      assert.equal(lineSafe(':x\n: :y'), ':x\n: :y');
      assert.equal(linePath('::warning::x.tde.yaml'), './::warning::x.tde.yaml');
      assert.equal(linePath('a/::b.tde.yaml'), 'a/::b.tde.yaml');
    });
  });

  describe('Markdown: no live mention or link from file text', () => {
    /** What GitHub reads once Markdown is rendered: entities decoded. */
    const decode = (markdown: string) =>
      markdown.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    /** Text outside `<code>` and our links to the rules' pages, where GitHub pings and links. */
    const outsideCode = (markdown: string) => markdown.replace(/<code>.*?<\/code>/g, ' ').replace(/\]\(https:\/\/github\.com\/tde-tools\/tde\/[^)]*\)/g, '](docs)');
    const MENTION = /(^|[^\w\u200b])@[A-Za-z0-9]/;
    const LINK = /https?:\/\/|www\.[a-z]/i;
    const REFERENCE = /#\d/;

    it('a backtick in the text cannot free @mentions, links or references from a message', async () => {
      const tactic = 'a` @someone https://evil.example www.evil.example #12 see@evil.example `b';
      const dir = tempTree({ 'a.tde.yaml': `tde: 1\nproject: {title: T, place: P}\nfind:\n  status: in-progress\n  collaborators: [{name: A, role: resident}]\n  tactics:\n    - ${JSON.stringify(tactic)}\n` });
      const { stdout } = await tde(dir, ['check', '-f', 'markdown']);
      const row = stdout.split('\n').find((line) => line.includes('unknown-tactic'))!;
      assert.ok(row, stdout);
      const seen = decode(outsideCode(row));
      assert.doesNotMatch(seen, MENTION, row);
      assert.doesNotMatch(seen, LINK, row);
      assert.doesNotMatch(seen, REFERENCE, row);
      assert.doesNotMatch(seen, /\w@\w/, row);
      // …yet it reads as the file wrote it (the breaks are zero-width spaces).
      assert.ok(decode(row).replace(/\u200b/g, '').replace(/<\/?code>/g, '`').includes(tactic), row);
    });

    it('file paths, reasons and project titles ping no one', async () => {
      const dir = tempTree({
        '@team #1.tde.yaml': `tde: 1\nproject: {title: "@octocat and @org/team", place: P}\nfind:\n  status: in-progress\n  collaborators: [{name: A, role: resident}]\n  tactics:\n    # tde-disable-next-line unknown-tactic -- agreed with @octocat in #42\n    - a-walk\n`,
      });
      const check = (await tde(dir, ['check', '-f', 'markdown'])).stdout;
      const status = (await tde(dir, ['status', '-f', 'markdown'])).stdout;
      for (const markdown of [check, status]) {
        const seen = decode(outsideCode(markdown));
        assert.doesNotMatch(seen, MENTION, markdown);
        assert.doesNotMatch(seen, REFERENCE, markdown);
      }
      assert.ok(check.includes('agreed with @&#8203;octocat in &#35;&#8203;42'), check);
      assert.ok(status.includes('| @&#8203;team &#35;&#8203;1.tde.yaml | @&#8203;octocat and @&#8203;org/team |'), status);
    });

    it('escapes: mentions outside code, links everywhere, ids and paths in code copy as written where GitHub would link nothing', () => {
      assert.equal(escapeMarkdown('@a #1 https://x.example'), '@&#8203;a &#35;&#8203;1 https:&#8203;//x.example');
      assert.equal(escapeMarkdown('see https://x.example or WWW.x.example'), 'see https:&#8203;//x.example or WWW&#8203;.x.example');
      assert.equal(escapeCode('@a #1 https://x.example'), '@a &#35;1 https:&#8203;//x.example');
      // In code, `www.` is a link only after a blank or `*_~(`, an address only with a name before its `@`.
      assert.equal(escapeCode('sites/www.city.example/a@2 x (www.e.example) me@e.example'), 'sites/www.city.example/a@2 x (www&#8203;.e.example) me@&#8203;e.example');
      assert.equal(escapeCode('@scope/x'), '@scope/x');
      assert.equal(escapeMarkdown('a # b'), 'a &#35; b');
    });

    it('shows bidi controls and drops C0 and C1 controls', () => {
      assert.equal(escapeMarkdown('a\u202eb\u2066c\u200fd'), 'a&#92;u202eb&#92;u2066c&#92;u200fd');
      assert.equal(escapeMarkdown('a\u0085b\u009bc\u001bd\u007fe'), 'abcde');
      assert.equal(escapeCode('x\u202ey'), 'x&#92;u202ey');
      assert.equal(terminalSafe('a\u202eb\u009bc'), 'a\\u202eb\\u009bc');
    });
  });

  describe('bidi controls in the data formats and annotations', () => {
    const BIDI_FILE = 'tde: 1\nproject: {title: "a\\u202eb", place: P}\nfind:\n  status: in-progress\n  collaborators: [{name: A, role: resident}]\n  tactics:\n    - "ab\\u202ecd\\u2066e\\u0085f"\n';
    // eslint-disable-next-line no-control-regex
    const RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

    it('JSON and SARIF write them as \\u escapes: the same value, nothing raw to obey', async () => {
      const dir = tempTree({ 'a.tde.yaml': BIDI_FILE });
      for (const args of [['check', '-f', 'json'], ['check', '-f', 'sarif'], ['status', '-f', 'json']]) {
        const { stdout } = await tde(dir, args);
        assert.doesNotMatch(stdout, RAW, args.join(' '));
        assert.ok(stdout.includes('\\u202e'), args.join(' '));
      }
      const report = JSON.parse((await tde(dir, ['check', '-f', 'json'])).stdout) as { files: { problems: { message: string }[] }[] };
      assert.ok(report.files[0]!.problems.some((p) => p.message.includes('ab\u202ecd\u2066e\u0085f')), 'the data is unchanged');
    });

    it('a workflow annotation shows them instead of obeying them', async () => {
      const dir = tempTree({ 'a.tde.yaml': BIDI_FILE });
      const { stdout } = await tde(dir, ['check', '-f', 'github']);
      assert.doesNotMatch(stdout, RAW);
      assert.ok(stdout.includes('Unknown tactic "ab\\u202ecd\\u2066ef".'), stdout);
    });
  });

  describe('pitch --format html: no control characters', () => {
    it('shows controls and bidi characters as escapes, keeps line breaks', () => {
      assert.equal(escapeHtml('a\u001b[31mb\u202ec\u0085d\te\r\nf<g>'), 'a\\u001b[31mb\\u202ec\\u0085d e\nf&lt;g&gt;');
    });

    it('in the page the CLI prints', async () => {
      const dir = tempTree({ 'p.tde.yaml': PITCH });
      const { stdout } = await tde(dir, ['pitch', '--format', 'html', 'p.tde.yaml']);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      assert.ok(stdout.includes('\\u001b[2J\\u001b[31mred\\u202e\\u0085\n'), stdout);
    });
  });

  describe('SARIF within GitHub\'s limits', () => {
    const problem = (line: number, severity: ReportedProblem['severity'], related = 0): ReportedProblem => ({
      rule: 'schema',
      severity,
      message: `problem on line ${line}`,
      line,
      column: 1,
      endLine: line,
      endColumn: 2,
      offset: 0,
      length: 1,
      yamlPath: ['k', line],
      docsUrl: 'https://github.com/tde-tools/tde/blob/main/docs/rules/schema.md',
      ...(related ? { related: Array.from({ length: related }, (_, i) => ({ line: i + 1, column: 1, endLine: i + 1, endColumn: 2, message: 'here' })) } : {}),
    });
    const report = (files: ReportedProblem[][]): CheckReport => ({
      version: '0.1.0',
      cwd: '/work',
      files: files.map((problems, i) => ({ path: `f${i}.tde.yaml`, problems, suppressed: [] })),
      summary: { files: files.length, errors: 0, warnings: 0, infos: 0, fixable: 0, suppressed: 0 },
      quiet: false,
    });
    type Log = { runs: { results: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { index: number }; region: { startLine: number } } }[]; relatedLocations?: unknown[] }[]; invocations?: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };

    it('keeps the 25,000 most severe results, in file and line order, and says what it left out', () => {
      // Notes first in each file, then warnings, then errors: the cap must reach past the notes.
      const severities = (count: number, severity: ReportedProblem['severity'], from: number) => Array.from({ length: count }, (_, i) => problem(from + i, severity));
      const files = [0, 1].map(() => [...severities(14_000, 'info', 1), ...severities(1_500, 'warning', 20_001), ...severities(500, 'error', 30_001)]);
      const warnings: string[] = [];
      const text = formatSarif(report(files), { palette: noColors, rules, warn: (message) => warnings.push(message) });
      const log = JSON.parse(text) as Log;
      const { results, invocations } = log.runs[0]!;
      assert.equal(results.length, SARIF_LIMITS.resultsPerRun);
      const count = (level: string) => results.filter((r) => r.level === level).length;
      assert.deepEqual([count('error'), count('warning'), count('note')], [1_000, 3_000, 21_000]);
      const positions = results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.index, r.locations[0]!.physicalLocation.region.startLine]);
      assert.deepEqual(positions, [...positions].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!), 'file and line order');
      // The first file's notes are kept before the second's.
      assert.equal(results.filter((r) => r.level === 'note' && r.locations[0]!.physicalLocation.artifactLocation.index === 0).length, 14_000);
      const notice = invocations![0]!.toolExecutionNotifications[0]!.message.text;
      assert.match(notice, /^32,000 results are more than .* \(25,000 results\): the 25,000 most severe are here .* and 7,000 are left out\./);
      assert.deepEqual(warnings, [`SARIF: ${notice}`]);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    });

    it('holds related locations to 1,000 a result, and says so', () => {
      const warnings: string[] = [];
      const log = JSON.parse(formatSarif(report([[problem(1, 'error', 1_200)]]), { palette: noColors, rules, warn: (m) => warnings.push(m) })) as Log;
      assert.equal(log.runs[0]!.results[0]!.relatedLocations!.length, SARIF_LIMITS.locationsPerResult);
      assert.match(warnings.join('\n'), /200 related locations are left out/);
      assert.ok(sarifValidator()(log));
    });

    it('says nothing of limits when under them', () => {
      const warnings: string[] = [];
      const log = JSON.parse(formatSarif(report([[problem(1, 'error'), problem(2, 'info')]]), { palette: noColors, rules, warn: (m) => warnings.push(m) })) as Log;
      assert.equal(log.runs[0]!.invocations, undefined);
      assert.deepEqual(warnings, []);
    });

    it('tde check on a file with more than 25,000 problems: a SARIF GitHub takes, and a line on stderr', () => {
      buildOnce();
      const keys = Array.from({ length: 25_100 }, (_, i) => `k${i}: 1\n`).join('');
      const dir = tempTree({ 'many.tde.yaml': `tde: 1\nproject:\n  title: T\n  place: P\n${keys}` });
      const run = spawnSync(process.execPath, [BIN, 'check', '-f', 'sarif'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      assert.equal(run.status, 1, run.stderr);
      const log = JSON.parse(run.stdout) as Log;
      assert.equal(log.runs[0]!.results.length, 25_000);
      assert.match(run.stderr, /^tde: SARIF: 25,100 results are more than .* 100 are left out\. Run `tde check` to see them all\.\n$/);
    });
  });
});
