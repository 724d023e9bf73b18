// Configuration and workspace over stdio: `.tderc.yaml` (reloaded on
// watched-file events), the `tde.rules` setting (per resource, and from
// didChangeConfiguration payloads), multi-root folders, and `previous`
// files appearing and vanishing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { ConfigurationIssues } from '../../server/src/shared/protocol';
import { editorCapabilities, useServer } from '../helpers/lspClient';

const PROJECT = 'tde: 1\nproject:\n  title: t\n  place: p\n  iteration: 2\n  previous: earlier.tde.yaml\nfind:\n  status: in-progress\n  collaborators:\n    - name: A\n      role: resident\n';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

describe('language server: configuration and workspace', function () {
  let root: string;
  const client = useServer(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-lsp-'));
    fs.mkdirSync(path.join(root, 'a'));
    fs.mkdirSync(path.join(root, 'b'));
    fs.writeFileSync(path.join(root, 'a', '.tderc.yaml'), 'rules:\n  narrow-collaborators: off\n');
    return { rootDir: root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
  });

  const uriOf = (...parts: string[]) => pathToFileURL(path.join(root, ...parts)).href;
  const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code}:${d.severity}`);

  /** The next diagnostics published for a document after `mark`. */
  const next = (uri: string, mark: number) => client().waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, mark);
  /**
   * After a change that rechecks every open file: the new diagnostics of both
   * (awaiting both, so that neither arrives late into the next test).
   */
  const republished = async (mark: number) => {
    const [a, b] = await Promise.all([next(uriOf('a', 'one.tde.yaml'), mark), next(uriOf('b', 'two.tde.yaml'), mark)]);
    return { a: codes(a), b: codes(b) };
  };

  it('applies the nearest .tderc.yaml, per folder', async () => {
    const inA = uriOf('a', 'one.tde.yaml');
    const inB = uriOf('b', 'two.tde.yaml');
    await client().open(inA, PROJECT);
    await client().open(inB, PROJECT);
    assert.deepEqual(codes(await client().diagnostics(inA, 1)), ['missing-previous:1']);
    assert.deepEqual(codes(await client().diagnostics(inB, 1)), ['missing-previous:1', 'narrow-collaborators:3']);
  });

  it('asks for the tde settings with the document as scope', () => {
    assert.ok(client().configurationRequests.some((r) => r.section === 'tde' && r.scopeUri === uriOf('a', 'one.tde.yaml')));
  });

  it('reloads a changed .tderc.yaml on didChangeWatchedFiles and publishes again', async () => {
    const inA = uriOf('a', 'one.tde.yaml');
    const rc = path.join(root, 'a', '.tderc.yaml');
    fs.writeFileSync(rc, 'rules:\n  narrow-collaborators: error\n  missing-previous: warning\n');
    const mark = client().mark();
    await client().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: CHANGED }] });
    assert.deepEqual((await republished(mark)).a, ['missing-previous:2', 'narrow-collaborators:1']);
    const changed = await client().waitFor<{ uris: string[] }>('tde/documentInfoChanged', () => true, mark);
    assert.deepEqual(changed.uris.sort(), [inA, uriOf('b', 'two.tde.yaml')].sort(), 'the preview is told to ask again');
  });

  it('reports a bad .tderc.yaml with tde/configurationIssues, and clears it once fixed', async () => {
    const rc = path.join(root, 'b', '.tderc.yml');
    fs.writeFileSync(rc, 'rules:\n  narrow-colaborators: off\n  step-order: loud\n');
    let mark = client().mark();
    await client().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: CREATED }] });
    const issues = await client().waitFor<ConfigurationIssues>('tde/configurationIssues', (p) => p.file === rc, mark);
    await republished(mark);
    assert.deepEqual(issues.issues.map((i) => i.line), [2, 3]);
    assert.match(issues.issues[0]!.message, /Unknown rule "narrow-colaborators"/);
    fs.writeFileSync(rc, 'rules:\n  narrow-collaborators: warning\n');
    mark = client().mark();
    await client().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: CHANGED }] });
    assert.deepEqual((await republished(mark)).b, ['missing-previous:1', 'narrow-collaborators:2']);
    const cleared = await client().waitFor<ConfigurationIssues>('tde/configurationIssues', (p) => p.file === rc, mark);
    assert.deepEqual(cleared.issues, []);
  });

  it('lets the tde.rules setting override the file, rule by rule, after didChangeConfiguration', async () => {
    client().settings = { rules: { 'narrow-collaborators': 'info', 'not-a-rule': 'off' } };
    const mark = client().mark();
    await client().notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await republished(mark)).a, ['missing-previous:2', 'narrow-collaborators:3']);
    client().settings = {};
    const reset = client().mark();
    await client().notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await republished(reset)).a, ['missing-previous:2', 'narrow-collaborators:1']);
  });

  it('checks nothing where tde.validate.enable is off', async () => {
    client().settings = { validate: { enable: false } };
    let mark = client().mark();
    await client().notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await republished(mark), { a: [], b: [] });
    client().settings = {};
    mark = client().mark();
    await client().notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await republished(mark)).a, ['missing-previous:2', 'narrow-collaborators:1']);
  });

  it('publishes a newly opened document under the settings the client answers for it, from its first diagnostics', async () => {
    // The check starts before the answer, with the client's last answer (here: missing-previous off);
    // this client answers otherwise for the new document, and only that answer's check is published.
    client().settings = { rules: { 'missing-previous': 'off' } };
    const mark = client().mark();
    await client().notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await republished(mark)).b, ['narrow-collaborators:2']);
    client().settings = {};
    const three = uriOf('b', 'three.tde.yaml');
    await client().open(three, PROJECT);
    assert.deepEqual(codes(await client().diagnostics(three, 1)), ['missing-previous:1', 'narrow-collaborators:2']);
    assert.deepEqual(client().published(three).filter((p) => p.version === 1).map(codes), [['missing-previous:1', 'narrow-collaborators:2']], 'published once, with the answer');
    await client().close(three);
    const reset = client().mark();
    await client().notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await republished(reset)).b, ['missing-previous:1', 'narrow-collaborators:2']);
  });

  it('rereads settings per document when workspace folders are added (multi-root)', async () => {
    const inA = uriOf('a', 'one.tde.yaml');
    const asked = client().configurationRequests.length;
    const mark = client().mark();
    await client().notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf('b'), name: 'b' }], removed: [] } });
    await republished(mark);
    assert.ok(client().configurationRequests.slice(asked).some((r) => r.scopeUri === inA));
  });

  it('keeps missing-previous current when the earlier file is created and deleted', async () => {
    const inB = uriOf('b', 'two.tde.yaml');
    const earlier = path.join(root, 'b', 'earlier.tde.yaml');
    fs.writeFileSync(earlier, 'tde: 1\n');
    let mark = client().mark();
    await client().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(earlier).href, type: CREATED }] });
    assert.deepEqual(codes(await next(inB, mark)), ['narrow-collaborators:2']);
    fs.rmSync(earlier);
    mark = client().mark();
    await client().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(earlier).href, type: DELETED }] });
    assert.deepEqual(codes(await next(inB, mark)), ['missing-previous:1', 'narrow-collaborators:2']);
  });

  it('keeps iteration-chain current when the earlier file changes its iteration', async () => {
    const inB = uriOf('b', 'two.tde.yaml');
    const earlier = path.join(root, 'b', 'earlier.tde.yaml');
    const event = async (type: number) => {
      const mark = client().mark();
      await client().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(earlier).href, type }] });
      return codes(await next(inB, mark));
    };
    fs.writeFileSync(earlier, 'tde: 1\nproject:\n  title: t\n  place: p\n  iteration: 1\n');
    assert.deepEqual(await event(CREATED), ['narrow-collaborators:2']);
    fs.writeFileSync(earlier, 'tde: 1\nproject:\n  title: t\n  place: p\n  iteration: 3\n');
    assert.deepEqual(await event(CHANGED), ['iteration-chain:2', 'narrow-collaborators:2']);
    fs.rmSync(earlier);
    assert.deepEqual(await event(DELETED), ['missing-previous:1', 'narrow-collaborators:2']);
  });
});

describe('language server: settings from didChangeConfiguration payloads', function () {
  let root: string;
  const client = useServer(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-lsp-'));
    const capabilities = editorCapabilities();
    capabilities.workspace = { ...capabilities.workspace, configuration: false, didChangeWatchedFiles: { dynamicRegistration: false } };
    return { rootDir: root, capabilities, initializationOptions: {}, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
  });

  it('reads tde.rules from the payload when the client has no workspace/configuration', async () => {
    const uri = pathToFileURL(path.join(root, 'p.tde.yaml')).href;
    await client().open(uri, PROJECT);
    assert.deepEqual((await client().diagnostics(uri, 1)).diagnostics.map((d) => d.code), ['missing-previous', 'narrow-collaborators']);
    const mark = client().mark();
    await client().notify('workspace/didChangeConfiguration', { settings: { tde: { rules: { 'missing-previous': 'off' } } } });
    const next = await client().waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, mark);
    assert.deepEqual(next.diagnostics.map((d) => d.code), ['narrow-collaborators']);
    assert.deepEqual(client().configurationRequests, []);
    assert.equal(client().registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), false);
  });

  it('reacts to watched-file events the client set up itself, and shows config problems as a message', async () => {
    const uri = pathToFileURL(path.join(root, 'p.tde.yaml')).href;
    const rc = path.join(root, '.tderc.yaml');
    fs.writeFileSync(rc, 'rules:\n  narrow-collaborators: off\n  bogus: on\n');
    const mark = client().mark();
    await client().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: CREATED }] });
    const next = await client().waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, mark);
    assert.deepEqual(next.diagnostics.map((d) => d.code), []);
    const message = await client().waitFor<{ type: number; message: string }>('window/showMessage', () => true, mark);
    assert.equal(message.type, 2);
    assert.match(message.message, /\.tderc\.yaml has a problem: .*Unknown rule "bogus"/);
  });
});
