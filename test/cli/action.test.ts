// The GitHub Action (action.yml), its example workflow (docs/review.md) and
// the pre-commit hook: their shape, the committed CLI they run, and the
// action's own steps run with bash as the runner would.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { removeTempTrees, tempTree } from './helpers';
import { gitRepo, review, type TestRepo } from './gitRepo';
import { ROOT } from '../helpers/build';

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

/** The workflow in a section of docs/review.md ("Example workflow" unless named). */
function exampleWorkflow(heading = '### Example workflow'): { jobs: Record<string, { needs?: string; steps: { uses?: string; id?: string; with?: Record<string, string>; if?: string }[] }>; permissions: Record<string, string> } {
  const docs = fs.readFileSync(path.join(ROOT, 'docs/review.md'), 'utf8');
  const section = docs.slice(docs.indexOf(heading));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
  return parse(block);
}

describe('the GitHub Action and the pre-commit hook', function () {
  this.timeout(60000);
  after(removeTempTrees);

  describe('action.yml', () => {
    it('is a composite action with the inputs and outputs the docs promise', () => {
      assert.equal(action.runs.using, 'composite');
      for (const input of ['paths', 'fail-on', 'max-warnings', 'sarif-file', 'since', 'config', 'require-reason', 'report-unused-disable', 'working-directory', 'site', 'site-base-url']) {
        assert.ok(action.inputs[input], `input ${input}`);
        assert.ok(fs.readFileSync(path.join(ROOT, 'docs/review.md'), 'utf8').includes(`| \`${input}\` |`), `docs/review.md describes ${input}`);
      }
      assert.equal(action.inputs['since']!.default, '${{ github.event.pull_request.base.sha }}');
      assert.equal(action.inputs['fail-on']!.default, 'error');
      assert.deepEqual(Object.keys(action.outputs).sort(), ['comment-file', 'errors', 'new-errors', 'new-warnings', 'warnings']);
    });

    it('runs the CLI committed with it, at its own ref, and nothing from the checkout or the registry', () => {
      const step = action.runs.steps.find((s) => s.id === 'tde')!;
      assert.match(step.run!, /^node "\$GITHUB_ACTION_PATH\/action\/tde\.js" ci-summary \\$/m);
      for (const s of action.runs.steps) assert.doesNotMatch(s.run ?? '', /\b(npx|npm|yarn|pnpm)\b/, `step "${s.name}"`);
      assert.equal(action.inputs['version'], undefined, 'no version input: the ref chooses the CLI');
    });

    it('has its CLI, action/tde.js, as a fresh build of these sources', () => {
      const fresh = tempTree();
      execFileSync(process.execPath, ['esbuild.mjs', `--action=${fresh}`], { cwd: ROOT, stdio: 'pipe' });
      const committed = path.join(ROOT, 'action/tde.js');
      assert.ok(fs.readFileSync(path.join(fresh, 'tde.js')).equals(fs.readFileSync(committed)),
        'action/tde.js is not what these sources build: run `npm run build:action` and commit action/tde.js');
      assert.equal(fs.statSync(committed).mode & 0o111, 0o111, 'action/tde.js is executable (the pre-commit hook runs it)');
    });

    /**
     * Run the action's steps as the runner does: each step's `run:` with
     * `bash --noprofile --norc -eo pipefail`, its `env:` filled from the
     * inputs, in a pull request's checkout that plants a `tde` of its own, an
     * .npmrc and fake `npx`/`npm`/`tde` commands. Each planted program leaves
     * a marker if it ever runs.
     */
    function runAction(repo: TestRepo, inputs: Record<string, string>, event: object) {
      const runner = tempTree({ 'markers/.keep': '' });
      const markers = path.join(runner, 'markers');
      const planted = (name: string) => `#!/bin/sh\necho "$0 $*" > "${markers}/${name}"\nexit 3\n`;
      for (const name of ['npx', 'npm', 'tde']) {
        fs.mkdirSync(path.join(runner, 'bin'), { recursive: true });
        fs.writeFileSync(path.join(runner, 'bin', name), planted(`path-${name}`), { mode: 0o755 });
      }
      // What a hostile pull request commits.
      fs.mkdirSync(path.join(repo.dir, 'node_modules/.bin'), { recursive: true });
      fs.writeFileSync(path.join(repo.dir, 'node_modules/.bin/tde'), planted('checkout-bin-tde'), { mode: 0o755 });
      fs.writeFileSync(path.join(repo.dir, 'evil-shell.sh'), planted('npmrc-script-shell'), { mode: 0o755 });
      fs.writeFileSync(path.join(repo.dir, '.npmrc'), `script-shell=${path.join(repo.dir, 'evil-shell.sh')}\nregistry=http://127.0.0.1:9/\n`);
      fs.writeFileSync(path.join(runner, 'event.json'), JSON.stringify(event));
      const values: Record<string, string> = {};
      for (const [name, input] of Object.entries(action.inputs)) values[name] = input.default ?? '';
      Object.assign(values, inputs);
      const runnerEnv = {
        ...process.env,
        // The planted commands come first, then the real node.
        PATH: [path.join(runner, 'bin'), path.join(repo.dir, 'node_modules/.bin'), path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter),
        RUNNER_TEMP: runner,
        GITHUB_WORKSPACE: repo.dir,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_EVENT_PATH: path.join(runner, 'event.json'),
        GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md'),
        GITHUB_OUTPUT: path.join(runner, 'output.txt'),
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
      };
      const results = [];
      for (const step of action.runs.steps) {
        const condition = /^inputs\.(\S+) != ''$/.exec(step.if ?? '');
        if (condition && values[condition[1]!] === '') continue;
        const env: Record<string, string | undefined> = { ...runnerEnv };
        for (const [name, value] of Object.entries(step.env ?? {})) {
          env[name] = value.replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, input: string) => values[input] ?? '');
        }
        const script = path.join(runner, `step-${results.length}.sh`);
        fs.writeFileSync(script, step.run!);
        results.push(spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: repo.dir, env, encoding: 'utf8' }));
      }
      return { runner, results, ran: fs.readdirSync(markers).filter((name) => name !== '.keep'), summary: () => fs.readFileSync(runnerEnv.GITHUB_STEP_SUMMARY, 'utf8'), outputs: () => fs.readFileSync(runnerEnv.GITHUB_OUTPUT, 'utf8') };
    }

    it('runs its steps as the runner would, in a hostile checkout: only its own CLI runs, and reports as documented', () => {
      const repo = gitRepo({ 'trees.tde.yaml': review('trees.base.tde.yaml') });
      const base = repo.commit('base');
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write({ 'trees.tde.yaml': review('trees.head.tde.yaml') });
      repo.commit('the pull request');
      const { runner, results, ran, summary, outputs } = runAction(repo, { since: base, 'sarif-file': 'tde.sarif' }, { pull_request: { base: { sha: base } } });
      assert.deepEqual(ran, [], 'nothing planted in the checkout or on PATH ran');
      assert.equal(results.length, 2);
      assert.equal(results[0]!.status, 0, results[0]!.stderr);
      const check = results[1]!;
      assert.equal(check.status, 1, check.stderr);
      assert.match(check.stdout, /^::error file=trees\.tde\.yaml,line=34,col=7,/m);
      assert.ok(summary().includes('- **Design** moved back: done → in progress.'), summary());
      assert.ok(fs.existsSync(path.join(repo.dir, 'tde.sarif')));
      assert.ok(outputs().includes(`comment-file<<tde_output_eof\n${path.join(runner, 'tde-review.md')}\n`));
      assert.equal(fs.readFileSync(path.join(runner, 'tde-review.md'), 'utf8'), summary());
    });

    it('passes on a push to a repository with no TDE file yet, saying there was nothing to check', () => {
      const repo = gitRepo({ 'README.md': '# our city\n' });
      repo.commit('first');
      const { results, ran, summary, outputs } = runAction(repo, { since: '' }, { ref: 'refs/heads/main' });
      assert.deepEqual(ran, []);
      assert.equal(results.length, 1, 'no base: the fetch step is skipped');
      assert.equal(results[0]!.status, 0, results[0]!.stderr);
      assert.match(results[0]!.stderr, /^tde: no TDE files \(\*\.tde\.yaml, \*\.tde\.yml\) found in the current folder; nothing to check$/m);
      assert.match(summary(), /The check passes/);
      assert.match(outputs(), /^errors<<tde_output_eof\n0\n/m);
    });

    it('builds the public site for GitHub Pages with the site input, even when the check fails', () => {
      const repo = gitRepo({ 'trees.tde.yaml': review('trees.head.tde.yaml'), 'docs/library.tde.yaml': review('library.tde.yaml') });
      repo.commit('first');
      const { results, ran } = runAction(repo, { since: '', site: 'public', 'site-base-url': 'https://city.example/tde/', paths: 'docs\n' }, { ref: 'refs/heads/main' });
      assert.deepEqual(ran, [], 'nothing planted in the checkout or on PATH ran');
      assert.equal(results.length, 2, 'the site, then the check');
      assert.equal(results[0]!.status, 0, results[0]!.stderr);
      assert.match(results[0]!.stdout, /^Built the site of 1 project in public \(en, es\)/);
      assert.ok(fs.existsSync(path.join(repo.dir, 'public/.nojekyll')));
      const page = fs.readFileSync(path.join(repo.dir, 'public/es/projects/library/index.html'), 'utf8');
      assert.match(page, /<link rel="canonical" href="https:\/\/city\.example\/tde\/es\/projects\/library\/">/);
      assert.ok(!fs.existsSync(path.join(repo.dir, 'public/en/projects/trees')), 'only what the paths input names');
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

  describe('the Pages workflow in docs/review.md', () => {
    it('builds the site with the action and deploys it with GitHub\'s Pages actions', () => {
      const workflow = exampleWorkflow('### Publishing the site on GitHub Pages');
      const build = workflow.jobs['build']!.steps;
      const tde = build.find((s) => s.uses?.startsWith('tde-tools/tde@'))!;
      for (const input of Object.keys(tde.with ?? {})) assert.ok(action.inputs[input], `the action has input ${input}`);
      const upload = build.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!;
      assert.equal(upload.with!.path, tde.with!.site);
      assert.equal(workflow.jobs['deploy']!.needs, 'build');
      assert.ok(workflow.jobs['deploy']!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
      assert.deepEqual(workflow.permissions, { contents: 'read', pages: 'write', 'id-token': 'write' });
    });
  });

  describe('.pre-commit-hooks.yaml', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];

    it('has a tde-check hook running the committed CLI on TDE files, with nothing to install', () => {
      const hook = hooks.find((h) => h.id === 'tde-check')!;
      // pre-commit's `node` hooks run `npm install` with the development
      // dependencies and read `npm pack`'s output; a script runs as it is.
      assert.equal(hook.entry, 'action/tde.js check');
      assert.equal(hook.language, 'script');
      assert.equal(hook.files, '\\.tde\\.ya?ml$');
      const files = new RegExp(hook.files);
      assert.deepEqual(['a.tde.yaml', 'dir/b.tde.yml', 'c.yaml', 'd.tde.yaml.bak'].map((f) => files.test(f)), [true, true, false, false]);
    });

    it('stops a commit of a staged file with an error, as pre-commit would run it', () => {
      const repo = gitRepo({ 'good.tde.yaml': review('library.tde.yaml'), 'bad.tde.yaml': review('trees.head.tde.yaml'), 'notes.yaml': 'a: [\n' });
      repo.git('add', 'good.tde.yaml', 'notes.yaml');
      const hook = hooks.find((h) => h.id === 'tde-check')!;
      const staged = (names: string) => names.split('\n').filter((f) => f && new RegExp(hook.files).test(f));
      const runHook = () => {
        const files = staged(repo.git('diff', '--cached', '--name-only'));
        const [command, ...args] = hook.entry.split(' ');
        // A `script` hook's entry is a path in the hook's repository, run through its `#!` line.
        return spawnSync(path.join(ROOT, command!), [...args, ...files], { cwd: repo.dir, encoding: 'utf8' });
      };
      assert.equal(runHook().status, 0);
      repo.git('add', 'bad.tde.yaml');
      const failing = runHook();
      assert.equal(failing.status, 1);
      assert.match(failing.stdout, /^bad\.tde\.yaml\n[^]*  34:7   error    Unknown tactic "walk-the-blocks"/);
    });
  });
});
