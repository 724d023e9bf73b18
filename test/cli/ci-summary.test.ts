// The GitHub Action's step, `tde ci-summary`, run locally on a sample pull
// request built in a test repository, with a fake event payload, job summary
// and outputs file: the summary must tell a reviewer in plain words which
// steps moved, who was added, what the pitch now says and which problems are
// new, and the step must fail only on those.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fitMarkdown } from '../../server/src/cli/commands/ciSummary';
import { liveLinks, markdownAsSeen, removeTempTrees, tde, tempTree } from './helpers';
import { gitRepo, review, type TestRepo } from './gitRepo';

interface PullRequestRun {
  repo: TestRepo;
  base: string;
  runner: string;
  env: Record<string, string>;
  summary: string;
  outputs: string;
}

/** main: trees and library; the pull request moves and edits trees, adds parks, removes library. CI checks out its head. */
function samplePullRequest(edit?: (headTrees: string) => string): PullRequestRun {
  const repo = gitRepo({ 'trees.tde.yaml': review('trees.base.tde.yaml'), 'library.tde.yaml': review('library.tde.yaml') });
  const base = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  fs.mkdirSync(path.join(repo.dir, 'projects'));
  repo.git('mv', 'trees.tde.yaml', 'projects/trees.tde.yaml');
  const headTrees = review('trees.head.tde.yaml');
  repo.write({ 'projects/trees.tde.yaml': edit ? edit(headTrees) : headTrees, 'parks.tde.yaml': review('parks.tde.yaml') });
  repo.remove('library.tde.yaml');
  const head = repo.commit('the pull request');
  repo.git('checkout', '-q', '--detach', head);
  // The runner's files live outside the repository, as on GitHub.
  const runner = tempTree({ 'event.json': JSON.stringify({ action: 'opened', pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: head } } }) });
  const summary = path.join(runner, 'step_summary.md');
  const outputs = path.join(runner, 'output.txt');
  return {
    repo,
    base,
    runner,
    summary,
    outputs,
    env: { GITHUB_EVENT_PATH: path.join(runner, 'event.json'), GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: outputs, GITHUB_ACTIONS: 'true' },
  };
}

