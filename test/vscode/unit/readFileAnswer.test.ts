// How the web extension answers the server's `tde/readFile`: as strictly as
// the Node server reads the disk. The size is checked before anything is
// read; bytes that are not UTF-8 text are refused with the reason, never
// sent as text with U+FFFD in their place.
import * as assert from 'node:assert/strict';
import { MAX_FILE_BYTES } from '../../../server/src/engine';
import { fileText, readFileAnswerer, type WorkspaceFileStat } from '../../../client/src/readFileAnswer';

const WORKSPACE = 'vscode-vfs://github/tde-tools/tde';
const URI = `${WORKSPACE}/.tderc.yaml`;

interface FakeFile {
  stat: WorkspaceFileStat;
  bytes?: Uint8Array;
}

function fakeFs(files: Record<string, FakeFile>) {
  const reads: string[] = [];
  const stats: string[] = [];
  const fs = {
    isInWorkspace: (uri: string) => uri === WORKSPACE || uri.startsWith(`${WORKSPACE}/`),
    stat: async (uri: string) => {
      stats.push(uri);
      const file = files[uri];
      if (!file) throw new Error('EntryNotFound');
      return file.stat;
    },
    readFile: async (uri: string) => {
      reads.push(uri);
      return files[uri]!.bytes ?? new Uint8Array(files[uri]!.stat.size);
    },
  };
  return { reads, stats, answer: readFileAnswerer(fs) };
}

const file = (bytes: Uint8Array, mtime = 1): FakeFile => ({ stat: { kind: 'file', size: bytes.length, mtime }, bytes });
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('web extension: answering tde/readFile', () => {
  it('touches nothing outside the workspace folder: another repository, another scheme, a path that climbs', async () => {
    const outside = [
      'vscode-vfs://github/other-org/secrets/.tderc.yaml',
      'https://evil.example/x.tde.yaml',
      `${WORKSPACE}/../../other-org/secrets/x.tde.yaml`,
      `${WORKSPACE}/%2E%2E/%2e%2e/other-org/x.tde.yaml`,
      `${WORKSPACE}/a%2F..%2F..%2Fx.tde.yaml`,
    ];
    const { stats, reads, answer } = fakeFs(Object.fromEntries(outside.map((uri) => [uri, file(utf8('rules: {}\n'))])));
    for (const uri of outside) assert.deepEqual(await answer({ uri, text: true }), { type: 'missing' }, uri);
    assert.deepEqual(stats, [], 'not even a stat');
    assert.deepEqual(reads, []);
  });

  it('answers what is there: a file, a folder, nothing; without reading when no text is asked for', async () => {
    const { reads, answer } = fakeFs({
      [URI]: file(utf8('rules: {}\n')),
      'vscode-vfs://github/tde-tools/tde': { stat: { kind: 'directory', size: 0, mtime: 1 } },
      'vscode-vfs://github/tde-tools/tde/link': { stat: { kind: 'other', size: 0, mtime: 1 } },
    });
    assert.deepEqual(await answer({ uri: URI, text: false }), { type: 'file' });
    assert.deepEqual(await answer({ uri: 'vscode-vfs://github/tde-tools/tde', text: true }), { type: 'directory' });
    assert.deepEqual(await answer({ uri: 'vscode-vfs://github/tde-tools/tde/link', text: true }), { type: 'missing' });
    assert.deepEqual(await answer({ uri: 'vscode-vfs://github/nothing', text: true }), { type: 'missing' });
    assert.deepEqual(await answer({ uri: 42 }), { type: 'missing' });
    assert.deepEqual(reads, []);
    assert.deepEqual(await answer({ uri: URI, text: true }), { type: 'file', text: 'rules: {}\n' });
  });

  it('sends UTF-8 text as it is: a byte order mark kept, and a U+FFFD the file really holds', () => {
    assert.deepEqual(fileText(utf8('\ufeffrules: {}\n')), { type: 'file', text: '\ufeffrules: {}\n' });
    assert.deepEqual(fileText(utf8('# caf\ufffd\n')), { type: 'file', text: '# caf\ufffd\n' });
  });

  it('refuses bytes that are not UTF-8 text, saying why, and sends no text for them', () => {
    const latin1 = Uint8Array.from([...utf8('rules: {}\n# caf'), 0xe9, 0x0a]);
    assert.deepEqual(fileText(latin1), { type: 'file', unreadable: 'the file is not valid UTF-8 (first bad byte at offset 15); save it as UTF-8' });
    assert.deepEqual(fileText(Uint8Array.from([0xff, 0xfe, 0x72, 0x00])), { type: 'file', unreadable: 'the file is UTF-16 encoded; save it as UTF-8' });
    assert.match(fileText(utf8('rules:\0\n')).unreadable!, /^the file holds binary data \(a NUL byte at byte 6\)/);
  });

  it('checks the size before reading anything', async () => {
    const { reads, answer } = fakeFs({ [URI]: { stat: { kind: 'file', size: MAX_FILE_BYTES + 1, mtime: 1 } } });
    assert.deepEqual(await answer({ uri: URI, text: true }), { type: 'file', unreadable: `it is ${MAX_FILE_BYTES + 1} bytes, over the ${MAX_FILE_BYTES} bytes a file may be` });
    assert.deepEqual(reads, []);
  });

  it('remembers a refusal until the file changes, so a server asking again costs no read', async () => {
    const bad = Uint8Array.from([0x72, 0xc3, 0x28]);
    const files: Record<string, FakeFile> = { [URI]: file(bad, 1) };
    const { reads, answer } = fakeFs(files);
    const refused = { type: 'file', unreadable: 'the file is not valid UTF-8 (first bad byte at offset 1); save it as UTF-8' };
    assert.deepEqual(await answer({ uri: URI, text: true }), refused);
    assert.deepEqual(await answer({ uri: URI, text: true }), refused);
    assert.equal(reads.length, 1);
    files[URI] = file(utf8('rules: {}\n'), 2);
    assert.deepEqual(await answer({ uri: URI, text: true }), { type: 'file', text: 'rules: {}\n' });
    assert.equal(reads.length, 2);
  });
});
