// Schema messages in a program manager's words: every place that takes keys
// with values shows how it is written, every list of values is named in full,
// also when the value has the wrong type.
import * as assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { check, type Problem } from '../../server/src/engine';
import { branches, itemSchema, keysOf, listedValues, mappingShapes, propertySchema, types, type Schema } from '../../server/src/engine/schemaNav';
import tdeSchema from '../../schemas/tde.schema.json';

type Place = { path: (string | number)[]; schema: Schema };

/** Every place in the format: each key of each mapping, and the first entry of each list. */
function places(schema: Schema, path: (string | number)[] = [], seen = new Set<string>()): Place[] {
  const out: Place[] = [{ path, schema }];
  if (path.length > 6) return out;
  for (const { key } of keysOf(schema)) {
    const id = `${path.filter((p) => typeof p === 'string').slice(-2).join('.')}.${key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(...places(propertySchema(schema, key)!, [...path, key], seen));
  }
  const item = itemSchema(schema);
  if (item && types(schema).has('array')) out.push(...places(item, [...path, 0], seen));
  return out;
}

/** A file with `value` at `path` (lists made up to the index). */
function fileWith(path: (string | number)[], value: unknown): string {
  const root: Record<string, unknown> = { tde: 1, project: { title: 'T', place: 'P' } };
  let at: any = root;
  path.forEach((segment, i) => {
    const last = i === path.length - 1;
    const next = last ? value : typeof path[i + 1] === 'number' ? [] : {};
    if (typeof segment === 'number') {
      at.push(next);
    } else {
      at[segment] = next;
    }
    at = next;
  });
  return stringify(root);
}

function schemaProblemAt(text: string, path: (string | number)[]): Problem | undefined {
  return check(text, {}).problems.find((p) => p.rule === 'schema' && p.path.join('.') === path.join('.'));
}

const all = places(tdeSchema as Schema).filter((p) => p.path.length > 0);

describe('schema messages', () => {
  it('walks a good share of the format', () => {
    assert.ok(all.length > 80, `${all.length} places`);
  });

  it('every place that takes keys with values shows how it is written, when given something else', () => {
    const objectPlaces = all.filter((p) => types(p.schema).has('object') && mappingShapes(p.schema).length);
    assert.ok(objectPlaces.length >= 20, `${objectPlaces.length} mapping places`);
    for (const { path, schema } of objectPlaces) {
      const wrong = types(schema).has('string') ? 42 : 'just a sentence';
      const problem = schemaProblemAt(fileWith(path, wrong), path);
      assert.ok(problem, `no schema problem at ${path.join('.')}`);
      const key = path[path.length - 1];
      const shape = mappingShapes(schema)[0]!;
      const written = typeof key === 'string' ? `"${key}: ${shape}"` : `"${shape}"`;
      assert.ok(problem.message.includes(written), `${path.join('.')}: ${problem.message}`);
      assert.doesNotMatch(problem.message, /mapping/);
    }
  });

  it('every list of values is named in full, whether the value is misspelt or of the wrong type', () => {
    const enumPlaces = all.filter((p) => listedValues(p.schema).length);
    assert.ok(enumPlaces.length >= 8, `${enumPlaces.length} places with values`);
    for (const { path, schema } of enumPlaces) {
      const values = listedValues(schema);
      const named = `${values.slice(0, -1).map((v) => `"${v}"`).join(', ')} or "${values[values.length - 1]}"`;
      for (const wrong of ['zzz-not-a-value', ['a list'], 42]) {
        const problem = schemaProblemAt(fileWith(path, wrong), path);
        assert.ok(problem, `no schema problem at ${path.join('.')} for ${JSON.stringify(wrong)}`);
        assert.ok(problem.message.includes(`must be ${named}; got `), `${path.join('.')}: ${problem.message}`);
      }
    }
  });

  it('a missing key says what it takes', () => {
    const text = 'tde: 1\nproject: {title: T, place: P}\nfind:\n  action: listened\n';
    const problem = check(text, {}).problems.find((p) => p.rule === 'schema')!;
    assert.equal(problem.message, '"find" is missing the required key "status" ("not-started", "in-progress", "done" or "skipped").');
    const noProject = check('tde: 1\n', {}).problems.find((p) => p.rule === 'schema')!;
    assert.equal(noProject.message, 'The file is missing the required key "project" ("project: {title: …, place: …, …}").');
  });

  it('shows the shapes of a value that may be one of several mappings', () => {
    const problem = schemaProblemAt(fileWith(['find', 'tactics', 0], 42), ['find', 'tactics', 0])!;
    assert.match(problem.message, /^Item 1 of "tactics" must be a text or keys with values, like "\{custom: …, description: …, …\}" or "\{id: …, criteria: …, …\}"; got the number 42\.$/);
    const step = schemaProblemAt(fileWith(['refine'], 'started'), ['refine'])!;
    assert.equal(step.message, '"refine" must be keys with values, like "refine: {status: …, action: …, …}"; got the text "started".', 'a key required only when skipped is not shown');
  });

  describe('incorporated: true and false, as YAML 1.1 readers write yes and no', () => {
    for (const value of ['true', 'false', 'yes', 'no', 'partly']) {
      it(`accepts incorporated: ${value}`, () => {
        const text = `tde: 1\nproject: {title: T, place: P}\ndesign:\n  status: not-started\n  feedback:\n    - {from: Ward 3 organisers, incorporated: ${value}}\n`;
        assert.deepEqual(check(text, {}).problems.filter((p) => p.rule === 'schema'), []);
      });
    }

    it('are read as yes and no by unreviewed-plan', () => {
      const design = (incorporated: string) => `tde: 1\nproject: {title: T, place: P}\nfind: {status: done, collaborators: [{name: A, role: resident}], result: {focus_area: F}}\nrefine:\n  status: done\n  collaborators: [{name: A, role: resident}]\n  use_cases: [{id: u, persona: {name: P}, user_story: S}]\ndesign:\n  status: done\n  selected_use_case: u\n  collaborators: [{name: Ward 3 organisers, role: organizer, intended_user: true}]\n  plan: {summary: S, steward: Ward 3 organisers}\n  feedback:\n    - {from: Ward 3 organisers, incorporated: ${incorporated}}\n`;
      const unreviewed = (incorporated: string) => check(design(incorporated), {}).problems.some((p) => p.rule === 'unreviewed-plan');
      assert.deepEqual(['yes', 'true', 'partly', 'no', 'false'].map(unreviewed), [false, false, false, true, true]);
    });

    it('are accepted by the published schema, and never offered as values', () => {
      const feedback = branches(propertySchema(itemSchema(propertySchema(propertySchema(tdeSchema as Schema, 'design'), 'feedback')), 'incorporated'));
      assert.ok(feedback.some((b) => b.enum?.includes(true) && b.enum.includes(false)));
      assert.deepEqual(listedValues(feedback[0]), ['yes', 'no', 'partly']);
    });
  });
});
