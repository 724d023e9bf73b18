import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { check } from '../../server/src/engine';
import { localDate, starterProject } from '../../server/src/shared/starterProject';

describe('the starter project (tde init and New Project)', () => {
  for (const door of ['cli', 'editor'] as const) {
    it(`is a valid TDE file with no problems at all (${door})`, () => {
      const text = starterProject({ title: 'Vacant lots: the "map"', place: ' City of\tMillford ', started: new Date(2024, 1, 5), door });
      assert.deepEqual(check(text).problems, []);
      const data = parse(text) as { project: { title: string; place: string; started: string } };
      assert.equal(data.project.title, 'Vacant lots: the "map"');
      assert.equal(data.project.place, 'City of Millford');
      assert.equal(data.project.started, '2024-02-05');
    });
  }

  it('says how to go on from the door that wrote it', () => {
    const started = new Date(2024, 0, 1);
    assert.match(starterProject({ title: 'T', place: 'P', started, door: 'cli' }), /^# Check it with `tde check`/m);
    assert.match(starterProject({ title: 'T', place: 'P', started, door: 'editor' }), /^# "TDE: Open Pitch Preview"/m);
  });

  it('keeps the requested line endings', () => {
    const text = starterProject({ title: 'T', place: 'P', started: new Date(2024, 0, 1), door: 'editor', eol: '\r\n' });
    assert.ok(!/[^\r]\n/.test(text));
    assert.deepEqual(check(text).problems, []);
  });

  it('writes dates in the local time zone', () => {
    assert.equal(localDate(new Date(2024, 11, 31, 23, 59)), '2024-12-31');
  });
});
