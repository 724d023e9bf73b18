// The server never dies on a document: a check over its time or memory
// budget ends with one diagnostic saying so (the budget is lowered here
// through the environment the server inherits), the server goes on checking
// other documents and newer versions, and the newest version always wins.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspClient } from '../helpers/lspClient';
import { ROOT } from '../helpers/build';

const bigUri = pathToFileURL(path.join(ROOT, 'test', 'perf', 'big.tde.yaml')).href;
const smallUri = pathToFileURL(path.join(ROOT, 'test', 'perf', 'small.tde.yaml')).href;
const SMALL = 'tde: 1\nproject:\n  title: Small\n  place: Town\n';

/** Start a server whose checks have this budget (TDE_CHECK_TIME_LIMIT_MS, TDE_CHECK_MEMORY_LIMIT_MB). */
async function startWithBudget(env: Record<string, string>): Promise<LspClient> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await LspClient.start({ initializationOptions: { handlesConfigurationIssues: true, validationDelay: 0 } });
  } finally {
    for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
}

function only(params: PublishDiagnosticsParams) {
  assert.equal(params.diagnostics.length, 1, JSON.stringify(params.diagnostics));
  const [diagnostic] = params.diagnostics;
  assert.deepEqual(diagnostic!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.equal(diagnostic!.source, 'tde');
  return String(diagnostic!.message);
}

describe('language server: isolation of checks', function () {
  this.timeout(120_000);
  let generateProject: (lines: number, errors: number) => string;
  before(async () => {
    ({ generateProject } = await import('../../bench/corpus.mjs' as string));
  });

  it('stops a check over the time budget with a diagnostic, and goes on with other documents and versions', async () => {
    // Far apart, so that no machine is fast enough or slow enough to change the outcome: the big
    // file takes seconds to check on a quiet machine, the small one (on a fresh thread) a tenth of one.
    const client = await startWithBudget({ TDE_CHECK_TIME_LIMIT_MS: '1500' });
    try {
      await client.open(bigUri, generateProject(150_000, 3));
      const message = only(await client.diagnostics(bigUri, 1));
      assert.match(message, /^tde stopped checking this file: it took longer than 1\.5 s\./);

      // The server is alive: another document is checked, by a fresh checking thread.
      await client.open(smallUri, SMALL);
      assert.deepEqual((await client.diagnostics(smallUri, 1)).diagnostics, []);
      const hover = await client.request('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 1, character: 1 } });
      assert.ok(hover, 'hover still answers');

      // The big document's next version is checked again, and wins.
      const version = await client.change(bigUri, [{ text: `${SMALL}x-note: [\n` }]);
      const problems = (await client.diagnostics(bigUri, version)).diagnostics;
      assert.deepEqual(problems.map((d) => d.code), ['yaml-syntax']);
      assert.deepEqual(client.loggedErrors(), []);
    } finally {
      await client.stop();
    }
  });

  it('stops a check over the memory budget with a diagnostic, and goes on', async () => {
    // No time budget to speak of: on a busy machine the check must still end by its memory, not its time.
    const client = await startWithBudget({ TDE_CHECK_MEMORY_LIMIT_MB: '40', TDE_CHECK_TIME_LIMIT_MS: '600000' });
    try {
      await client.open(bigUri, generateProject(60_000, 3));
      assert.match(only(await client.diagnostics(bigUri, 1)), /^tde stopped checking this file: it needed more than 40 MB of memory\./);
      await client.open(smallUri, SMALL);
      assert.deepEqual((await client.diagnostics(smallUri, 1)).diagnostics, []);
    } finally {
      await client.stop();
    }
  });

  it('publishes the newest version of a document last, whatever order checks finish in', async () => {
    const client = await startWithBudget({});
    try {
      const big = generateProject(20_000, 2);
      await client.open(bigUri, big);
      // Edits arrive while the first, long check runs: the ones in between are not worth checking.
      const versions: number[] = [];
      for (let i = 0; i < 5; i++) versions.push(await client.change(bigUri, [{ text: `${SMALL}x-step: ${i}\n` }]));
      const last = versions[versions.length - 1]!;
      assert.deepEqual((await client.diagnostics(bigUri, last)).diagnostics, []);
      // Nothing older comes after it, and not every version was checked.
      await client.request('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 0, character: 0 } });
      const published = client.published(bigUri).map((p) => p.version);
      assert.equal(published[published.length - 1], last);
      assert.deepEqual(published, [...published].sort((a, b) => a! - b!), 'published in version order');
      assert.ok(published.length < versions.length + 1, `published ${published.join(', ')}`);
    } finally {
      await client.stop();
    }
  });
});
