// How the web build's server reaches files (server/src/lsp/workspaceFiles.browser.ts),
// with a scripted client: URIs of any file system become `/` paths and back,
// and before a check the look-ups it will make are answered from what the
// client sent, in a few batched rounds.
import * as assert from 'node:assert/strict';
import { loadConfigFor } from '../../server/src/engine';
import { dirname, join, resolve } from '../../server/src/engine/paths.browser';
import { createWorkspaceFiles } from '../../server/src/lsp/workspaceFiles.browser';
import type { ReadFileParams, ReadFileResult } from '../../server/src/shared/protocol';

// A pull request on github.dev: the ref is in the authority.
const BASE = 'vscode-vfs://github%2B7b22726566223a7b2274797065223a342c226964223a22313233227d7d';
const DOC = `${BASE}/tde-tools/tde/examples/my%20project.tde.yaml`;

function fakeSession(workspace: Record<string, string>, options: { workspaceFiles?: boolean; open?: Record<string, string>; refused?: Record<string, string> } = {}) {
  const requests: ReadFileParams[] = [];
  const warnings: string[] = [];
  const session = {
    support: { workspaceFiles: options.workspaceFiles ?? true },
    workspaceFolders: [{ uri: `${BASE}/tde-tools/tde`, name: 'tde' }],
    documents: { get: (uri: string) => (options.open?.[uri] === undefined ? undefined : { getText: () => options.open![uri]! }) },
    connection: {
      sendRequest: async (_method: string, params: ReadFileParams): Promise<ReadFileResult> => {
        requests.push(params);
        const refused = options.refused?.[params.uri];
        if (refused !== undefined) return params.text ? { type: 'file', unreadable: refused } : { type: 'file' };
        const text = workspace[params.uri];
        return text === undefined ? { type: 'missing' } : params.text ? { type: 'file', text } : { type: 'file' };
      },
    },
    error: (message: string) => assert.fail(message),
    warn: (message: string) => warnings.push(message),
  };
  return { requests, warnings, files: createWorkspaceFiles(session) };
}

describe('web build: files read through the client', () => {
  it('maps a URI of any file system to a path and back, keeping the authority as written', () => {
    const { files } = fakeSession({});
    const file = files.pathOf(DOC)!;
    assert.equal(file.split('/').slice(2).join('/'), 'tde-tools/tde/examples/my project.tde.yaml');
    assert.equal(files.reference(file), DOC);
    assert.equal(files.reference(join(dirname(file), '.tderc.yaml')), `${BASE}/tde-tools/tde/examples/.tderc.yaml`);
    assert.equal(files.reference(resolve(dirname(file), '../../earlier.tde.yaml')), `${BASE}/tde-tools/earlier.tde.yaml`);
    assert.equal(files.pathOf('untitled:Untitled-1'), undefined);
    assert.equal(files.pathOf(`${DOC}?ref=main`), undefined);
  });

  it('gives documents no path when the client cannot read files', () => {
    const { files } = fakeSession({}, { workspaceFiles: false });
    assert.equal(files.pathOf(DOC), undefined);
    assert.equal(files.prepare(DOC), undefined);
  });

  it('fetches what the .tderc.yaml search and the rules that follow `previous` look up, then answers from the cache', async () => {
    const previous = 'tde: 1\nproject:\n  title: t\n  place: p\n  iteration: 2\n  previous: ../older/one.tde.yaml\n';
    const { requests, files } = fakeSession(
      { [`${BASE}/tde-tools/tde/.tderc.yaml`]: 'rules:\n  no-steward: off\n', [`${BASE}/tde-tools/tde/older/one.tde.yaml`]: 'tde: 1\n' },
      { open: { [DOC]: previous } },
    );
    await files.prepare(DOC);
    const file = files.pathOf(DOC)!;
    assert.deepEqual(loadConfigFor(file, files.host).rules, { 'no-steward': 'off' });
    assert.equal(files.host.fileExists(resolve(dirname(file), '../older/one.tde.yaml')), true);
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
      '/tde-tools/tde/older/one.tde.yaml (text)',
    ]);
    // Prepared again: everything is cached, nothing is asked.
    const before = requests.length;
    await files.prepare(DOC);
    assert.equal(requests.length, before);
    // A watched-file event refetches what it names.
    const refreshed = files.refresh([`${BASE}/tde-tools/tde/older/one.tde.yaml`, `${BASE}/never/read.tde.yaml`]);
    assert.ok(refreshed);
    await refreshed;
    assert.deepEqual(requests.slice(before).map((r) => r.uri), [`${BASE}/tde-tools/tde/older/one.tde.yaml`]);
  });

  it('takes the client\'s word that a file cannot be read: an issue for the check, the reason in the log, no second fetch', async () => {
    // A folder no other test has looked in (what was read is cached for the module).
    const doc = `${BASE}/elsewhere/project.tde.yaml`;
    const rc = `${BASE}/elsewhere/.tderc.yaml`;
    const { requests, warnings, files } = fakeSession({}, { open: { [doc]: 'tde: 1\n' }, refused: { [rc]: 'the file is not valid UTF-8 (first bad byte at offset 12)' } });
    await files.prepare(doc);
    const config = loadConfigFor(files.pathOf(doc)!, files.host);
    assert.equal(config.file, files.pathOf(rc));
    assert.deepEqual(config.issues.map((issue) => issue.message), [`Cannot read ${files.pathOf(rc)}.`]);
    assert.deepEqual(warnings, [`not reading ${rc}: the file is not valid UTF-8 (first bad byte at offset 12)`]);
    const before = requests.length;
    await files.prepare(doc);
    assert.equal(requests.length, before, 'a refused file is not asked for again until it changes');
  });

  it('asks for no `previous` outside the workspace folder: another repository, another scheme, a climb', async () => {
    for (const previous of ['../../vscode-vfs%3A%2F%2Fgithub/other-org/x.tde.yaml', '../../../other-org/x.tde.yaml', 'https://evil.example/x.tde.yaml', '/etc/passwd']) {
      const { requests, files } = fakeSession({}, { open: { [DOC]: `tde: 1\nproject:\n  title: t\n  place: p\n  previous: "${previous}"\n` } });
      await files.prepare(DOC);
      const asked = requests.map((r) => r.uri).filter((uri) => !/\.tderc\.ya?ml$/.test(uri));
      assert.deepEqual(asked, [], previous);
    }
  });
});
