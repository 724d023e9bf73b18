// How the web build's server reaches files (server/src/lsp/files.browser.ts),
// with a scripted client: URIs of any file system become `/` paths and back,
// and before a check the look-ups it will make are answered from what the
// client sent, in a few batched rounds.
import * as assert from 'node:assert/strict';
import { loadConfigFor } from '../../server/src/engine';
import { dirname, join, resolve } from '../../server/src/engine/paths.browser';
import * as files from '../../server/src/lsp/files.browser';
import type { Session } from '../../server/src/lsp/session';
import type { ReadFileParams, ReadFileResult } from '../../server/src/shared/protocol';

// A pull request on github.dev: the ref is in the authority.
const BASE = 'vscode-vfs://github%2B7b22726566223a7b2274797065223a342c226964223a22313233227d7d';
const DOC = `${BASE}/tde-tools/tde/examples/my%20project.tde.yaml`;

function fakeSession(workspace: Record<string, string>, options: { workspaceFiles?: boolean; open?: Record<string, string> } = {}) {
  const requests: ReadFileParams[] = [];
  const session = {
    support: { workspaceFiles: options.workspaceFiles ?? true },
    documents: { get: (uri: string) => (options.open?.[uri] === undefined ? undefined : { getText: () => options.open![uri]! }) },
    connection: {
      sendRequest: async (_method: string, params: ReadFileParams): Promise<ReadFileResult> => {
        requests.push(params);
        const text = workspace[params.uri];
        return text === undefined ? { type: 'missing' } : params.text ? { type: 'file', text } : { type: 'file' };
      },
    },
    error: (message: string) => assert.fail(message),
  };
  files.bindFiles(session as unknown as Session);
  return { requests, session: session as unknown as Session };
}

describe('web build: files read through the client', () => {
  it('maps a URI of any file system to a path and back, keeping the authority as written', () => {
    fakeSession({});
    const file = files.fsPathOf(DOC)!;
    assert.equal(file.split('/').slice(2).join('/'), 'tde-tools/tde/examples/my project.tde.yaml');
    assert.equal(files.fileReference(file), DOC);
    assert.equal(files.fileReference(join(dirname(file), '.tderc.yaml')), `${BASE}/tde-tools/tde/examples/.tderc.yaml`);
    assert.equal(files.fileReference(resolve(dirname(file), '../../earlier.tde.yaml')), `${BASE}/tde-tools/earlier.tde.yaml`);
    assert.equal(files.fsPathOf('untitled:Untitled-1'), undefined);
    assert.equal(files.fsPathOf(`${DOC}?ref=main`), undefined);
  });

  it('gives documents no path when the client cannot read files', () => {
    fakeSession({}, { workspaceFiles: false });
    assert.equal(files.fsPathOf(DOC), undefined);
    assert.equal(files.prepareFiles({} as Session, DOC), undefined);
  });

  it('fetches what the .tderc.yaml search and missing-previous look up, then answers from the cache', async () => {
    const previous = 'tde: 1\nproject:\n  title: t\n  place: p\n  previous: ../older/one.tde.yaml\n';
    const { requests, session } = fakeSession(
      { [`${BASE}/tde-tools/tde/.tderc.yaml`]: 'rules:\n  no-steward: off\n', [`${BASE}/tde-tools/tde/older/one.tde.yaml`]: 'tde: 1\n' },
      { open: { [DOC]: previous } },
    );
    await files.prepareFiles(session, DOC);
    const file = files.fsPathOf(DOC)!;
    assert.deepEqual(loadConfigFor(file, files.nodeFileHost).rules, { 'no-steward': 'off' });
    assert.equal(files.nodeFileHost.fileExists(resolve(dirname(file), '../older/one.tde.yaml')), true);
    const asked = requests.map((r) => r.uri.slice(BASE.length) + (r.text ? ' (text)' : ''));
    assert.deepEqual(asked.sort(), [
      '/.tderc.yaml',
      '/.tderc.yml',
      '/tde-tools/.tderc.yaml',
      '/tde-tools/.tderc.yml',
      '/tde-tools/tde/.tderc.yaml',
      '/tde-tools/tde/.tderc.yaml (text)',
      '/tde-tools/tde/.tderc.yml',
      '/tde-tools/tde/examples/.tderc.yaml',
      '/tde-tools/tde/examples/.tderc.yml',
      '/tde-tools/tde/older/one.tde.yaml',
    ]);
    // Prepared again: everything is cached, nothing is asked.
    const before = requests.length;
    await files.prepareFiles(session, DOC);
    assert.equal(requests.length, before);
    // A watched-file event refetches what it names.
    const refreshed = files.refreshFiles([`${BASE}/tde-tools/tde/older/one.tde.yaml`, `${BASE}/never/read.tde.yaml`]);
    assert.ok(refreshed);
    await refreshed;
    assert.deepEqual(requests.slice(before).map((r) => r.uri), [`${BASE}/tde-tools/tde/older/one.tde.yaml`]);
  });
});
