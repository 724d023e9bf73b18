// `tde pitch`, `tde init` and `tde rules`, run in-process.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/engine';
import { FIXTURES, fixture, removeTempTrees, tde, tempTree } from './helpers';

describe('tde pitch', () => {
  after(removeTempTrees);

  it('prints the filled pitch, then the blanks still empty and where they are filled from', async () => {
    const result = await tde(FIXTURES, ['pitch', 'pitch.tde.yaml']);
    assert.equal(result.code, 0);
    assert.equal(
      result.stdout,
      'Residents could put information the city holds to work on shade on <b>hot</b> blocks & "heat islands", which matters because ' +
        'cooler streets for people who walk | wait for buses. Using Interview stakeholders individually and Tree walk, we will listen to ' +
        'the tree board and bus riders and find concrete ways for them to use [MY DATA SUPPLY]. Next, we will [NEXT STEPS], and adjust ' +
        'the plan to what we hear along the way.\n\n' +
        'Still blank: MY DATA SUPPLY (refine.worksheet.data_supply), NEXT STEPS (refine.worksheet.next_steps)\n',
    );
  });

  it('names all six blanks of a project that has not reached Refine, and still exits 0', async () => {
    const result = await tde(FIXTURES, ['pitch', 'clean.tde.yaml']);
    assert.equal(result.code, 0);
    assert.match(
      result.stdout,
      /\n\nStill blank: FOCUS AREA \(find\.result\.focus_area\), IMPACT \(refine\.pitch\.impact\), REFINING TACTIC \(refine\.tactics\), DATA REQUESTERS \(refine\.worksheet\.data_requesters\), MY DATA SUPPLY \(refine\.worksheet\.data_supply\), NEXT STEPS \(refine\.worksheet\.next_steps\)\n$/,
    );
  });

  it('--format markdown escapes the file\'s text and shows empty blanks as code', async () => {
    const { stdout, code } = await tde(FIXTURES, ['pitch', '-f', 'markdown', 'pitch.tde.yaml']);
    assert.equal(code, 0);
    assert.match(stdout, /^## Pitch\n\n/);
    assert.ok(stdout.includes('**shade on &lt;b&gt;hot&lt;/b&gt; blocks &amp; &quot;heat islands&quot;**'), stdout);
    assert.ok(stdout.includes('**cooler streets for people who walk &#124; wait for buses**'));
    assert.ok(stdout.includes('to use `[MY DATA SUPPLY]`. Next, we will `[NEXT STEPS]`,'));
    assert.ok(stdout.endsWith('\n\nStill blank: MY DATA SUPPLY (`refine.worksheet.data_supply`), NEXT STEPS (`refine.worksheet.next_steps`)\n'));
  });

  it('--format html is a standalone snippet: every user string escaped, blanks marked by class', async () => {
    const { stdout, code } = await tde(FIXTURES, ['pitch', '--format=html', 'pitch.tde.yaml']);
    assert.equal(code, 0);
    assert.match(stdout, /^<section class="tde-pitch">\n/);
    assert.match(stdout, /<\/section>\n$/);
    assert.ok(!stdout.includes('<b>'));
    assert.ok(stdout.includes('<span class="tde-blank tde-blank-filled" data-blank="focus_area">shade on &lt;b&gt;hot&lt;/b&gt; blocks &amp; &quot;heat islands&quot;</span>'));
    assert.ok(stdout.includes('<span class="tde-blank tde-blank-empty" data-blank="data_supply">[MY DATA SUPPLY]</span>'));
    assert.ok(stdout.includes('<span class="tde-blank tde-blank-empty" data-blank="next_steps">[NEXT STEPS]</span>'));
    assert.equal((stdout.match(/tde-blank-empty"/g) ?? []).length, 2);
    assert.ok(stdout.includes('Still blank: <span class="tde-blank-name">MY DATA SUPPLY</span> (<code>refine.worksheet.data_supply</code>)'));
  });

  it('says so when every blank is filled', async () => {
    const full = fixture('pitch.tde.yaml') + '    data_supply:\n      - tree inventory\n    next_steps:\n      - map the young trees\n';
    const dir = tempTree({ 'full.tde.yaml': full });
    const { stdout } = await tde(dir, ['pitch', 'full.tde.yaml']);
    assert.match(stdout, /to use tree inventory\. Next, we will map the young trees, and/);
    assert.match(stdout, /\n\nEvery blank is filled\.\n$/);
  });

  it('exits 2 on a missing file', async () => {
    const result = await tde(FIXTURES, ['pitch', 'nope.tde.yaml']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: no such file: nope.tde.yaml\n');
  });

  it('exits 2 on a folder, a missing argument or an unknown format', async () => {
    assert.equal((await tde(FIXTURES, ['pitch', '.'])).stderr, 'tde: cannot read .: is a folder\n');
    assert.equal((await tde(FIXTURES, ['pitch'])).stderr, 'tde: tde pitch takes one file (see tde pitch --help)\n');
    const badFormat = await tde(FIXTURES, ['pitch', '-f', 'pdf', 'clean.tde.yaml']);
    assert.deepEqual([badFormat.code, badFormat.stderr], [2, 'tde: unknown pitch format pdf; formats: text, markdown, html\n']);
  });

  it('exits 1 on a file that does not parse, says why, and prints no pitch', async () => {
    const dir = tempTree({ 'bad.tde.yaml': 'tde: 1\nproject: [\n', 'list.tde.yaml': '- tde: 1\n' });
    const result = await tde(dir, ['pitch', 'bad.tde.yaml']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^tde: bad\.tde\.yaml has no pitch until it parses: bad\.tde\.yaml:\d+:\d+: \S.*\n$/);
    const list = await tde(dir, ['pitch', '-f', 'markdown', 'list.tde.yaml']);
    assert.deepEqual([list.code, list.stdout], [1, '']);
    assert.match(list.stderr, /^tde: list\.tde\.yaml has no pitch until it parses: list\.tde\.yaml:1:1: A TDE file is /);
  });
});

describe('tde init', () => {
  after(removeTempTrees);

  it('writes project.tde.yaml, which then checks with no problems at all', async () => {
    const dir = tempTree();
    const init = await tde(dir, ['init']);
    assert.equal(init.code, 0);
    assert.equal(init.stdout, "Created project.tde.yaml.\nNext: fill in find, then run 'tde check project.tde.yaml'.\n");
    const check = await tde(dir, ['check']);
    assert.equal(check.code, 0, check.stdout);
    assert.equal(check.stdout, '✓ 1 file checked, no problems\n');
  });

  it('explains each key in comments', async () => {
    const dir = tempTree();
    await tde(dir, ['init']);
    const text = fs.readFileSync(path.join(dir, 'project.tde.yaml'), 'utf8');
    for (const key of ['tde', 'title', 'place', 'iteration', 'started', 'status']) {
      const line = text.split('\n').findIndex((l) => new RegExp(`^\\s*${key}:`).test(l));
      assert.ok(line > 0, key);
      assert.match(text.split('\n')[line - 1]!, /^\s*#/, `a comment above ${key}`);
    }
    assert.match(text, /^  started: \d{4}-\d{2}-\d{2}$/m);
  });

  it('takes a file name, --title and --place, quoting them when YAML needs it', async () => {
    const dir = tempTree();
    const result = await tde(dir, ['init', 'trees.tde.yaml', '--title', 'Trees: a "shade" plan #1', '--place', 'Town of Elmwood']);
    assert.equal(result.code, 0, result.stderr);
    const text = fs.readFileSync(path.join(dir, 'trees.tde.yaml'), 'utf8');
    assert.match(text, /^  title: "Trees: a \\"shade\\" plan #1"$/m);
    assert.match(text, /^  place: Town of Elmwood$/m);
    const check = await tde(dir, ['check', '-f', 'json', 'trees.tde.yaml']);
    assert.equal(check.code, 0);
    assert.deepEqual(JSON.parse(check.stdout).summary.errors, 0);
  });

  it('refuses to overwrite a file, with exit 2', async () => {
    const dir = tempTree({ 'project.tde.yaml': 'mine\n' });
    const result = await tde(dir, ['init']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: project.tde.yaml already exists; tde init never overwrites a file\n');
    assert.equal(fs.readFileSync(path.join(dir, 'project.tde.yaml'), 'utf8'), 'mine\n');
  });

  it('exits 2 when the folder does not exist', async () => {
    const dir = tempTree();
    const result = await tde(dir, ['init', 'no/such/p.tde.yaml']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: cannot create no/such/p.tde.yaml: its folder does not exist\n');
  });
});

describe('tde rules', () => {
  it('lists every rule with its default severity and description', async () => {
    const result = await tde(FIXTURES, ['rules']);
    assert.equal(result.code, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, rules.length);
    assert.match(lines[0]!, /^yaml-syntax {15}error {4}YAML /);
    assert.ok(lines.some((l) => /^no-steward +info +A Design plan with no "steward"\.$/.test(l)), result.stdout);
  });

  it('--format json gives ids, severities, descriptions and docs links', async () => {
    const list = JSON.parse((await tde(FIXTURES, ['rules', '-f', 'json'])).stdout);
    assert.deepEqual(list.map((r: { id: string }) => r.id), rules.map((r) => r.id));
    assert.equal(list[0].docsUrl, 'https://github.com/tde-tools/tde/blob/main/docs/rules/yaml-syntax.md');
  });
});
