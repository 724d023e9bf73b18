// The GitHub Action (action.yml), its example workflow (docs/review.md) and
// the pre-commit hook: their shape, and the action's own script run with
// bash as the runner would, with `npx` standing in for the published CLI.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { BIN, ROOT, buildOnce, removeTempTrees, tempTree } from './helpers';
import { gitRepo, review } from './gitRepo';

interface ActionStep {
  id?: string;
  name: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

interface Action {
  runs: { using: string; steps: ActionStep[] };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

/** The workflow in docs/review.md's "Example workflow" section. */
function exampleWorkflow(): { jobs: Record<string, { steps: { uses?: string; id?: string; with?: Record<string, string>; if?: string }[] }>; permissions: Record<string, string> } {
  const docs = fs.readFileSync(path.join(ROOT, 'docs/review.md'), 'utf8');
  const section = docs.slice(docs.indexOf('### Example workflow'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
  return parse(block);
}

describe('the GitHub Action and the pre-commit hook', function () {
  this.timeout(60000);
  after(removeTempTrees);

  describe('action.yml', () => {
    it('is a composite action with the inputs and outputs the docs promise', () => {
      assert.equal(action.runs.using, 'composite');
      for (const input of ['paths', 'fail-on', 'max-warnings', 'sarif-file', 'since', 'version', 'config', 'require-reason', 'report-unused-disable']) {
        assert.ok(action.inputs[input], `input ${input}`);
        assert.ok(fs.readFileSync(path.join(ROOT, 'docs/review.md'), 'utf8').includes(`| \`${input}\` |`), `docs/review.md describes ${input}`);
      }
      assert.equal(action.inputs['since']!.default, '${{ github.event.pull_request.base.sha }}');
      assert.equal(action.inputs['fail-on']!.default, 'error');
      assert.deepEqual(Object.keys(action.outputs).sort(), ['comment-file', 'errors', 'new-errors', 'new-warnings', 'warnings']);
    });

    it('runs the published CLI of this version', () => {
      assert.equal(action.inputs['version']!.default, require('../../package.json').version);
      const step = action.runs.steps.find((s) => s.id === 'tde')!;
      assert.match(step.run!, /npx --yes "tde@\$\{TDE_VERSION\}" ci-summary/);
    });

    it('never pastes an input or event field into a script (only into env)', () => {
      for (const step of action.runs.steps) {
        assert.doesNotMatch(step.run ?? '', /\$\{\{/, `step "${step.name}"`);
        assert.equal(step.shell, 'bash');
      }
    });

    it('runs its steps with bash as the runner would: annotations, summary, SARIF, outputs', () => {
      buildOnce();
      const repo = gitRepo({ 'trees.tde.yaml': review('trees.base.tde.yaml') });
      const base = repo.commit('base');
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write({ 'trees.tde.yaml': review('trees.head.tde.yaml') });
      repo.commit('the pull request');
      const runner = tempTree({ 'bin/npx': `#!/bin/sh\n# npx --yes tde@VERSION ARGS… → the CLI built here\nshift 2\nexec "${process.execPath}" "${BIN}" "$@"\n` });
      fs.chmodSync(path.join(runner, 'bin/npx'), 0o755);
      fs.writeFileSync(path.join(runner, 'event.json'), JSON.stringify({ pull_request: { base: { sha: base } } }));
      const env = {
        ...process.env,
        PATH: `${path.join(runner, 'bin')}${path.delimiter}${process.env.PATH}`,
        RUNNER_TEMP: runner,
        GITHUB_EVENT_PATH: path.join(runner, 'event.json'),
        GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md'),
        GITHUB_OUTPUT: path.join(runner, 'output.txt'),
        // The inputs, as the runner fills `env:` from them.
        TDE_VERSION: action.inputs['version']!.default!,
        TDE_PATHS: '',
        TDE_FAIL_ON: 'error',
        TDE_MAX_WARNINGS: '',
        TDE_SARIF_FILE: 'tde.sarif',
        TDE_SINCE: base,
        TDE_CONFIG: '',
        TDE_REQUIRE_REASON: 'false',
        TDE_REPORT_UNUSED: 'false',
      };
      const results = action.runs.steps.map((step) => spawnSync('bash', ['-e', '-c', step.run!], { cwd: repo.dir, env, encoding: 'utf8' }));
      assert.equal(results[0]!.status, 0, results[0]!.stderr);
      const check = results[1]!;
      assert.equal(check.status, 1, check.stderr);
      assert.match(check.stdout, /^::error file=trees\.tde\.yaml,line=34,col=7,/m);
      const summary = fs.readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
      assert.ok(summary.includes('- **Design** moved back: done → in progress.'), summary);
      assert.ok(fs.existsSync(path.join(repo.dir, 'tde.sarif')));
      assert.ok(fs.readFileSync(env.GITHUB_OUTPUT, 'utf8').includes(`comment-file<<tde_output_eof\n${path.join(runner, 'tde-review.md')}\n`));
      assert.equal(fs.readFileSync(path.join(runner, 'tde-review.md'), 'utf8'), summary);
    });

    it('refuses a since input that is not a revision', () => {
      const fetchStep = action.runs.steps[0]!;
      const result = spawnSync('bash', ['-e', '-c', fetchStep.run!], { cwd: tempTree(), env: { ...process.env, TDE_SINCE: '--upload-pack=touch x' }, encoding: 'utf8' });
      assert.equal(result.status, 2);
      assert.match(result.stdout, /^::error title=tde::the since input is not a revision$/m);
    });
  });

  describe('the example workflow in docs/review.md', () => {
    it('runs the action, uploads the SARIF and posts the review as a sticky comment', () => {
      const workflow = exampleWorkflow();
      const steps = Object.values(workflow.jobs)[0]!.steps;
      const tde = steps.find((s) => s.uses?.startsWith('tde-tools/tde@'))!;
      for (const input of Object.keys(tde.with ?? {})) assert.ok(action.inputs[input], `the action has input ${input}`);
      const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
      assert.equal(upload.with!.sarif_file, tde.with!['sarif-file']);
      assert.match(upload.if!, /always\(\)/);
      const comment = steps.find((s) => s.uses?.startsWith('marocchino/sticky-pull-request-comment@'))!;
      assert.equal(comment.with!.path, `\${{ steps.${tde.id}.outputs.comment-file }}`);
      assert.match(comment.if!, /always\(\)/);
      assert.deepEqual(workflow.permissions, { contents: 'read', 'security-events': 'write', 'pull-requests': 'write' });
    });
  });

  describe('.pre-commit-hooks.yaml', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];

    it('has a tde-check hook running tde check on TDE files', () => {
      const hook = hooks.find((h) => h.id === 'tde-check')!;
      assert.equal(hook.entry, 'tde check');
      assert.equal(hook.language, 'node');
      assert.equal(hook.files, '\\.tde\\.ya?ml$');
      const files = new RegExp(hook.files);
      assert.deepEqual(['a.tde.yaml', 'dir/b.tde.yml', 'c.yaml', 'd.tde.yaml.bak'].map((f) => files.test(f)), [true, true, false, false]);
    });

    it('stops a commit of a staged file with an error, as pre-commit would run it', () => {
      buildOnce();
      const repo = gitRepo({ 'good.tde.yaml': review('library.tde.yaml'), 'bad.tde.yaml': review('trees.head.tde.yaml'), 'notes.yaml': 'a: [\n' });
      repo.git('add', 'good.tde.yaml', 'notes.yaml');
      const hook = hooks.find((h) => h.id === 'tde-check')!;
      const staged = (names: string) => names.split('\n').filter((f) => f && new RegExp(hook.files).test(f));
      const runHook = () => {
        const files = staged(repo.git('diff', '--cached', '--name-only'));
        const [command, ...args] = hook.entry.split(' ');
        assert.equal(command, 'tde');
        return spawnSync(process.execPath, [BIN, ...args, ...files], { cwd: repo.dir, encoding: 'utf8' });
      };
      assert.equal(runHook().status, 0);
      repo.git('add', 'bad.tde.yaml');
      const failing = runHook();
      assert.equal(failing.status, 1);
      assert.match(failing.stdout, /^bad\.tde\.yaml\n[^]*  34:7   error    Unknown tactic `walk-the-blocks`/);
    });
  });
});
