// Every file of the hostile corpus through both doors as they really run:
// `node bin/tde.js check FILE --format json` as a process, and the language
// server over stdio. Each must be answered, with an exit code of 0 or 1
// (never a crash, never a stack trace, never a hang) and without touching the
// network; the two doors must agree. How fast and in how much memory is
// measured by `npm run stress`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { decodeTdeBytes } from '../../server/src/engine';
import type { CheckReport, ReportedProblem } from '../../server/src/cli/reportTypes';
import { corpus, editorText, staticEntryNames, staticFileNames, writeCorpus, type CorpusEntry, type Expectation, type WrittenCorpus } from './corpus';
import { alive, HANG_MS, runCli, STACK_TRACE, startGuardedServer, within, type GuardedServer } from './harness';
import { skipBecause } from '../helpers/skip';
import { buildOnce } from '../helpers/build';

function checkExpectation(entry: CorpusEntry, problems: { rule: string; message: string }[]): void {
  const expect: Expectation = entry.expect;
  const summary = () => problems.slice(0, 8).map((p) => `${p.rule}: ${p.message.slice(0, 120)}`).join('\n');
  if (expect.none) assert.equal(problems.length, 0, `${entry.name}: expected no problems, got\n${summary()}`);
  for (const rule of expect.rules ?? []) {
    assert.ok(problems.some((p) => p.rule === rule), `${entry.name}: expected a ${rule} problem, got\n${summary()}`);
  }
  if (expect.message) {
    assert.ok(problems.some((p) => expect.message!.test(p.message)), `${entry.name}: expected a message matching ${expect.message}, got\n${summary()}`);
  }
}

describe('hostile corpus', function () {
  this.timeout(HANG_MS * 2);
  const entries = corpus();
  let written: WrittenCorpus;
  /** What the CLI reported for each file, for the server to agree with. */
  const cliProblems = new Map<string, ReportedProblem[]>();

  before(function () {
    this.timeout(180_000);
    buildOnce();
    written = writeCorpus(entries);
  });
  after(() => written?.remove());

  it('holds at least 30 files, and test/fixtures/hostile/ holds exactly the listed ones', () => {
    assert.ok(entries.length >= 30, `only ${entries.length} files`);
    assert.deepEqual(staticFileNames(), staticEntryNames());
    assert.equal(new Set(entries.map((e) => e.name)).size, entries.length, 'names are unique');
  });

  describe('through the CLI (a real process)', () => {
    for (const entry of entries) {
      it(`${entry.name}: ${entry.about}`, async function () {
        const { file } = written.files.find((f) => f.entry === entry)!;
        const run = await runCli(['check', file, '--format', 'json'], { cwd: written.dir });
        const where = `${entry.name} (exit ${run.code}, ${Math.round(run.ms)} ms)`;
        assert.ok(!run.timedOut, `${where}: killed after the time limit`);
        assert.doesNotMatch(run.stderr, STACK_TRACE, `${where}: a stack trace on stderr:\n${run.stderr.slice(0, 2000)}`);
        assert.equal(run.stderr, '', `${where}: stderr`);
        assert.ok(run.code === 0 || run.code === 1, `${where}: exit code`);
        assert.deepEqual(run.network.filter((r) => r.event === 'blocked'), [], `${where}: network`);
        assert.ok(run.network.some((r) => r.event === 'guard'), `${where}: the network guard was not loaded`);
        const report = JSON.parse(run.stdout) as CheckReport;
        const problems = report.files[0]!.problems;
        cliProblems.set(entry.name, problems);
        checkExpectation(entry, problems);
        if (entry.pending) skipBecause(this, `KNOWN GAP: ${entry.pending}`);
      });
    }
  });

  describe('through the language server (stdio)', () => {
    /** One session for the small files; each big one gets a server of its own, so its peak memory is its own. */
    let shared: GuardedServer;
    const finish = async (server: GuardedServer) => {
      const { client } = server;
      assert.ok(alive(client), 'the server is still running');
      assert.deepEqual(client.loggedErrors(), [], 'errors the server logged');
      assert.deepEqual(server.network().filter((r) => r.event === 'blocked'), [], 'network');
      assert.ok(server.network().some((r) => r.event === 'guard'), 'the network guard was not loaded');
      await server.stop();
    };
    before(async function () {
      this.timeout(60_000);
      shared = await startGuardedServer({ rootDir: written.dir });
    });
    after(async () => {
      if (shared) await finish(shared);
    });

    for (const entry of entries) {
      it(`${entry.name}: answered, agreeing with the CLI`, async function () {
        const server = entry.generated ? await startGuardedServer({ rootDir: written.dir }) : shared;
        try {
          await checkThroughServer.call(this, server, entry);
        } finally {
          if (server !== shared) await finish(server);
        }
      });
    }

    async function checkThroughServer(this: Mocha.Context, server: GuardedServer, entry: CorpusEntry): Promise<void> {
        const { client } = server;
        const { file } = written.files.find((f) => f.entry === entry)!;
        const bytes = fs.readFileSync(file);
        const text = editorText(bytes);
        const uri = pathToFileURL(file).href;
        const mark = client.mark();
        await client.open(uri, text);
        const published = await within(client.diagnostics(uri, 1, mark), HANG_MS, `diagnostics of ${entry.name}`);
        assert.ok(alive(client), `${entry.name}: the server died`);
        await exerciseFeatures(server, uri, text, published, HANG_MS);
        await client.close(uri);
        const pending = entry.pending ?? entry.pendingServer;
        if (pending) skipBecause(this, `KNOWN GAP: ${pending}`);
        // Same engine, same problems, same places, same words — where the
        // editor reads the same text as the CLI and the check ran to the end.
        const decoded = decodeTdeBytes(bytes);
        const expected = cliProblems.get(entry.name);
        // A check over the memory budget ends in one diagnostic saying so: nothing to compare.
        const overBudget = published.diagnostics.some((d) => /^tde stopped checking this file/.test(String(d.message)));
        if (decoded.ok && expected && !overBudget) {
          const fromServer = published.diagnostics.map(viewOfDiagnostic).sort();
          const fromCli = expected.map((p) => `${p.line - 1}:${p.column - 1} ${p.severity} ${p.rule} ${p.message}`).sort();
          assert.deepEqual(fromServer, fromCli, `${entry.name}: the server and the CLI disagree`);
        }
    }
  });
});

