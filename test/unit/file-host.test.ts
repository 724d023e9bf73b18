// How the language server reads files that are not open (`.tderc.yaml`, a
// closed file the preview shows): as strictly as the CLI reads a TDE file,
// never more than MAX_FILE_BYTES, and a file it will not read is unreadable,
// with a log line that says why and never what the file holds. The web
// build's twin holds what the client sends to the same limits.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFor, MAX_FILE_BYTES } from '../../server/src/engine';
import * as browserFiles from '../../server/src/lsp/workspaceFiles.browser';
import { createWorkspaceFiles } from '../../server/src/lsp/workspaceFiles';
import type { ReadFileParams, ReadFileResult } from '../../server/src/shared/protocol';
import { skipBecause } from '../helpers/skip';

/** Text that must never reach a log. */
const SECRET = 'do-not-log-this-7f3a';

describe('language server: reading files that are not open', () => {
  let dir: string;
  const logged: string[] = [];
  const nodeFileHost = createWorkspaceFiles({ warn: (message) => logged.push(message) }).host;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-file-host-'));
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    logged.length = 0;
  });

  function write(name: string, bytes: Uint8Array | string): string {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    return file;
  }

  /** A file of `size` bytes that takes no room on disk (its size is all that is looked at). */
  function sparse(name: string, size: number): string {
    const file = write(name, `rules: {}\n# ${SECRET}\n`);
    fs.truncateSync(file, size);
    return file;
  }

  function assertRefused(file: string, reason: RegExp): void {
    assert.equal(nodeFileHost.readFile(file), undefined);
    assert.equal(logged.length, 1, `one log line: ${JSON.stringify(logged)}`);
    assert.ok(logged[0]!.includes(file), 'the log names the file');
    assert.match(logged[0]!, reason);
    assert.ok(!logged[0]!.includes(SECRET), 'the log holds nothing of the file');
  }

  it('reads UTF-8 text, keeping a byte order mark and CRLF line breaks', () => {
    assert.equal(nodeFileHost.readFile(write('plain.yaml', 'rules:\n  no-steward: off\n')), 'rules:\n  no-steward: off\n');
    assert.equal(nodeFileHost.readFile(write('bom.yaml', '\ufeffrules: {}\r\n')), '\ufeffrules: {}\r\n');
    assert.equal(nodeFileHost.readFile(write('empty.yaml', '')), '');
    assert.deepEqual(logged, []);
  });

  it('reads a file of exactly the size limit', () => {
    const text = `rules: {}\n${'#'.repeat(MAX_FILE_BYTES - 11)}\n`;
    assert.equal(Buffer.byteLength(text), MAX_FILE_BYTES);
    assert.equal(nodeFileHost.readFile(write('at-limit.yaml', text))?.length, MAX_FILE_BYTES);
  });

  it('refuses a file one byte over the limit, and a huge one, by its size, without reading it', () => {
    assertRefused(sparse('over-limit.yaml', MAX_FILE_BYTES + 1), new RegExp(`${MAX_FILE_BYTES + 1} bytes, over the ${MAX_FILE_BYTES}`));
    logged.length = 0;
    // 64 GB: reading it whole would run out of memory long before the end.
    assertRefused(sparse('huge.yaml', 64 * 1024 ** 3), /over the/);
  });

  it('refuses UTF-16, binary data and bytes that are not UTF-8, saying which', () => {
    assertRefused(write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`rules: {} # ${SECRET}\n`, 'utf16le')])), /UTF-16/);
    logged.length = 0;
    assertRefused(write('utf16-no-bom.yaml', Buffer.from(`rules: {} # ${SECRET}\n`, 'utf16le')), /UTF-16/);
    logged.length = 0;
    assertRefused(write('binary.yaml', Buffer.concat([Buffer.from(`rules: {}\n# ${SECRET}\n`), Buffer.from([0, 1, 2, 3])])), /binary data \(a NUL byte at byte \d+\)/);
    logged.length = 0;
    assertRefused(write('latin1.yaml', Buffer.concat([Buffer.from(`# ${SECRET} caf`), Buffer.from([0xe9, 0x0a])])), /not valid UTF-8 \(first bad byte at offset \d+\)/);
  });

  it('treats a folder and a missing file as unreadable', () => {
    fs.mkdirSync(path.join(dir, 'folder.yaml'));
    assert.equal(nodeFileHost.readFile(path.join(dir, 'folder.yaml')), undefined);
    assert.equal(nodeFileHost.readFile(path.join(dir, 'missing.yaml')), undefined);
    assert.deepEqual(logged, []);
  });

  it('treats a named pipe as unreadable, without waiting on it', function () {
    if (process.platform === 'win32') skipBecause(this, 'Windows has no named pipes in its file system');
    const fifo = path.join(dir, 'pipe.yaml');
    const made = spawnSync('mkfifo', [fifo], { encoding: 'utf8' });
    if (made.status !== 0) skipBecause(this, `mkfifo could not make a named pipe: ${made.error?.message ?? made.stderr.trim()}`);
    assert.equal(nodeFileHost.fileExists(fifo), false);
    assert.equal(nodeFileHost.readFile(fifo), undefined);
    assert.deepEqual(logged, []);
  });

  it('reports a .tderc.yaml it will not read as a configuration it cannot read', () => {
    for (const [folder, create] of [
      ['utf16', (file: string) => fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('rules:\n  no-steward: off\n', 'utf16le')]))],
      ['oversize', (file: string) => {
        fs.writeFileSync(file, 'rules:\n  no-steward: off\n');
        fs.truncateSync(file, MAX_FILE_BYTES + 1);
      }],
    ] as const) {
      const rc = path.join(dir, folder, '.tderc.yaml');
      fs.mkdirSync(path.dirname(rc), { recursive: true });
      create(rc);
      const config = loadConfigFor(path.join(dir, folder, 'a.tde.yaml'), nodeFileHost);
      assert.equal(config.file, rc);
      assert.deepEqual(config.rules, {});
      assert.deepEqual(config.issues, [{ message: `Cannot read ${rc}.` }]);
    }
  });
});

