// `tde diff`: a change described in TDE terms, against temporary git
// repositories (added, removed and renamed files; a step moved back; people,
// use cases and tactics; the pitch; problems introduced and fixed).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertIncludesAll, FIXTURES, liveLinks, markdownAsSeen, removeTempTrees, tde, tempTree } from './helpers';
import { gitRepo, review, type TestRepo } from './gitRepo';

/** main: trees, library, budget; the branch: trees renamed and changed, library removed, parks added. */
function samplePullRequest(): TestRepo & { base: string; head: string } {
  const repo = gitRepo({ 'trees.tde.yaml': review('trees.base.tde.yaml'), 'library.tde.yaml': review('library.tde.yaml') });
  const base = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  fs.mkdirSync(path.join(repo.dir, 'projects'));
  repo.git('mv', 'trees.tde.yaml', 'projects/trees.tde.yaml');
  repo.write({ 'projects/trees.tde.yaml': review('trees.head.tde.yaml'), 'parks.tde.yaml': review('parks.tde.yaml') });
  repo.remove('library.tde.yaml');
  const head = repo.commit('the pull request');
  return { ...repo, base, head };
}

interface DiffJson {
  base: { revision: string; commit: string };
  head: { revision?: string; commit?: string; label: string };
  projects: {
    change: string;
    path: string;
    previousPath?: string;
    steps: { step: string; before: string | null; after: string | null; move: string }[];
    collaborators: { step: string; added: { name: string; role: string; intendedUser: boolean }[]; removed: { name: string }[] }[];
    useCases: { added: { id: string; title?: string }[]; removed: { id: string }[]; selected?: { before?: string; after?: string } };
    tactics: { step: string; added: { id?: string; name: string }[]; removed: { id?: string; name: string }[] }[];
    pitch: { changed: boolean; before: string | null; after: string | null; emptyBlanksAfter: string[] | null };
    problems: { introduced: { rule: string; line: number; yamlPath: unknown[] }[]; fixed: { rule: string; line: number }[] };
  }[];
  summary: Record<string, number>;
}

