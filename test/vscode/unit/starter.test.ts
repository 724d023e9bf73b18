import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { check } from '../../../server/src/engine';
import { localDate, projectFileNames, projectFileStem, starterProject, yamlString } from '../../../client/src/newProject/starter';

describe('New Project starter', () => {
  it('derives kebab-case file names from titles', () => {
    assert.equal(projectFileStem('Eviction filings data for tenants'), 'eviction-filings-data-for-tenants');
    assert.equal(projectFileStem("  Free Wi-Fi où on peut l'utiliser!  "), 'free-wi-fi-ou-on-peut-l-utiliser');
    assert.equal(projectFileStem('311: Vacant lots & overgrown yards (2024)'), '311-vacant-lots-overgrown-yards-2024');
    assert.equal(projectFileStem('Ünïcödé Straße'), 'unicode-strasse'.replace('strasse', 'straße'));
    assert.equal(projectFileStem('!!!'), 'tde-project');
    assert.equal(projectFileStem('../../etc/passwd'), 'etc-passwd');
    const long = projectFileStem('word '.repeat(40));
    assert.ok(long.length <= 60 && !long.endsWith('-'), long);
  });

  it('never proposes the same name twice', () => {
    const names = [...projectFileNames('Lots', 5)];
    assert.deepEqual(names, ['lots.tde.yaml', 'lots-2.tde.yaml', 'lots-3.tde.yaml', 'lots-4.tde.yaml', 'lots-5.tde.yaml']);
  });

  it('writes any title or place as the same YAML string', () => {
    const tricky = ['Vacant lots: the map', 'yes', 'No', '2024', '1.5', 'off', 'null', '# hash', 'a # b', "It's 'quoted'", 'He said "hi"', '- dash', '[x]', '{y}', '*alias', '&anchor', '!tag', '%directive', '@at', '`tick`', 'City of Riverton', 'Ville de Montréal', 'tab\there', '  padded  ', 'back\\slash', '>folded', '|literal', '?question', 'trailing:'];
    for (const value of tricky) {
      const expected = value.replace(/\s+/g, ' ').trim();
      assert.equal(parse(`title: ${yamlString(value)}`, { version: '1.2' }).title, expected, value);
    }
    assert.equal(yamlString('City of Riverton'), 'City of Riverton');
  });

  it('is a valid TDE file with no problems at all', () => {
    const text = starterProject({ title: 'Vacant lots: the "map"', place: 'City of Millford', started: new Date(2024, 1, 5) });
    assert.deepEqual(check(text).problems, []);
    const data = parse(text) as { project: { title: string; started: string } };
    assert.equal(data.project.title, 'Vacant lots: the "map"');
    assert.equal(data.project.started, '2024-02-05');
  });

  it('keeps the requested line endings', () => {
    const text = starterProject({ title: 'T', place: 'P', started: new Date(2024, 0, 1), eol: '\r\n' });
    assert.ok(!/[^\r]\n/.test(text));
    assert.deepEqual(check(text).problems, []);
  });

  it('formats local dates', () => {
    assert.equal(localDate(new Date(2024, 11, 31, 23, 59)), '2024-12-31');
  });
});
