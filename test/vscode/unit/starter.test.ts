import * as assert from 'node:assert/strict';
import { projectFileNames, projectFileStem } from '../../../client/src/newProject/starter';

describe('New Project file names', () => {
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
});