const diffJson = async (cwd: string, ...args: string[]): Promise<DiffJson> => {
  const result = await tde(cwd, ['diff', '-f', 'json', ...args]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
};

describe('tde diff', function () {
  this.timeout(30000);
  after(removeTempTrees);

  describe('between two revisions', () => {
    let repo: ReturnType<typeof samplePullRequest>;
    before(() => {
      repo = samplePullRequest();
    });

    it('lists projects added, removed and renamed (followed), with the revisions compared', async () => {
      const report = await diffJson(repo.dir, 'main', 'feature');
      assert.equal(report.base.commit, repo.base);
      assert.equal(report.head.commit, repo.head);
      assert.deepEqual(
        report.projects.map((p) => [p.change, p.path, p.previousPath]),
        [
          ['removed', 'library.tde.yaml', undefined],
          ['added', 'parks.tde.yaml', undefined],
          ['renamed', 'projects/trees.tde.yaml', 'trees.tde.yaml'],
        ],
      );
      assert.deepEqual(report.summary, { added: 1, removed: 1, modified: 0, renamed: 1, problemsIntroduced: 1, problemsFixed: 1 });
    });

    it('says which steps moved, and which way', async () => {
      const trees = (await diffJson(repo.dir, 'main', 'feature')).projects[2]!;
      assert.deepEqual(trees.steps, [{ step: 'design', before: 'done', after: 'in-progress', move: 'back' }]);
    });

    it('lists collaborators, use cases and tactics added or removed, and the use case re-selected', async () => {
      const trees = (await diffJson(repo.dir, 'main', 'feature')).projects[2]!;
      assert.deepEqual(trees.collaborators, [
        { step: 'refine', added: [{ name: 'Ward 5 block club', role: 'resident', intendedUser: true }], removed: [] },
      ]);
      assert.deepEqual(trees.useCases.added, [{ id: 'species-list', title: 'What grows well on each street' }]);
      assert.deepEqual(trees.useCases.removed, []);
      assert.deepEqual(trees.useCases.selected, { before: 'watering-map', after: 'species-list' });
      assert.deepEqual(trees.tactics, [
        { step: 'find', added: [{ id: 'join-public-meetings', name: 'Join public meetings' }], removed: [{ id: 'join-public-meetngs', name: 'join-public-meetngs' }] },
        { step: 'refine', added: [{ id: 'walk-the-blocks', name: 'walk-the-blocks' }], removed: [] },
      ]);
    });

    it('gives the pitch before and after', async () => {
      const trees = (await diffJson(repo.dir, 'main', 'feature')).projects[2]!;
      assert.equal(trees.pitch.changed, true);
      assert.match(trees.pitch.before!, /because young trees die in dry summers\./);
      assert.match(trees.pitch.after!, /because shade keeps blocks cool in heat waves\./);
      assert.deepEqual(trees.pitch.emptyBlanksAfter, []);
    });

    it('lists problems introduced (new lines) and fixed (old lines), matched by rule and YAML path', async () => {
      const trees = (await diffJson(repo.dir, 'main', 'feature')).projects[2]!;
      // personal-contact is on both sides, two lines lower now: neither introduced nor fixed.
      assert.deepEqual(trees.problems.introduced.map((p) => [p.rule, p.line, p.yamlPath]), [['unknown-tactic', 34, ['refine', 'tactics', 1]]]);
      assert.deepEqual(trees.problems.fixed.map((p) => [p.rule, p.line]), [['unknown-tactic', 19]]);
    });

    it('speaks plainly at the terminal', async () => {
      const result = await tde(repo.dir, ['diff', 'main', 'feature']);
      assert.equal(result.code, 0, result.stderr);
      const out = result.stdout;
      assert.match(out, /^Comparing main \([0-9a-f]{7}\) with feature \([0-9a-f]{7}\)\n/);
      assertIncludesAll(out, [
        'library.tde.yaml  removed',
        '  Removed project: Library Wi-Fi (Lakeside County, iteration 1); it stood at Find in progress.',
        'parks.tde.yaml  added',
        '  New project: Park benches (Town of Elmwood, iteration 1); Find in progress.',
        'projects/trees.tde.yaml  renamed from trees.tde.yaml',
        '  • Design moved back: done → in progress.',
        '  • Added to Refine: Ward 5 block club (resident, intended user).',
        '  • Use case added: What grows well on each street (`species-list`).',
        '  • Design re-selected its use case: `watering-map` → `species-list`.',
        '  • Tactic added to Refine: walk-the-blocks.',
        '  Pitch now:    Residents could put information the city holds to work on street tree care, which matters because shade keeps blocks cool in heat waves.',
        '  Problems introduced:\n    34:7  error  Unknown tactic "walk-the-blocks".',
        '  Problems fixed (lines of the old file):\n    19:7  error  Unknown tactic "join-public-meetngs".',
        '1 project added, 1 removed, 1 renamed; 1 problem introduced, 1 fixed\n',
      ]);
    });

    it('writes Markdown for a pull request', async () => {
      const { stdout } = await tde(repo.dir, ['diff', '-f', 'markdown', 'main', 'feature']);
      assert.match(stdout, /^## What changed in the TDE projects\n\nComparing <code>main<\/code> \([0-9a-f]{7}\) with <code>feature<\/code> \([0-9a-f]{7}\): \*\*1 project added, 1 removed, 1 renamed; 1 problem introduced, 1 fixed\.\*\*\n/);
      assertIncludesAll(stdout, [
        '### Street trees · <code>projects/trees.tde.yaml</code>',
        '*Renamed from <code>trees.tde.yaml</code>.*',
        '- **Design** moved back: done → in progress.',
        '- Added to **Refine**: Ward 5 block club (resident, intended user).',
        '**The pitch now says:**\n\n> Residents could put information the city holds to work on **street tree care**, which matters because **shade keeps blocks cool in heat waves**.',
        '<details><summary>The pitch before this change</summary>',
        '**New problems (1):**',
        '**Problems fixed (1):**',
        '🆕 **New project:** Park benches (Town of Elmwood, iteration 1); Find in progress.',
        '🗑️ **Removed project:** Library Wi-Fi (Lakeside County, iteration 1); it stood at Find in progress.',
      ]);
    });

    it('keeps only the paths named after --', async () => {
      const report = await diffJson(repo.dir, 'main', 'feature', '--', 'projects');
      assert.deepEqual(report.projects.map((p) => p.path), ['projects/trees.tde.yaml']);
      // A file renamed from or to a path named is kept: the rename is part of what changed there.
      const globbed = await diffJson(repo.dir, 'main', 'feature', '--', '*.tde.yaml');
      assert.deepEqual(globbed.projects.map((p) => p.path), ['library.tde.yaml', 'parks.tde.yaml', 'projects/trees.tde.yaml']);
      const file = await diffJson(repo.dir, 'main', 'feature', '--', 'parks.tde.yaml');
      assert.deepEqual(file.projects.map((p) => p.path), ['parks.tde.yaml']);
    });

    it('shows paths relative to the working folder', async () => {
      const report = await diffJson(path.join(repo.dir, 'projects'), 'main', 'feature');
      assert.deepEqual(report.projects.map((p) => [p.path, p.previousPath]), [
        ['../library.tde.yaml', undefined],
        ['../parks.tde.yaml', undefined],
        ['trees.tde.yaml', '../trees.tde.yaml'],
      ]);
    });
  });

  describe('against the working tree', () => {
    it('is the default head, sees files not yet added, and follows a move made without git', async () => {
      const repo = gitRepo({ 'trees.tde.yaml': review('trees.base.tde.yaml'), 'library.tde.yaml': review('library.tde.yaml') });
      repo.commit('base');
      // Moved and edited with plain file operations, nothing staged.
      repo.remove('trees.tde.yaml');
      repo.write({ 'projects/trees.tde.yaml': review('trees.head.tde.yaml'), 'parks.tde.yaml': review('parks.tde.yaml') });
      const statusBefore = repo.git('status', '--porcelain');
      const report = await diffJson(repo.dir, 'HEAD');
      assert.equal(report.head.label, 'the working tree');
      assert.deepEqual(report.projects.map((p) => [p.change, p.path, p.previousPath]), [
        ['added', 'parks.tde.yaml', undefined],
        ['renamed', 'projects/trees.tde.yaml', 'trees.tde.yaml'],
      ]);
      assert.deepEqual(report.projects[1]!.steps.map((s) => s.move), ['back']);
      assert.equal(repo.git('status', '--porcelain'), statusBefore, 'the index is left as it was');
    });

    it('says a file edited without a change in TDE terms is only edited', async () => {
      const repo = gitRepo({ 'library.tde.yaml': review('library.tde.yaml') });
      repo.commit('base');
      repo.write({ 'library.tde.yaml': review('library.tde.yaml').replace('# A project', '# Still a project') });
      const { stdout } = await tde(repo.dir, ['diff', 'main']);
      assert.ok(stdout.includes('Also edited, with no change in TDE terms: library.tde.yaml'), stdout);
      assert.ok(stdout.endsWith('1 project changed; 0 problems introduced, 0 fixed\n'), stdout);
    });

    it('says so when no TDE project changed', async () => {
      const repo = gitRepo({ 'library.tde.yaml': review('library.tde.yaml'), 'notes.md': 'a\n' });
      repo.commit('base');
      repo.write({ 'notes.md': 'b\n' });
      const { stdout } = await tde(repo.dir, ['diff', 'main']);
      assert.equal(stdout, 'Comparing main (' + repo.git('rev-parse', '--short=7', 'main').trim() + ') with the working tree\n\nNo TDE project changed\n');
    });
  });

  describe('two files', () => {
    it('compares them directly, without git', async () => {
      const dir = tempTree({ 'old.tde.yaml': review('trees.base.tde.yaml'), 'new.tde.yaml': review('trees.head.tde.yaml') });
      const report = await diffJson(dir, 'old.tde.yaml', 'new.tde.yaml');
      assert.deepEqual(report.projects.map((p) => [p.change, p.path]), [['modified', 'new.tde.yaml']]);
      assert.deepEqual(report.projects[0]!.steps, [{ step: 'design', before: 'done', after: 'in-progress', move: 'back' }]);
      assert.equal((report.base as unknown as { file: string }).file, 'old.tde.yaml');
    });

    it('reports a step moving forward, and a step added', async () => {
      const before = review('library.tde.yaml');
      const after = before.replace('status: in-progress', 'status: done') + 'refine:\n  status: not-started\n';
      const dir = tempTree({ 'a.tde.yaml': before, 'b.tde.yaml': after });
      const report = await diffJson(dir, 'a.tde.yaml', 'b.tde.yaml');
      assert.deepEqual(report.projects[0]!.steps, [
        { step: 'find', before: 'in-progress', after: 'done', move: 'forward' },
        { step: 'refine', before: null, after: 'not-started', move: 'changed' },
      ]);
      const { stdout } = await tde(dir, ['diff', 'a.tde.yaml', 'b.tde.yaml']);
      assert.ok(stdout.includes('• Find moved forward: in progress → done.'), stdout);
      assert.ok(stdout.includes('• Refine changed: not in the file → not started.'), stdout);
    });

    it('escapes file text in every format', async () => {
      const hostile = review('library.tde.yaml').replace('title: Library Wi-Fi', 'title: "<img src=x> | [a](http://e.vil) \\u001b[2J"');
      const dir = tempTree({ 'a.tde.yaml': review('library.tde.yaml'), 'b.tde.yaml': hostile });
      const stylish = (await tde(dir, ['diff', 'a.tde.yaml', 'b.tde.yaml'])).stdout;
      assert.ok(!stylish.includes('\u001b'), stylish);
      assert.ok(stylish.includes('Title changed: Library Wi-Fi → <img src=x> | [a](http://e.vil) \\u001b[2J.'), stylish);
      const markdown = (await tde(dir, ['diff', '-f', 'markdown', 'a.tde.yaml', 'b.tde.yaml'])).stdout;
      assert.ok(!markdown.includes('<img'), markdown);
      assert.ok(!markdown.includes('](http'), markdown);
      assert.ok(markdown.includes('Title changed: Library Wi-Fi → &lt;img src=x&gt; &#124; &#91;a&#93;(http:&#8203;//e.vil) &#91;2J.'), markdown);
      // A reviewer reads the title as written, and the URL in it is not a link.
      assert.ok(markdownAsSeen(markdown).includes('Title changed: Library Wi-Fi → <img src=x> | [a](http:\u200b//e.vil) [2J.'), markdown);
      assert.deepEqual(liveLinks(markdown), []);
      const json = JSON.parse((await tde(dir, ['diff', '-f', 'json', 'a.tde.yaml', 'b.tde.yaml'])).stdout);
      assert.equal(json.projects[0].project.title.after, '<img src=x> | [a](http://e.vil) \u001b[2J');
    });
  });

  describe('errors (exit 2, one line)', () => {
    it('outside a git repository', async () => {
      const dir = tempTree({ 'a.tde.yaml': review('library.tde.yaml') });
      const result = await tde(dir, ['diff', 'main']);
      assert.deepEqual([result.code, result.stdout], [2, '']);
      assert.match(result.stderr, /^tde: not in a git repository; comparing revisions needs one/);
    });

    it('for an unknown revision, and one that looks like an option', async () => {
      const repo = gitRepo({ 'a.tde.yaml': review('library.tde.yaml') });
      repo.commit('base');
      const unknown = await tde(repo.dir, ['diff', 'no-such-branch']);
      assert.deepEqual([unknown.code, unknown.stderr], [2, 'tde: unknown revision no-such-branch (a branch, tag or commit of this repository)\n']);
      const option = await tde(repo.dir, ['diff', '--', '--output=/tmp/x']);
      assert.equal(option.code, 2);
    });

    it('for a file that does not exist, a bad format, or no arguments', async () => {
      const dir = tempTree({ 'a.tde.yaml': review('library.tde.yaml') });
      assert.deepEqual(pick(await tde(dir, ['diff', 'a.tde.yaml', 'b.tde.yaml'])), [2, 'tde: no such file: b.tde.yaml\n']);
      assert.deepEqual(pick(await tde(dir, ['diff', '-f', 'sarif', 'main'])), [2, 'tde: unknown diff format sarif; formats: stylish, markdown, json\n']);
      assert.equal((await tde(dir, ['diff'])).code, 2);
      assert.equal((await tde(FIXTURES, ['diff', '--help'])).code, 0);
    });
  });
});

function pick(result: { code: number; stderr: string }): [number, string] {
  return [result.code, result.stderr];
}