/** The `name<<DELIMITER … DELIMITER` records of a GITHUB_OUTPUT file. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    for (i++; lines[i] !== match[2]; i++) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

describe('tde ci-summary (the GitHub Action\'s step)', function () {
  this.timeout(30000);
  after(removeTempTrees);

  describe('on a sample pull request', () => {
    let run: PullRequestRun;
    let result: { code: number; stdout: string; stderr: string };
    let summary: string;
    before(async () => {
      run = samplePullRequest();
      fs.writeFileSync(run.summary, '# Earlier steps wrote this\n');
      result = await tde(run.repo.dir, ['ci-summary', '--sarif-file', path.join(run.runner, 'tde.sarif'), '--comment-file', path.join(run.runner, 'comment.md')], { env: run.env });
      summary = fs.readFileSync(run.summary, 'utf8');
    });

    it('fails on the one new error, and says so in one line', () => {
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stderr, `tde: 1 error and 0 warnings new since ${run.base} in 2 files; failing (--fail-on error)\n`);
    });

    it('annotates the new problem as an error and the old one as a notice', () => {
      const lines = result.stdout.trim().split('\n');
      assert.equal(lines.length, 2, result.stdout);
      assert.match(lines[0]!, /^::notice file=projects\/trees\.tde\.yaml,line=19,col=16,.*title=tde \(personal-contact%2C existing warning\)::Existing warning, not introduced by this change: /);
      assert.match(lines[1]!, /^::error file=projects\/trees\.tde\.yaml,line=34,col=7,.*title=tde \(unknown-tactic\)::Unknown tactic "walk-the-blocks"\./);
    });

    it('appends to the job summary, opening with the verdict', () => {
      assert.ok(summary.startsWith(`# Earlier steps wrote this\n## TDE review\n\n❌ **The check fails:** 1 error and 0 warnings new since <code>${run.base.slice(0, 7)}</code>.\n`), summary);
    });

    it('shows the status of the projects the change touches', () => {
      assert.ok(
        summary.includes(
          [
            '### Projects this change touches',
            '',
            '| File | Project | Place | Iteration | Find | Refine | Design | Implement | Problems |',
            '| --- | --- | --- | ---: | --- | --- | --- | --- | --- |',
            '| parks.tde.yaml | Park benches | Town of Elmwood | 1 | 🔄 in progress | — | — | — | ✅ none |',
            '| projects/trees.tde.yaml | Street trees | Town of Elmwood | 1 | ✅ done | ✅ done | 🔄 in progress | — | ❌ 1 error, 1 warning |',
          ].join('\n'),
        ),
        summary,
      );
    });

    it('says in plain words which steps moved and who was added', () => {
      for (const sentence of [
        '- **Design** moved back: done → in progress.',
        '- Added to **Refine**: Ward 5 block club (resident, intended user).',
        '- Use case added: What grows well on each street (<code>species-list</code>).',
        '- **Design** re-selected its use case: <code>watering-map</code> → <code>species-list</code>.',
        '🆕 **New project:** Park benches (Town of Elmwood, iteration 1); Find in progress.',
        '🗑️ **Removed project:** Library Wi-Fi (Lakeside County, iteration 1); it stood at Find in progress.',
        '*Renamed from <code>trees.tde.yaml</code>.*',
      ]) {
        assert.ok(summary.includes(sentence), `missing ${JSON.stringify(sentence)} in:\n${summary}`);
      }
    });

    it('says what the pitch now says, and what it said', () => {
      assert.ok(
        summary.includes(
          '**The pitch now says:**\n\n> Residents could put information the city holds to work on **street tree care**, which matters because **shade keeps blocks cool in heat waves**. Using **Interview stakeholders individually and walk-the-blocks**',
        ),
        summary,
      );
      assert.match(summary, /<details><summary>The pitch before this change<\/summary>\n\n> .*because \*\*young trees die in dry summers\*\*/);
    });

    it('lists the new problems apart from the old ones', () => {
      const trees = summary.slice(summary.indexOf('### Street trees'));
      assert.match(trees, /\*\*New problems \(1\):\*\*\n\n\| Line \| Severity \| Rule \| Message \|\n\| ---: \| --- \| --- \| --- \|\n\| 34:7 \| ❌ error \| \[unknown-tactic\]\([^)]+\) \| Unknown tactic &quot;walk-the-blocks&quot;\./);
      assert.match(trees, /\*\*Problems fixed \(1\):\*\*\n\n\| Old line \| .*\n.*\n\| 19:7 \| ❌ error \| \[unknown-tactic\]\([^)]+\) \| Unknown tactic &quot;join-public-meetngs&quot;\./);
      assert.match(summary, /^\| 34:7 \| ❌ error \| .* \| 🆕 new \|$/m);
      assert.match(summary, /^\| 19:16 \| ⚠️ warning \| \[personal-contact\].* \| existing \|$/m);
    });

    it('writes the same review for a pull-request comment, and the step outputs', () => {
      const comment = fs.readFileSync(path.join(run.runner, 'comment.md'), 'utf8');
      assert.equal(comment, summary.replace('# Earlier steps wrote this\n', ''));
      assert.deepEqual(readOutputs(run.outputs), {
        errors: '1',
        warnings: '1',
        'new-errors': '1',
        'new-warnings': '0',
        'comment-file': path.join(run.runner, 'comment.md'),
      });
    });

    it('writes SARIF with the baseline state of each result', () => {
      const log = JSON.parse(fs.readFileSync(path.join(run.runner, 'tde.sarif'), 'utf8'));
      assert.deepEqual(log.runs[0].results.map((r: { ruleId: string; baselineState: string }) => [r.ruleId, r.baselineState]), [
        ['personal-contact', 'unchanged'],
        ['unknown-tactic', 'new'],
      ]);
    });
  });

  it('passes when the change introduced no problem, the old warning notwithstanding', async () => {
    const run = samplePullRequest((trees) => trees.replace('    - walk-the-blocks\n', ''));
    const result = await tde(run.repo.dir, ['ci-summary', '--fail-on', 'warning', '--max-warnings', '0'], { env: run.env });
    assert.equal(result.code, 0, result.stderr);
    assert.match(fs.readFileSync(run.summary, 'utf8'), /^## TDE review\n\n✅ \*\*The check passes:\*\* 0 errors and 0 warnings new since <code>[0-9a-f]{7}<\/code>\.\n/);
  });

  it('fails on a new warning with --fail-on warning or --max-warnings, not by default', async () => {
    const run = samplePullRequest((trees) => trees.replace('    - walk-the-blocks\n', '').replace('    - name: Ward 5 block club\n      role: resident\n', '    - name: Ward 5 block club\n      role: resident\n      contact: ward5@example.com\n'));
    assert.equal((await tde(run.repo.dir, ['ci-summary'], { env: run.env })).code, 0);
    assert.equal((await tde(run.repo.dir, ['ci-summary', '--fail-on', 'warning'], { env: run.env })).code, 1);
    assert.equal((await tde(run.repo.dir, ['ci-summary', '--max-warnings', '0'], { env: run.env })).code, 1);
    assert.equal((await tde(run.repo.dir, ['ci-summary', '--max-warnings', '1'], { env: run.env })).code, 0);
  });

  it('takes the inputs as the action passes them: empty ones are not given', async () => {
    const run = samplePullRequest();
    const result = await tde(
      run.repo.dir,
      ['ci-summary', '--since', '', '--paths', '', '--fail-on', 'error', '--max-warnings', '', '--sarif-file', '', '--config', ''],
      { env: run.env },
    );
    assert.equal(result.code, 1, result.stderr);
    assert.match(fs.readFileSync(run.summary, 'utf8'), /### What changed in the TDE projects/);
  });

  it('limits the review to --paths', async () => {
    const run = samplePullRequest();
    const result = await tde(run.repo.dir, ['ci-summary', '--paths', 'parks.tde.yaml\n'], { env: run.env });
    assert.equal(result.code, 0, result.stderr);
    const summary = fs.readFileSync(run.summary, 'utf8');
    assert.ok(summary.includes('Park benches'), summary);
    assert.ok(!summary.includes('Street trees'), summary);
  });

  it('on a push (no pull request), counts every problem and has no "what changed"', async () => {
    const run = samplePullRequest();
    fs.writeFileSync(run.env.GITHUB_EVENT_PATH!, JSON.stringify({ ref: 'refs/heads/main', after: 'abc' }));
    const result = await tde(run.repo.dir, ['ci-summary'], { env: run.env });
    assert.equal(result.code, 1);
    const summary = fs.readFileSync(run.summary, 'utf8');
    assert.match(summary, /^## TDE review\n\n❌ \*\*The check fails:\*\* 1 error and 1 warning\.\n\n### Projects\n/);
    assert.ok(!summary.includes('What changed'), summary);
    assert.ok(!result.stdout.includes('existing'), result.stdout);
  });

  it('fails with exit 2 on a bad --fail-on, and warns when the Markdown goes nowhere', async () => {
    const run = samplePullRequest();
    const bad = await tde(run.repo.dir, ['ci-summary', '--fail-on', 'info'], { env: run.env });
    assert.deepEqual([bad.code, bad.stderr], [2, 'tde: --fail-on takes error or warning, got info\n']);
    const nowhere = await tde(run.repo.dir, ['ci-summary'], { env: { GITHUB_EVENT_PATH: run.env.GITHUB_EVENT_PATH! } });
    assert.match(nowhere.stderr, /the Markdown review is not written anywhere/);
  });

  it('escapes what the files say', async () => {
    const run = samplePullRequest((trees) => trees.replace('title: Street trees', 'title: "<script>x</script> | [a](http://e.vil)"').replace('impact: shade keeps blocks cool in heat waves', 'impact: "@everyone <img src=x onerror=alert(1)> ```"'));
    await tde(run.repo.dir, ['ci-summary'], { env: run.env });
    const summary = fs.readFileSync(run.summary, 'utf8');
    assert.ok(!/<script|<img|\]\(http:\/\/e\.vil|```/.test(summary), summary);
    assert.ok(summary.includes('&lt;script&gt;x&lt;/script&gt; &#124; &#91;a&#93;(http:&#8203;//e.vil)'), summary);
    // A reviewer reads the title as written, and the URL in it is not a link.
    assert.ok(markdownAsSeen(summary).includes('<script>x</script> | [a](http:\u200b//e.vil)'), summary);
    assert.deepEqual(liveLinks(summary), []);
  });

  it('cuts a review to GitHub\'s limits at a line, saying so', () => {
    const long = Array.from({ length: 100 }, (_, i) => `| row ${i} |`).join('\n');
    const cut = fitMarkdown(long, 400, (t) => t.length);
    assert.ok(cut.length <= 400);
    assert.match(cut, /\| row \d+ \|\n\n\*… the review is cut here: it is longer than GitHub allows\./);
    assert.equal(fitMarkdown('short', 400, (t) => t.length), 'short');
  });
});
