// Property-based tests over stdio (fast-check): random texts and random edit
// sequences never crash the language server or hang it, and the diagnostics after a sequence of incremental edits equal
// those of a server that was only ever shown the final text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { comparable, diagnoseEdited, diagnoseOnce, editArbitrary, scratchUri, textArbitrary } from './fuzz';
import { alive, HANG_MS, startGuardedServer, type GuardedServer } from './harness';
import { runs, seed } from '../helpers/seed';

const STARTING_TEXTS = [
  'tde: 1\nproject:\n  title: Flood sensors\n  place: Riverton\nfind:\n  status: in-progress\n  collaborators:\n    - {name: Ward 5, role: community-group}\n  tactics:\n    - join-public-meetings\n',
  'tde: 1\r\nproject:\r\n  title: CRLF\r\n  place: Riverton\r\nrefine:\r\n  status: done\r\n  use_cases:\r\n    - id: a-b\r\n      title: x\r\n',
  '\ufefftde: 1\nproject: {title: Flow, place: P}\ndesign:\n  status: in-progress\n  selected_use_case: [a-b]\n',
  '',
];

describe('fuzzing the language server over stdio', function () {
  this.timeout(240_000);
  let edited: GuardedServer;
  let fresh: GuardedServer;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-fuzz-'));
  const bound = HANG_MS;

  before(async function () {
    this.timeout(120_000);
    [edited, fresh] = await Promise.all([startGuardedServer({ rootDir: dir }), startGuardedServer({ rootDir: dir })]);
  });

  after(async () => {
    for (const server of [edited, fresh]) {
      if (!server) continue;
      assert.ok(alive(server.client), 'the server is still running');
      assert.deepEqual(server.client.loggedErrors(), [], 'errors the server logged');
      assert.deepEqual(server.network().filter((r) => r.event === 'blocked'), [], 'network');
      await server.stop();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers any text with diagnostics, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(textArbitrary(), async (text) => {
        const published = await diagnoseOnce(edited.client, scratchUri(dir), text, bound);
        assert.ok(Array.isArray(published.diagnostics));
        assert.ok(alive(edited.client), 'the server died');
      }),
      { seed, numRuns: runs(120) },
    );
  });

  it('after any sequence of edits, publishes what a fresh server says of the final text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STARTING_TEXTS), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), async (start, edits) => {
        const { text, published } = await diagnoseEdited(edited.client, scratchUri(dir), start, edits, bound);
        const reference = await diagnoseOnce(fresh.client, scratchUri(dir), text, bound);
        assert.deepEqual(comparable(published), comparable(reference), `final text: ${JSON.stringify(text)}`);
        assert.ok(alive(edited.client) && alive(fresh.client), 'a server died');
      }),
      { seed, numRuns: runs(60) },
    );
  });

  it('survives edits sent faster than it checks, publishing the last version', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArbitrary, { minLength: 20, maxLength: 60 }), async (edits) => {
        const { text, published } = await diagnoseEdited(edited.client, scratchUri(dir), STARTING_TEXTS[0]!, edits, bound);
        const reference = await diagnoseOnce(fresh.client, scratchUri(dir), text, bound);
        assert.deepEqual(comparable(published), comparable(reference));
      }),
      { seed, numRuns: runs(10) },
    );
  });
});
