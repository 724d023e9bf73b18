// `tde status`: one row per project file, as stylish, markdown and json.
import * as assert from 'node:assert/strict';
import { FIXTURES, fixture, removeTempTrees, tde, tempTree } from './helpers';
import { review } from './gitRepo';

function projects() {
  return tempTree({
    'trees.tde.yaml': review('trees.head.tde.yaml'),
    'library.tde.yaml': review('library.tde.yaml'),
    'drafts/broken.tde.yaml': 'tde: 1\nproject: [\n',
  });
}

describe('tde status', () => {
  after(removeTempTrees);

  it('prints an aligned table at the terminal', async () => {
    const result = await tde(projects(), ['status']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'FILE                    PROJECT           PLACE            ITER  FIND         REFINE  DESIGN       IMPLEMENT  PROBLEMS',
        'drafts/broken.tde.yaml  (does not parse)                         —            —       —            —          1 error',
        'library.tde.yaml        Library Wi-Fi     Lakeside County  1     in progress  —       —            —          none',
        'trees.tde.yaml          Street trees      Town of Elmwood  1     done         done    in progress  —          1 error, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('writes a Markdown table for a dashboard', async () => {
    const { stdout } = await tde(projects(), ['status', '-f', 'markdown']);
    assert.equal(
      stdout,
      [
        '## TDE projects',
        '',
        '| File | Project | Place | Iteration | Find | Refine | Design | Implement | Problems |',
        '| --- | --- | --- | ---: | --- | --- | --- | --- | --- |',
        '| drafts/broken.tde.yaml | *does not parse* |  |  | — | — | — | — | ❌ 1 error |',
        '| library.tde.yaml | Library Wi-Fi | Lakeside County | 1 | 🔄 in progress | — | — | — | ✅ none |',
        '| trees.tde.yaml | Street trees | Town of Elmwood | 1 | ✅ done | ✅ done | 🔄 in progress | — | ❌ 1 error, 1 warning |',
        '',
      ].join('\n'),
    );
  });

  it('gives scripts one object per file', async () => {
    const report = JSON.parse((await tde(projects(), ['status', '-f', 'json'])).stdout);
    assert.deepEqual(report.projects[2], {
      path: 'trees.tde.yaml',
      parses: true,
      title: 'Street trees',
      place: 'Town of Elmwood',
      iteration: 1,
      steps: { find: 'done', refine: 'done', design: 'in-progress', implement: null },
      problems: { errors: 1, warnings: 1, infos: 0 },
    });
    assert.deepEqual(report.projects[0].steps, { find: null, refine: null, design: null, implement: null });
    assert.equal(report.projects[0].parses, false);
  });

  it('takes paths and globs as check does, and the iteration from the file', async () => {
    const dir = tempTree({
      'a/one.tde.yaml': fixture('clean.tde.yaml').replace('place: Town of Elmwood', 'place: Town of Elmwood\n  iteration: 3'),
      'b/two.tde.yaml': fixture('clean.tde.yaml'),
    });
    const report = JSON.parse((await tde(dir, ['status', '-f', 'json', 'a'])).stdout);
    assert.deepEqual(report.projects.map((p: { path: string; iteration: number }) => [p.path, p.iteration]), [['a/one.tde.yaml', 3]]);
  });

  it('escapes file text', async () => {
    const dir = tempTree({ 'h.tde.yaml': fixture('clean.tde.yaml').replace('Open budget questions', '"<b>|x</b> \\u001b[2J"') });
    const stylish = (await tde(dir, ['status'])).stdout;
    assert.ok(!stylish.includes('\u001b'), stylish);
    assert.ok(stylish.includes('<b>|x</b> \\u001b[2J'), stylish);
    const markdown = (await tde(dir, ['status', '-f', 'markdown'])).stdout;
    assert.ok(markdown.includes('| h.tde.yaml | &lt;b&gt;&#124;x&lt;/b&gt; &#91;2J |'), markdown);
  });

  it('fails with exit 2 on a bad format or a missing path', async () => {
    assert.equal((await tde(FIXTURES, ['status', '-f', 'sarif'])).code, 2);
    const missing = await tde(FIXTURES, ['status', 'nope']);
    assert.deepEqual([missing.code, missing.stderr], [2, 'tde: no such file or folder: nope\n']);
  });
});
