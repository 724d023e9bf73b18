// Suppressions with reasons: `# tde-disable… -- reason` shown in every
// format, `--require-reason` and `--report-unused-disable`.
import * as assert from 'node:assert/strict';
import { FIXTURES, fixture, liveLinks, markdownAsSeen, removeTempTrees, sarifValidator, tde, tempTree } from './helpers';
import { gitRepo } from './gitRepo';

const run = (...args: string[]) => tde(FIXTURES, ['check', ...args, 'reasons.tde.yaml']);

describe('tde check: suppressions with reasons', () => {
  after(removeTempTrees);

  it('passes a file whose problems comments silence, and lists them with their reasons', async () => {
    const result = await run();
    assert.equal(result.code, 0);
    assert.equal(
      result.stdout,
      [
        '✓ 1 file checked, no problems',
        '3 problems silenced by comments:',
        '  reasons.tde.yaml:17:16  personal-contact  (line 16: "the organiser asked to be listed")',
        '  reasons.tde.yaml:20:7  unknown-tactic  (line 19: no reason given)',
        '  reasons.tde.yaml:22:7  unknown-tactic  (line 21: "our own walk, agreed with the team")',
        '',
      ].join('\n'),
    );
  });

  describe('--require-reason', () => {
    it('makes a comment without a reason an error on the comment', async () => {
      const result = await run('--require-reason', '-f', 'json');
      assert.equal(result.code, 1);
      const [problem, ...others] = JSON.parse(result.stdout).files[0].problems;
      assert.deepEqual(others, []);
      assert.deepEqual(problem, {
        rule: 'suppression-without-reason',
        severity: 'error',
        message: '"# tde-disable-next-line unknown-tactic" gives no reason: add one after " -- " ("# tde-disable-next-line unknown-tactic -- why this is fine"), so reviewers see why the check is silenced.',
        line: 19,
        column: 5,
        endLine: 19,
        endColumn: 43,
        yamlPath: ['find', 'tactics', 0],
        docsUrl: 'https://github.com/tde-tools/tde/blob/main/docs/review.md#suppressions-with-reasons',
      });
    });

    it('counts a bare comment and a rest-of-file comment too', async () => {
      const dir = tempTree({
        'a.tde.yaml': '# tde-disable narrow-collaborators\n' + fixture('clean.tde.yaml') + '# tde-disable-next-line\nnext: {}\n',
      });
      const { stdout } = await tde(dir, ['check', '--require-reason', '-f', 'compact']);
      const lines = stdout.split('\n').filter((line) => line.includes('[suppression-without-reason]'));
      assert.equal(lines.length, 2, stdout);
      assert.match(lines[0]!, /^a\.tde\.yaml:1:1: error: "# tde-disable narrow-collaborators" gives no reason/);
      assert.match(lines[1]!, /^a\.tde\.yaml:9:1: error: "# tde-disable-next-line" gives no reason/);
    });

    it('is a problem like any other for --since: an old one is existing', async () => {
      const repo = gitRepo({ 'reasons.tde.yaml': fixture('reasons.tde.yaml') });
      repo.commit('base');
      repo.write({ 'reasons.tde.yaml': '# moved down\n' + fixture('reasons.tde.yaml') });
      const result = await tde(repo.dir, ['check', '--require-reason', '--since', 'main']);
      assert.equal(result.code, 0, result.stdout);
      assert.match(result.stdout, /\[suppression-without-reason\] \(existing\)/);
    });
  });

  describe('--report-unused-disable', () => {
    it('warns about a comment that silences nothing, and a rule in a list that silences nothing', async () => {
      const result = await run('--report-unused-disable', '-f', 'compact');
      assert.equal(result.code, 0);
      const warnings = result.stdout.split('\n').filter((line) => line.includes('[unused-disable]'));
      assert.deepEqual(warnings, [
        'reasons.tde.yaml:21:5: warning: In "# tde-disable-next-line unknown-tactic, tactic-wrong-step", "tactic-wrong-step" silences nothing: remove it from the list. [unused-disable]',
        'reasons.tde.yaml:23:5: warning: "# tde-disable-next-line unknown-tactic" silences nothing on the line it applies to: "unknown-tactic" has no problem there. Remove the comment. [unused-disable]',
      ]);
      assert.equal((await run('--report-unused-disable', '--max-warnings', '0')).code, 1);
    });

    it('suggests the rule a misspelt id meant, and says a bare comment silences nothing', async () => {
      const dir = tempTree({
        'a.tde.yaml': fixture('clean.tde.yaml').replace('find:', '# tde-disable-next-line missing-colaborators\nfind:') + '# tde-disable-next-line\nnext: {}\n',
      });
      const { stdout } = await tde(dir, ['check', '--report-unused-disable', '-f', 'compact']);
      assert.ok(stdout.includes('"missing-colaborators" (not a rule; did you mean "missing-collaborators"?) has no problem there. Remove the comment. [unused-disable]'), stdout);
      assert.ok(stdout.includes('a.tde.yaml:9:1: warning: "# tde-disable-next-line" silences nothing on the line it applies to: remove it. [unused-disable]'), stdout);
    });

    it('says nothing while the YAML does not parse', async () => {
      const dir = tempTree({ 'a.tde.yaml': '# tde-disable-next-line schema\ntde: [1\n' });
      const report = JSON.parse((await tde(dir, ['check', '--report-unused-disable', '-f', 'json'])).stdout);
      assert.deepEqual(report.files[0].problems.map((p: { rule: string }) => p.rule), ['yaml-syntax']);
    });
  });

  describe('every format lists what comments silence, and why', () => {
    it('json: suppressedBy with the reason', async () => {
      const report = JSON.parse((await run('-f', 'json')).stdout);
      assert.deepEqual(
        report.files[0].suppressed.map((s: { rule: string; line: number; suppressedBy: object }) => [s.rule, s.line, s.suppressedBy]),
        [
          ['personal-contact', 17, { line: 16, column: 7, reason: 'the organiser asked to be listed' }],
          ['unknown-tactic', 20, { line: 19, column: 5 }],
          ['unknown-tactic', 22, { line: 21, column: 5, reason: 'our own walk, agreed with the team' }],
        ],
      );
    });

    it('sarif: in-source suppressions with the reason as justification', async () => {
      const log = JSON.parse((await run('-f', 'sarif')).stdout);
      assert.deepEqual(
        log.runs[0].results.map((r: { ruleId: string; suppressions: { kind: string; justification?: string }[] }) => [r.ruleId, r.suppressions[0]!.kind, r.suppressions[0]!.justification]),
        [
          ['personal-contact', 'inSource', 'the organiser asked to be listed'],
          ['unknown-tactic', 'inSource', undefined],
          ['unknown-tactic', 'inSource', 'our own walk, agreed with the team'],
        ],
      );
    });

    it('sarif: describes the checks of comments when a result uses them', async () => {
      const log = JSON.parse((await run('-f', 'sarif', '--require-reason')).stdout);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors));
      const [result] = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'suppression-without-reason');
      const descriptor = log.runs[0].tool.driver.rules[result.ruleIndex];
      assert.equal(descriptor.id, 'suppression-without-reason');
      assert.equal(descriptor.helpUri, 'https://github.com/tde-tools/tde/blob/main/docs/review.md#suppressions-with-reasons');
    });

    it('github: a notice on each comment', async () => {
      const { stdout } = await run('-f', 'github');
      assert.equal(
        stdout,
        [
          '::notice file=reasons.tde.yaml,line=16,col=7,title=tde%3A silenced personal-contact::This comment silences personal-contact (line 17). Reason given: the organiser asked to be listed',
          '::notice file=reasons.tde.yaml,line=19,col=5,title=tde%3A silenced unknown-tactic::This comment silences unknown-tactic (line 20). It gives no reason.',
          '::notice file=reasons.tde.yaml,line=21,col=5,title=tde%3A silenced unknown-tactic::This comment silences unknown-tactic (line 22). Reason given: our own walk, agreed with the team',
          '',
        ].join('\n'),
      );
    });

    it('markdown: a table with the reasons', async () => {
      const { stdout } = await run('-f', 'markdown');
      assert.ok(
        stdout.endsWith(
          [
            '### Silenced by comments',
            '',
            '| File | Line | Rule | Silenced by line | Reason |',
            '| --- | ---: | --- | ---: | --- |',
            '| reasons.tde.yaml | 17:16 | [personal-contact](https://github.com/tde-tools/tde/blob/main/docs/rules/personal-contact.md) | 16 | the organiser asked to be listed |',
            '| reasons.tde.yaml | 20:7 | [unknown-tactic](https://github.com/tde-tools/tde/blob/main/docs/rules/unknown-tactic.md) | 19 | *no reason given* |',
            '| reasons.tde.yaml | 22:7 | [unknown-tactic](https://github.com/tde-tools/tde/blob/main/docs/rules/unknown-tactic.md) | 21 | our own walk, agreed with the team |',
            '',
          ].join('\n'),
        ),
        stdout,
      );
    });

    it('compact: a silenced line for each', async () => {
      const lines = (await run('-f', 'compact')).stdout.split('\n').filter(Boolean);
      assert.equal(lines.length, 3);
      assert.match(lines[0]!, /^reasons\.tde\.yaml:17:16: silenced: .* \[personal-contact\] \(silenced by line 16: "the organiser asked to be listed"\)$/);
      assert.match(lines[1]!, /^reasons\.tde\.yaml:20:7: silenced: .* \[unknown-tactic\] \(silenced by line 19: no reason given\)$/);
    });

    it('escapes a reason in each format', async () => {
      const dir = tempTree({
        'a.tde.yaml': fixture('reasons.tde.yaml').replace('the organiser asked to be listed', '<img src=x> | [a](http://e.vil) \u202e[2J'),
      });
      // A raw control character would make the file invalid YAML; a bidi override is allowed, and must not reach a reader.
      const stylish = (await tde(dir, ['check'])).stdout;
      assert.ok(!stylish.includes('\u202e'), stylish);
      assert.ok(stylish.includes('(line 16: "<img src=x> | [a](http://e.vil) \\u202e[2J")'), stylish);
      const markdown = (await tde(dir, ['check', '-f', 'markdown'])).stdout;
      assert.ok(markdown.includes('| &lt;img src=x&gt; &#124; &#91;a&#93;(http:&#8203;//e.vil) &#92;u202e&#91;2J |'), markdown);
      // A reviewer reads the reason as written, the override shown rather than obeyed, and the URL in it is not a link.
      assert.ok(markdownAsSeen(markdown).includes('| <img src=x> | [a](http:\u200b//e.vil) \\u202e[2J |'), markdown);
      assert.deepEqual(liveLinks(markdown), []);
      const github = (await tde(dir, ['check', '-f', 'github'])).stdout;
      assert.equal(github.split('\n').filter(Boolean).length, 3);
      assert.ok(github.includes('Reason given: <img src=x> | [a](http://e.vil) \\u202e[2J\n'), github);
    });
  });
});