const SEVERITIES = ['', 'error', 'warning', 'info', 'info'];

function viewOfDiagnostic(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character} ${SEVERITIES[d.severity ?? 1]} ${String(d.code)} ${d.message}`;
}

/** The editor features a user touches on any file: each must answer (or decline) without an error. */
async function exerciseFeatures(server: GuardedServer, uri: string, text: string, published: PublishDiagnosticsParams, ms: number): Promise<void> {
  const { client } = server;
  const lines = text.split(/\r\n|\r|\n/);
  const last = Math.max(0, lines.length - 1);
  const positions = [
    { line: 0, character: 0 },
    { line: Math.min(3, last), character: 4 },
    { line: Math.floor(last / 2), character: Math.floor((lines[Math.floor(last / 2)]?.length ?? 0) / 2) },
    { line: last, character: lines[last]?.length ?? 0 },
  ];
  const requests: [string, unknown][] = [
    ['textDocument/documentSymbol', { textDocument: { uri } }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: last, character: 0 } }, context: { diagnostics: published.diagnostics.slice(0, 50) } }],
    ['tde/documentInfo', { uri }],
  ];
  for (const position of positions) {
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/prepareRename']) {
      requests.push([method, { textDocument: { uri }, position }]);
    }
    requests.push(['textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }]);
  }
  for (const [method, params] of requests) {
    try {
      await within(client.request(method, params), ms, method);
    } catch (error) {
      // A request the server declines on purpose (say, rename where nothing can be renamed) answers with an LSP error; a timeout or a crash does not.
      const message = error instanceof Error ? error.message : String(error);
      if (/no answer within|closed|disposed/i.test(message)) throw error;
    }
  }
}
