// No network, ever: every command of the CLI and a whole language-server
// session run with no-network.cjs preloaded (sockets, TLS, DNS, http(s),
// fetch throw and are recorded), and the record must hold nothing but the
// guard's own "loaded" lines. The guard itself is tested first, so an empty
// record means something.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpus, writeCorpus, type WrittenCorpus } from './corpus';
import { alive, guardEnv, runCli, startGuardedServer } from './harness';
import { buildOnce } from '../helpers/build';

describe('no network', function () {
  this.timeout(120_000);
  let written: WrittenCorpus;

  before(function () {
    this.timeout(120_000);
    buildOnce();
    written = writeCorpus(corpus().filter((e) => e.bytes().length < 100_000));
  });
  after(() => written?.remove());

  it('the guard blocks and records sockets, TLS, DNS, http(s) and fetch, in workers too, and leaves pipes alone', () => {
    const guard = guardEnv();
    try {
      const script = `
        const attempts = [
          () => require('node:net').connect(80, '192.0.2.1'),
          () => new (require('node:net').Socket)().connect(80, '192.0.2.1'),
          () => require('node:tls').connect(443, '192.0.2.1'),
          () => require('node:dns').lookup('example.org', () => {}),
          () => require('node:https').get('https://example.org'),
          () => require('node:http').request('http://example.org'),
          () => fetch('https://example.org'),
        ];
        let blocked = 0;
        for (const attempt of attempts) { try { attempt(); } catch { blocked++; } }
        const { Worker } = require('node:worker_threads');
        const worker = new Worker("try { require('node:net').connect(80, '192.0.2.1') } catch {}", { eval: true });
        worker.on('exit', () => {
          require('node:child_process').execFileSync(process.execPath, ['-e', 'process.stdout.write("child")'], { stdio: 'pipe' });
          process.stdout.write(String(blocked));
        });`;
      const result = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, ...guard.env }, encoding: 'utf8' });
      assert.equal(result.stderr, '');
      assert.equal(result.stdout, '7', 'every attempt threw, and stdout (a pipe) still works');
      const records = guard.records();
      assert.equal(records.filter((r) => r.event === 'blocked').length, 8, JSON.stringify(records));
      assert.ok(records.some((r) => r.event === 'blocked' && r.thread !== 0), 'the worker thread was guarded');
    } finally {
      guard.remove();
    }
  });

  it('every CLI command opens no socket', async () => {
    const dir = written.dir;
    const one = written.files.find((f) => f.entry.name === 'script-injection.tde.yaml')!.file;
    const other = written.files.find((f) => f.entry.name === 'proto-keys.tde.yaml')!.file;
    const runs: string[][] = [
      ['check', '.'],
      ...['stylish', 'compact', 'json', 'sarif', 'github', 'markdown'].map((format) => ['check', '.', '--format', format]),
      ['check', '--fix-dry-run', '.'],
      ['check', '--require-reason', '--report-unused-disable', '.'],
      ['status', '.'],
      ['pitch', one],
      ['pitch', '--format', 'html', one],
      ['diff', one, other],
      ['init', path.join(dir, 'new-project.tde.yaml')],
      ['rules'],
      ['--help'],
      ['--version'],
    ];
    for (const args of runs) {
      const run = await runCli(args, { cwd: dir, timeoutMs: 60_000 });
      assert.ok(run.code !== null && run.code <= 2, `tde ${args.join(' ')}: exit ${run.code} ${run.signal}\n${run.stderr}`);
      assert.ok(run.network.some((r) => r.event === 'guard'), `tde ${args.join(' ')}: the guard was not loaded`);
      assert.deepEqual(run.network.filter((r) => r.event === 'blocked'), [], `tde ${args.join(' ')}`);
    }
  });

  it('a language-server session opens no socket', async () => {
    const server = await startGuardedServer({ rootDir: written.dir, settings: { rules: { 'no-steward': 'off' } } });
    const { client } = server;
    try {
      for (const { file } of written.files.slice(0, 25)) {
        const uri = pathToFileURL(file).href;
        const text = fs.readFileSync(file, 'utf8');
        const mark = client.mark();
        await client.open(uri, text);
        await client.diagnostics(uri, 1, mark);
        const position = { line: 2, character: 4 };
        await client.request('textDocument/hover', { textDocument: { uri }, position });
        await client.request('textDocument/completion', { textDocument: { uri }, position });
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        await client.request('tde/documentInfo', { uri });
        await client.close(uri);
      }
      await client.notify('workspace/didChangeConfiguration', { settings: { tde: { rules: {} } } });
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(written.dir, '.tderc.yaml')).href, type: 1 }] });
      assert.ok(alive(client));
      assert.ok(server.network().some((r) => r.event === 'guard' && r.thread === 0), 'the guard was not loaded');
      assert.ok(server.network().some((r) => r.event === 'guard' && r.thread !== 0), 'the validation worker was not guarded');
      assert.deepEqual(server.network().filter((r) => r.event === 'blocked'), []);
    } finally {
      await server.stop();
    }
  });
});
