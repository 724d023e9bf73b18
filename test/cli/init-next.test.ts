// `tde init --next`: the next iteration of a project, written beside it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/build';
import { removeTempTrees, tde, tempTree } from './helpers';

const example = (name: string) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');

describe('tde init --next', () => {
  after(removeTempTrees);

  it('writes iteration 3 beside iteration 2, chained to it, and the pair checks with no problems', async () => {
    const dir = tempTree({
      'riverton-eviction-data-1.tde.yaml': example('riverton-eviction-data-1.tde.yaml'),
      'riverton-eviction-data.tde.yaml': example('riverton-eviction-data.tde.yaml'),
    });
    const result = await tde(dir, ['init', '--next', 'riverton-eviction-data.tde.yaml']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      'Created riverton-eviction-data-3.tde.yaml, iteration 3 after riverton-eviction-data.tde.yaml.\n' +
        "Next: fill in find, then run 'tde check riverton-eviction-data-3.tde.yaml'.\n",
    );
    const check = await tde(dir, ['check', '-f', 'json', '.']);
    assert.equal(check.code, 0, check.stdout);
    // Every rule runs, iteration-chain and missing-previous included: not even a note.
    assert.deepEqual(JSON.parse(check.stdout).files.flatMap((f: { problems: unknown[] }) => f.problems), []);
  });

  it('carries the project and the collaborators over, and turns next.opportunities into Find\'s notes', async () => {
    const dir = tempTree({ 'riverton-eviction-data.tde.yaml': example('riverton-eviction-data.tde.yaml') });
    await tde(dir, ['init', '--next', 'riverton-eviction-data.tde.yaml']);
    const text = fs.readFileSync(path.join(dir, 'riverton-eviction-data-3.tde.yaml'), 'utf8');
    const earlier = parse(example('riverton-eviction-data.tde.yaml'));
    const next = parse(text);
    assert.equal(next.project.title, earlier.project.title);
    assert.equal(next.project.place, earlier.project.place);
    assert.deepEqual(next.project.team, earlier.project.team);
    assert.deepEqual(next.project.links, earlier.project.links);
    assert.equal(next.project.iteration, 3);
    assert.equal(next.project.previous, 'riverton-eviction-data.tde.yaml');
    assert.equal(next.find.status, 'not-started');
    const names = next.find.collaborators.map((c: { name: string }) => c.name);
    assert.ok(names.includes('Riverton Tenant Council'), names.join(', '));
    assert.equal(new Set(names).size, names.length, 'each person once');
    for (const lead of earlier.next.opportunities) assert.ok(next.find.notes.includes(lead.replace(/\s+/g, ' ').trim()), lead);
    // Each part comes with a comment that says what it is.
    for (const key of ['project', 'iteration', 'previous', 'started', 'find', 'collaborators', 'notes']) {
      const lines = text.split('\n');
      const at = lines.findIndex((line) => new RegExp(`^\\s*${key}:`).test(line));
      assert.match(lines[at - 1]!, /^\s*#/, `a comment above ${key}`);
    }
  });

  it('writes into a folder named with a trailing slash, and says so when that folder does not exist', async () => {
    const dir = tempTree({ 'riverton-eviction-data.tde.yaml': example('riverton-eviction-data.tde.yaml'), 'x/.keep': '' });
    const result = await tde(dir, ['init', '--next', 'riverton-eviction-data.tde.yaml', 'x/']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Created x\/riverton-eviction-data-3\.tde\.yaml, iteration 3 after riverton-eviction-data\.tde\.yaml\.\n/);
    assert.match(fs.readFileSync(path.join(dir, 'x', 'riverton-eviction-data-3.tde.yaml'), 'utf8'), /^  previous: \.\.\/riverton-eviction-data\.tde\.yaml$/m);
    assert.ok(!fs.existsSync(path.join(dir, 'x', 'x')) && fs.statSync(path.join(dir, 'x')).isDirectory());
    // Again into the same folder: the next name not taken there, as beside the earlier file.
    const again = await tde(dir, ['init', '--next', 'riverton-eviction-data.tde.yaml', 'x']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^Created x\/riverton-eviction-data-3-2\.tde\.yaml, iteration 3 after/);
    const missing = await tde(dir, ['init', '--next', 'riverton-eviction-data.tde.yaml', 'y/']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'tde: cannot create y/riverton-eviction-data-3.tde.yaml: its folder does not exist\n');
    assert.ok(!fs.existsSync(path.join(dir, 'y')), 'no file named y');
    const plain = await tde(dir, ['init', 'x/']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'x', 'project.tde.yaml')), 'tde init x/ writes x/project.tde.yaml');
  });

  it('names the earlier file relative to the new one when FILE is in another folder', async () => {
    const dir = tempTree({ 'a/first.tde.yaml': example('lakeside-library-wifi.tde.yaml'), 'b/.keep': '' });
    const result = await tde(dir, ['init', '--next', 'a/first.tde.yaml', 'b/second.tde.yaml']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Created b\/second\.tde\.yaml, iteration 2 after a\/first\.tde\.yaml \(note: Implement is not done in a\/first\.tde\.yaml yet\)\.\n/);
    assert.equal(parse(fs.readFileSync(path.join(dir, 'b/second.tde.yaml'), 'utf8')).project.previous, '../a/first.tde.yaml');
    const check = await tde(dir, ['check', '-f', 'json', 'b/second.tde.yaml']);
    assert.equal(JSON.parse(check.stdout).summary.errors, 0, check.stdout);
  });

  it('takes the next free name and never overwrites a file', async () => {
    const dir = tempTree({ 'p.tde.yaml': example('lakeside-library-wifi.tde.yaml'), 'p-2.tde.yaml': 'mine\n' });
    const result = await tde(dir, ['init', '--next', 'p.tde.yaml']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Created p-2-2\.tde\.yaml/);
    assert.equal(fs.readFileSync(path.join(dir, 'p-2.tde.yaml'), 'utf8'), 'mine\n');
  });

  it('explains, with exit 2, why a file that does not parse has no next iteration', async () => {
    const dir = tempTree({ 'broken.tde.yaml': 'tde: 1\nproject: [\n' });
    const result = await tde(dir, ['init', '--next', 'broken.tde.yaml']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'tde: cannot start the next iteration of broken.tde.yaml: it does not parse as a TDE file; fix its YAML first\n');
    assert.deepEqual(fs.readdirSync(dir), ['broken.tde.yaml']);
  });

  it('keeps texts that YAML would read otherwise as texts', async () => {
    const dir = tempTree({
      'q.tde.yaml': 'tde: 1\nproject:\n  title: "yes"\n  place: "#1: City"\n  team: "no"\n' +
        'find:\n  status: done\n  collaborators:\n    - name: "1.5"\n      role: resident\n' +
        'next:\n  opportunities:\n    - "  spaced: out  "\n    - "- a dash"\n',
    });
    const result = await tde(dir, ['init', '--next', 'q.tde.yaml']);
    assert.equal(result.code, 0, result.stderr);
    const next = parse(fs.readFileSync(path.join(dir, 'q-2.tde.yaml'), 'utf8'));
    assert.equal(next.project.title, 'yes');
    assert.equal(next.project.place, '#1: City');
    assert.equal(next.project.team, 'no');
    assert.equal(next.find.collaborators[0].name, '1.5');
    assert.equal(next.find.notes, 'Leads left by iteration 1:\n- spaced: out\n- - a dash');
  });
});
