// What the TDE Projects view and "TDE: Start Next Iteration" ask the server:
// the file `previous` names (to chain iterations) and the next iteration's text.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { DocumentInfo, NextIterationResult } from '../../server/src/shared/protocol';
import { fixtureUri, useServer } from '../helpers/lspClient';

describe('language server: iterations', function () {
  const client = useServer();

  it('names the earlier iteration\'s URI in tde/documentInfo, resolved against the file', async () => {
    const uri = fixtureUri('iterations/second.tde.yaml');
    await client().open(uri, 'tde: 1\nproject:\n  title: Parks\n  place: Elmwood\n  iteration: 2\n  previous: ../first round.tde.yaml\n');
    const info = await client().request<DocumentInfo>('tde/documentInfo', { uri });
    assert.equal(info.previous, fixtureUri('first round.tde.yaml'));
  });

  it('answers tde/nextIteration with the text tde init --next writes and the names to try', async () => {
    const uri = fixtureUri('parks-2.tde.yaml');
    await client().open(uri, 'tde: 1\nproject:\n  title: Parks\n  place: Elmwood\n  iteration: 2\n' +
      'implement:\n  status: done\n  collaborators:\n    - name: Friends of the park\n      role: community-group\n' +
      'next:\n  opportunities:\n    - Lighting on the east path\n');
    const result = await client().request<NextIterationResult>('tde/nextIteration', { uri, eol: '\r\n' });
    assert.ok(result.ok);
    assert.equal(result.iteration, 3);
    assert.equal(result.implementDone, true);
    assert.deepEqual(result.fileNames.slice(0, 2), ['parks-3.tde.yaml', 'parks-3-2.tde.yaml']);
    assert.ok(!/[^\r]\n/.test(result.text), 'CRLF line endings throughout');
    const next = parse(result.text);
    assert.equal(next.project.previous, 'parks-2.tde.yaml');
    assert.deepEqual(next.find.collaborators, [{ name: 'Friends of the park', role: 'community-group' }]);
    assert.equal(next.find.notes, 'Leads left by iteration 2:\n- Lighting on the east path');
  });

  it('says why a file that does not parse has no next iteration', async () => {
    const uri = fixtureUri('broken-next.tde.yaml');
    await client().open(uri, 'tde: 1\nproject: [\n');
    const result = await client().request<NextIterationResult>('tde/nextIteration', { uri, eol: '\n' });
    assert.deepEqual(result, { ok: false, reason: 'it does not parse as a TDE file; fix its YAML first' });
  });
});
