// What each --format prints, exactly where it matters, run in-process.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { escapeMarkdown } from '../../server/src/cli/formatters/markdown';
import { rules } from '../../server/src/engine';
import { FIXTURES, fixture, liveLinks, removeTempTrees, sarifValidator, tde, tempTree } from './helpers';

const MISTAKES_STYLISH = [
  'mistakes.tde.yaml',
  '   6:1  info     Find hears from 1 kind of collaborator (only community-group): listen more broadly, to at least three roles such as residents, community groups and data intermediaries.  [narrow-collaborators]',
  '  12:7  error    Unknown tactic "join-public-meetngs". Did you mean "join-public-meetings"?  [unknown-tactic]',
  '  13:1  warning  Refine is in progress but lists no collaborators: name the people and groups who took part under "collaborators".  [missing-collaborators]',
  '',
  '✖ 3 problems (1 error, 1 warning, 1 info)',
  '  1 fixable with --fix',
  '',
].join('\n');

/** A project whose collaborator role carries text meant to break out of each format. */
const HOSTILE_ROLE = '50% <b>|[x](http://e.vil) `t`\u001b[2J::error::pwned\r\nmore';
const hostileProject = () =>
  fixture('clean.tde.yaml').replace('not-started', 'in-progress') +
  `  collaborators:\n    - name: Someone\n      role: ${JSON.stringify(HOSTILE_ROLE)}\n`;