describe('web build: texts from the client held to the same limits', () => {
  const BASE = 'vscode-vfs://github';
  // Each test in a folder of its own: what was read stays cached for the module's life.
  let folder = 0;
  const repo = () => `${BASE}/org/repo-${++folder}`;

  function fakeClient(workspace: Record<string, string>) {
    const requests: ReadFileParams[] = [];
    const logged: string[] = [];
    const session = {
      support: { workspaceFiles: true },
      documents: { get: () => undefined },
      connection: {
        sendRequest: async (_method: string, params: ReadFileParams): Promise<ReadFileResult> => {
          requests.push(params);
          const text = workspace[params.uri];
          return text === undefined ? { type: 'missing' } : params.text ? { type: 'file', text } : { type: 'file' };
        },
      },
      warn: (message: string) => logged.push(message),
      error: (message: string) => assert.fail(message),
    };
    return { requests, logged, files: browserFiles.createWorkspaceFiles(session) };
  }

  it('reads a .tderc.yaml the client sends', async () => {
    const root = repo();
    const { files, logged } = fakeClient({ [`${root}/.tderc.yaml`]: 'rules:\n  no-steward: off\n' });
    await files.prepare(`${root}/a.tde.yaml`);
    assert.deepEqual(loadConfigFor(files.pathOf(`${root}/a.tde.yaml`)!, files.host).rules, { 'no-steward': 'off' });
    assert.deepEqual(logged, []);
  });

  for (const [about, text, reason] of [
    ['binary data', `rules: {}\n# ${SECRET}\0\x01\x02`, /binary data/],
    ['UTF-16 decoded as UTF-8', `\ufffd\ufffdr\0u\0l\0e\0s\0:\0 \0{\0}\0 ${SECRET}`, /binary data|UTF-16/],
    ['a text over the size limit', `rules: {}\n# ${SECRET}\n${'#'.repeat(MAX_FILE_BYTES)}`, /over the/],
    ['a text over the size limit in bytes only', `rules: {}\n# ${SECRET}\n# ${'é'.repeat(MAX_FILE_BYTES / 2)}`, /over the/],
  ] as const) {
    it(`refuses ${about}, once, with a log line that holds nothing of it`, async () => {
      const root = repo();
      const rc = `${root}/.tderc.yaml`;
      const { files, logged, requests } = fakeClient({ [rc]: text });
      await files.prepare(`${root}/a.tde.yaml`);
      const config = loadConfigFor(files.pathOf(`${root}/a.tde.yaml`)!, files.host);
      assert.deepEqual(config.rules, {});
      assert.equal(config.issues.length, 1);
      assert.match(config.issues[0]!.message, /^Cannot read /);
      assert.equal(requests.filter((r) => r.uri === rc && r.text).length, 1, 'its text is not asked for again');
      assert.equal(logged.length, 1);
      assert.ok(logged[0]!.includes(rc));
      assert.match(logged[0]!, reason);
      assert.ok(!logged[0]!.includes(SECRET));
    });
  }
});