describe('tde check --format', () => {
  after(removeTempTrees);

  describe('stylish (the default)', () => {
    it('groups problems under the file, aligned, with a summary', async () => {
      const result = await tde(FIXTURES, ['check', 'mistakes.tde.yaml']);
      assert.equal(result.stdout, MISTAKES_STYLISH);
      assert.equal(result.stderr, '');
    });

    it('prints one short line when everything is clean, then what comments silenced', async () => {
      assert.equal((await tde(FIXTURES, ['check', 'clean.tde.yaml'])).stdout, '✓ 1 file checked, no problems\n');
      const result = await tde(FIXTURES, ['check', 'clean.tde.yaml', 'suppressed.tde.yaml']);
      assert.equal(
        result.stdout,
        ['✓ 2 files checked, no problems', '1 problem silenced by comments:', '  suppressed.tde.yaml:17:7  unknown-tactic  (line 16: no reason given)', ''].join('\n'),
      );
    });

    it('colors severities: red error, yellow warning, cyan info, dim rule', async () => {
      const { stdout } = await tde(FIXTURES, ['check', 'mistakes.tde.yaml'], { isTTY: true });
      assert.ok(stdout.includes('\u001b[31merror  \u001b[39m'), stdout);
      assert.ok(stdout.includes('\u001b[33mwarning\u001b[39m'));
      assert.ok(stdout.includes('\u001b[36minfo   \u001b[39m'));
      assert.ok(stdout.includes('\u001b[2m[unknown-tactic]\u001b[22m'));
      // eslint-disable-next-line no-control-regex
      assert.equal(stdout.replace(/\u001b\[[0-9;]*m/g, ''), MISTAKES_STYLISH);
    });

    it('never lets file content drive the terminal', async () => {
      const dir = tempTree({ 'h.tde.yaml': hostileProject() });
      const { stdout } = await tde(dir, ['check', 'h.tde.yaml']);
      assert.ok(!stdout.includes('\u001b'), 'no raw escape');
      assert.ok(!stdout.includes('\r'), 'no raw carriage return');
      assert.ok(stdout.includes('`t`\\u001b[2J::error::pwned\\r\\nmore'), stdout);
    });
  });

  describe('compact', () => {
    it('prints path:line:col: severity: message [rule], one line each', async () => {
      const result = await tde(path.dirname(FIXTURES), ['check', '-f', 'compact', 'cli/mistakes.tde.yaml', 'cli/clean.tde.yaml']);
      assert.equal(result.code, 1);
      assert.equal(
        result.stdout,
        [
          'cli/mistakes.tde.yaml:6:1: info: Find hears from 1 kind of collaborator (only community-group): listen more broadly, to at least three roles such as residents, community groups and data intermediaries. [narrow-collaborators]',
          'cli/mistakes.tde.yaml:12:7: error: Unknown tactic "join-public-meetngs". Did you mean "join-public-meetings"? [unknown-tactic]',
          'cli/mistakes.tde.yaml:13:1: warning: Refine is in progress but lists no collaborators: name the people and groups who took part under "collaborators". [missing-collaborators]',
          '',
        ].join('\n'),
      );
    });

    it('prints nothing at all when clean', async () => {
      const result = await tde(FIXTURES, ['check', '-f', 'compact', 'clean.tde.yaml']);
      assert.deepEqual([result.code, result.stdout], [0, '']);
    });
  });

  describe('json', () => {
    it('lists every file with 1-based positions, docs links, fixes and silenced problems', async () => {
      const result = await tde(FIXTURES, ['check', '-f', 'json', 'mistakes.tde.yaml', 'suppressed.tde.yaml', 'clean.tde.yaml']);
      assert.equal(result.code, 1);
      const report = JSON.parse(result.stdout);
      assert.equal(report.version, require('../../package.json').version);
      assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['clean.tde.yaml', 'mistakes.tde.yaml', 'suppressed.tde.yaml']);
      assert.deepEqual(report.files[0], { path: 'clean.tde.yaml', problems: [], suppressed: [] });
      assert.deepEqual(report.files[1].problems[1], {
        rule: 'unknown-tactic',
        severity: 'error',
        message: 'Unknown tactic "join-public-meetngs". Did you mean "join-public-meetings"?',
        line: 12,
        column: 7,
        endLine: 12,
        endColumn: 26,
        yamlPath: ['find', 'tactics', 0],
        docsUrl: 'https://github.com/tde-tools/tde/blob/main/docs/rules/unknown-tactic.md',
        fix: {
          title: 'Change to "join-public-meetings"',
          edits: [{ line: 12, column: 7, endLine: 12, endColumn: 26, offset: 241, length: 19, newText: 'join-public-meetings' }],
        },
      });
      assert.deepEqual(
        report.files[2].suppressed.map((s: { rule: string; line: number; suppressedBy: object }) => [s.rule, s.line, s.suppressedBy]),
        [['unknown-tactic', 17, { line: 16, column: 5 }]],
      );
      assert.deepEqual(report.summary, { files: 3, errors: 1, warnings: 1, infos: 1, fixable: 1, suppressed: 1 });
    });

    it('gives related places with their own positions', async () => {
      const report = JSON.parse((await tde(FIXTURES, ['check', '-f', 'json', 'related.tde.yaml'])).stdout);
      assert.deepEqual(report.files[0].problems[0].related, [
        { message: 'use case "watering-map"', line: 25, column: 11, endLine: 25, endColumn: 23 },
        { message: 'use case "species-list"', line: 27, column: 11, endLine: 27, endColumn: 23 },
      ]);
    });
  });

  describe('sarif', () => {
    const sarifOf = async (cwd: string, ...files: string[]) => JSON.parse((await tde(cwd, ['check', '-f', 'sarif', ...files])).stdout);

    it('is valid SARIF 2.1.0 (checked against the official JSON Schema)', async () => {
      const validate = sarifValidator();
      assert.equal(validate({ version: '2.1.0', runs: [{ results: [] }] }), false, 'the schema rejects a run without a tool');
      const dir = tempTree({ 'with space/h.tde.yaml': hostileProject() });
      for (const log of [
        await sarifOf(FIXTURES, 'mistakes.tde.yaml', 'related.tde.yaml', 'suppressed.tde.yaml', 'clean.tde.yaml'),
        await sarifOf(dir),
      ]) {
        assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      }
    });

    it('describes every rule in tool.driver', async () => {
      const log = await sarifOf(FIXTURES, 'clean.tde.yaml');
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'tde');
      assert.equal(driver.version, require('../../package.json').version);
      assert.match(driver.informationUri, /^https:\/\//);
      assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), rules.map((r) => r.id));
      const skipped = driver.rules.find((r: { id: string }) => r.id === 'no-steward');
      assert.deepEqual(skipped.defaultConfiguration, { level: 'note' });
      assert.equal(skipped.helpUri, 'https://github.com/tde-tools/tde/blob/main/docs/rules/no-steward.md');
      assert.ok(skipped.shortDescription.text && skipped.fullDescription.text);
      assert.deepEqual(log.runs[0].results, []);
    });

    it('gives each result its rule, level, message and 1-based region relative to %SRCROOT%', async () => {
      const log = await sarifOf(path.dirname(FIXTURES), 'cli/mistakes.tde.yaml');
      const run = log.runs[0];
      assert.deepEqual(run.artifacts, [{ location: { uri: 'cli/mistakes.tde.yaml', uriBaseId: '%SRCROOT%' }, mimeType: 'application/yaml' }]);
      assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///'));
      assert.deepEqual(run.results.map((r: { level: string }) => r.level), ['note', 'error', 'warning']);
      const tactic = run.results[1];
      assert.equal(tactic.ruleId, 'unknown-tactic');
      assert.equal(run.tool.driver.rules[tactic.ruleIndex].id, 'unknown-tactic');
      assert.equal(tactic.message.text, 'Unknown tactic "join-public-meetngs". Did you mean "join-public-meetings"?');
      assert.deepEqual(tactic.locations, [
        {
          physicalLocation: {
            artifactLocation: { uri: 'cli/mistakes.tde.yaml', uriBaseId: '%SRCROOT%', index: 0 },
            region: { startLine: 12, startColumn: 7, endLine: 12, endColumn: 26 },
          },
        },
      ]);
      assert.deepEqual(tactic.partialFingerprints, { 'tdeProblem/v1': 'unknown-tactic|cli/mistakes.tde.yaml|find/tactics/0' });
      // The fix, which a tool may apply, is the result's one `fixes` entry.
      assert.deepEqual(tactic.fixes, [{
        description: { text: 'Change to "join-public-meetings"' },
        artifactChanges: [{
          artifactLocation: { uri: 'cli/mistakes.tde.yaml', uriBaseId: '%SRCROOT%', index: 0 },
          replacements: [{ deletedRegion: { startLine: 12, startColumn: 7, endLine: 12, endColumn: 26 }, insertedContent: { text: 'join-public-meetings' } }],
        }],
      }]);
    });

    it('never puts a suggestion among `fixes`; the JSON report carries suggestions apart from the fix', async () => {
      const dir = tempTree({ 'p.tde.yaml': 'tde: 1\nproject: {title: T, place: P}\nfind:\n  status: in-progres\n' });
      const log = await sarifOf(dir);
      assert.ok(sarifValidator()(log));
      const [result] = log.runs[0].results;
      assert.equal(result.fixes, undefined);
      assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].properties.suggests, true);
      const [problem] = JSON.parse((await tde(dir, ['check', '-f', 'json'])).stdout).files[0].problems;
      assert.equal(problem.fix, undefined);
      assert.deepEqual(problem.suggestions, [{ title: 'Change to "in-progress"', edits: [{ line: 4, column: 11, endLine: 4, endColumn: 21, offset: 53, length: 10, newText: 'in-progress' }] }]);
    });

    it('keeps fingerprints when lines move', async () => {
      const dir = tempTree({ 'a.tde.yaml': fixture('mistakes.tde.yaml'), 'b/a.tde.yaml': '# one\n# two\n\n' + fixture('mistakes.tde.yaml') });
      const prints = async (cwd: string) =>
        (await sarifOf(cwd, 'a.tde.yaml')).runs[0].results.map((r: { partialFingerprints: object; locations: { physicalLocation: { region: { startLine: number } } }[] }) => [
          r.partialFingerprints,
          r.locations[0]!.physicalLocation.region.startLine,
        ]);
      const before = await prints(dir);
      const after = await prints(path.join(dir, 'b'));
      assert.deepEqual(after.map((p: unknown[]) => p[0]), before.map((p: unknown[]) => p[0]));
      assert.deepEqual(after.map((p: [unknown, number]) => p[1]), before.map((p: [unknown, number]) => p[1] + 3));
    });

    it('points at related places and marks silenced problems as suppressed in source', async () => {
      const log = await sarifOf(FIXTURES, 'related.tde.yaml', 'suppressed.tde.yaml');
      const [related, silenced] = log.runs[0].results;
      assert.deepEqual(related.relatedLocations[0], {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'related.tde.yaml', uriBaseId: '%SRCROOT%', index: 0 },
          region: { startLine: 25, startColumn: 11, endLine: 25, endColumn: 23 },
        },
        message: { text: 'use case "watering-map"' },
      });
      assert.equal(silenced.ruleId, 'unknown-tactic');
      assert.equal(silenced.suppressions[0].kind, 'inSource');
      assert.equal(silenced.suppressions[0].location.physicalLocation.region.startLine, 16);
    });

    it('percent-encodes artifact paths', async () => {
      const dir = tempTree({ 'my projects/#1 trees.tde.yaml': fixture('mistakes.tde.yaml') });
      const log = await sarifOf(dir);
      assert.equal(log.runs[0].artifacts[0].location.uri, 'my%20projects/%231%20trees.tde.yaml');
    });
  });

  describe('github', () => {
    it('prints one workflow command per problem, info as notice', async () => {
      const result = await tde(FIXTURES, ['check', '-f', 'github', 'mistakes.tde.yaml']);
      assert.equal(result.code, 1);
      assert.equal(
        result.stdout,
        [
          '::notice file=mistakes.tde.yaml,line=6,col=1,endLine=6,endColumn=5,title=tde (narrow-collaborators)::Find hears from 1 kind of collaborator (only community-group): listen more broadly, to at least three roles such as residents, community groups and data intermediaries.',
          '::error file=mistakes.tde.yaml,line=12,col=7,endLine=12,endColumn=26,title=tde (unknown-tactic)::Unknown tactic "join-public-meetngs". Did you mean "join-public-meetings"?',
          '::warning file=mistakes.tde.yaml,line=13,col=1,endLine=13,endColumn=7,title=tde (missing-collaborators)::Refine is in progress but lists no collaborators: name the people and groups who took part under "collaborators".',
          '',
        ].join('\n'),
      );
    });

    it('escapes file names and messages so nothing can start a command of its own', async () => {
      const dir = tempTree({ 'we,ird:name%.tde.yaml': hostileProject() });
      const { stdout } = await tde(dir, ['check', '-f', 'github']);
      const lines = stdout.split('\n').filter(Boolean);
      // The schema's enum error carries the hostile text (other rules may add lines of their own).
      assert.equal(lines.filter((line) => line.includes('title=tde (schema)')).length, 1, stdout);
      for (const line of lines) {
        assert.match(line, /^::(error|warning|notice) file=we%2Cird%3Aname%25\.tde\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=tde \([a-z-]+\)::/);
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(line, /[\u0000-\u001f]/);
      }
      // The injected "::error::pwned" stays inside the message; the line break after it is escaped.
      assert.ok(stdout.includes('50%25 <b>|[x](http://e.vil) `t`[2J::error::pwned%0D%0Amore'), stdout);
    });

    it('escapes data and property values as the runner reads them', () => {
      assert.equal(escapeData('100% done\r\n::error::x'), '100%25 done%0D%0A::error::x');
      assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
      assert.equal(escapeData('bell\u0007 esc\u001b[0m nul\u0000 del\u007f'), 'bell esc[0m nul del');
    });
  });

  describe('markdown', () => {
    it('posts a heading, a summary and a table per file with linked rules', async () => {
      const result = await tde(FIXTURES, ['check', '-f', 'markdown', 'mistakes.tde.yaml', 'clean.tde.yaml']);
      assert.equal(result.code, 1);
      assert.equal(
        result.stdout,
        [
          '## tde report',
          '',
          '❌ 3 problems (1 error, 1 warning, 1 info) in 1 of 2 files checked.',
          '',
          '1 can be fixed with `tde check --fix`.',
          '',
          '### mistakes.tde.yaml',
          '',
          '| Line | Severity | Rule | Message |',
          '| ---: | --- | --- | --- |',
          '| 6:1 | ℹ️ info | [narrow-collaborators](https://github.com/tde-tools/tde/blob/main/docs/rules/narrow-collaborators.md) | Find hears from 1 kind of collaborator (only community-group): listen more broadly, to at least three roles such as residents, community groups and data intermediaries. |',
          '| 12:7 | ❌ error | [unknown-tactic](https://github.com/tde-tools/tde/blob/main/docs/rules/unknown-tactic.md) | Unknown tactic &quot;join-public-meetngs&quot;. Did you mean &quot;join-public-meetings&quot;? |',
          '| 13:1 | ⚠️ warning | [missing-collaborators](https://github.com/tde-tools/tde/blob/main/docs/rules/missing-collaborators.md) | Refine is in progress but lists no collaborators: name the people and groups who took part under &quot;collaborators&quot;. |',
          '',
        ].join('\n'),
      );
    });

    it('says "No problems" when clean', async () => {
      const result = await tde(FIXTURES, ['check', '-f', 'markdown', 'clean.tde.yaml']);
      assert.equal(result.stdout, '## tde report\n\n✅ No problems in 1 file checked.\n');
    });

    it('escapes file text: no table break, no HTML, no links, one line per row', async () => {
      const dir = tempTree({ 'a|<b>.tde.yaml': hostileProject() });
      const { stdout } = await tde(dir, ['check', '-f', 'markdown']);
      assert.ok(stdout.includes('### a&#124;&lt;b&gt;.tde.yaml'), stdout);
      assert.ok(!stdout.includes('<b>'));
      assert.ok(!stdout.includes('](http://e.vil)'));
      const rows = stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Line') && !line.startsWith('| ---'));
      assert.equal(rows.filter((row) => row.includes('[schema]')).length, 1, stdout);
      for (const row of rows) assert.equal(row.split('|').length, 6, row); // exactly four cells
      assert.ok(stdout.includes('got &quot;50% &lt;b&gt;&#124;&#91;x&#93;(http:&#8203;//e.vil) &#96;t&#96;&#91;2J::error::pwned<br>more&quot;'), stdout);
      assert.deepEqual(liveLinks(stdout), []);
    });

    it('escapes each character that Markdown or HTML would read', () => {
      assert.equal(escapeMarkdown('a|b<c>&d`e[f]g\nh'), 'a&#124;b&lt;c&gt;&amp;d&#96;e&#91;f&#93;g<br>h');
    });
  });
});
