// The web build validates a file in a browser: dist/web/server.js in a
// Worker of headless Chromium, driven with LSP messages, gives the problems
// the Node engine gives for the same text (rule, range, message, severity),
// and the same hover, completion and preview as the Node server
// (dist/server.js over stdio, driven with the same messages). With a client
// that reads files (`tde/readFile`, as the VS Code web client does through
// vscode.workspace.fs), `.tderc.yaml` and `missing-previous` work as on
// Node; without one, the check uses the defaults and skips
// `missing-previous`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Diagnostic, DocumentDiagnosticReport, Hover } from 'vscode-languageserver/node';
import { check, type RuleSeverities } from '../../server/src/engine';
import type { ConfigurationIssues, DocumentInfo } from '../../server/src/shared/protocol';
import { LspClient, editorCapabilities, fixtureUri, positionOf, readFixture } from '../helpers/lspClient';
import { usePage, WorkerClient } from './browser';

const CREATED = 1;
const CHANGED = 2;

/** What a reviewer sees of a problem: rule, range, message, severity. */
interface Seen {
  code: unknown;
  range: Diagnostic['range'];
  message: Diagnostic['message'];
  severity: Diagnostic['severity'];
}

const seen = (d: Diagnostic): Seen => ({ code: d.code, range: d.range, message: d.message, severity: d.severity });
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** The Node engine's problems for a text, as diagnostics show them. */
function engineProblems(text: string, severities: RuleSeverities = {}): Seen[] {
  const result = check(text, { severities });
  const { lines } = result.document;
  return result.problems.map((p) => ({
    code: p.rule,
    range: { start: lines.positionAt(p.offset), end: lines.positionAt(p.offset + p.length) },
    message: p.message,
    severity: SEVERITY[p.severity],
  }));
}

/** A diagnostic with its per-check `data` left out and its document's URI replaced, to compare two servers. */
function comparable(diagnostics: Diagnostic[], uri: string): unknown {
  return JSON.parse(JSON.stringify(diagnostics.map(({ data: _data, ...rest }) => rest)).split(JSON.stringify(uri).slice(1, -1)).join('<doc>'));
}

describe('web build: the language server in a browser Worker', function () {
  this.timeout(60_000);
  const clients: (WorkerClient | LspClient)[] = [];
  const page = usePage(async () => {
    const failures: string[] = [];
    for (const client of clients.splice(0)) {
      failures.push(...client.loggedErrors());
      if (client instanceof WorkerClient) failures.push(...client.workerErrors);
      await client.stop();
    }
    return failures;
  });

  async function startWorker(options: Parameters<typeof WorkerClient.start>[1]): Promise<WorkerClient> {
    const client = await WorkerClient.start(page(), options);
    clients.push(client);
    return client;
  }

  async function startNode(options: Parameters<typeof LspClient.start>[0]): Promise<LspClient> {
    const client = await LspClient.start(options);
    clients.push(client);
    return client;
  }

  describe('as a client that cannot read files sees it', () => {
    const root = 'vscode-vfs://github/tde-tools/sample';
    const uri = `${root}/slips.tde.yaml`;
    const nodeUri = fixtureUri('slips.tde.yaml');
    const text = readFixture('slips.tde.yaml');
    let web: WorkerClient;
    let node: LspClient;

    before(async () => {
      [web, node] = await Promise.all([
        startWorker({ rootUri: root, capabilities: editorCapabilities() }),
        startNode({ capabilities: editorCapabilities() }),
      ]);
      await Promise.all([web.open(uri, text), node.open(nodeUri, text)]);
    });

    it('starts and says who it is', () => {
      assert.equal(web.initializeResult.serverInfo?.name, 'tde-language-server');
      assert.deepEqual(web.initializeResult, node.initializeResult);
    });

    it('publishes the problems the Node engine finds in the same text: rule, range, message, severity', async () => {
      const published = await web.diagnostics(uri, 1);
      const expected = engineProblems(text);
      assert.ok(expected.some((p) => p.code === 'unknown-tactic') && expected.some((p) => p.code === 'unknown-use-case'), 'the file has problems');
      assert.deepEqual(published.diagnostics.map(seen), expected);
      assert.ok(published.diagnostics.every((d) => d.source === 'tde' && d.codeDescription?.href.endsWith(`/${d.code}.md`)));
    });

    it('publishes exactly what the Node server publishes', async () => {
      const [fromWeb, fromNode] = await Promise.all([web.diagnostics(uri, 1), node.diagnostics(nodeUri, 1)]);
      assert.deepEqual(comparable(fromWeb.diagnostics, uri), comparable(fromNode.diagnostics, nodeUri));
    });

    it('answers hover as the Node server does', async () => {
      for (const [needle, into] of [['crowdsource-data-quality', 2], ['status: done', 9], ['steward:', 1], ['design:', 1], ['join-public-meetings', 3]] as const) {
        const position = positionOf(text, needle, into);
        const [fromWeb, fromNode] = await Promise.all([
          web.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }),
          node.request<Hover | null>('textDocument/hover', { textDocument: { uri: nodeUri }, position }),
        ]);
        assert.ok(fromWeb, `a hover on ${needle}`);
        assert.deepEqual(fromWeb, fromNode, needle);
      }
    });

    it('answers completion as the Node server does', async () => {
      for (const [needle, into] of [['role: community-group', 'role: '.length], ['status: in-progress', 'status: '.length], ['    - join-public-meetings', '    - '.length]] as const) {
        const position = positionOf(text, needle, into);
        const [fromWeb, fromNode] = await Promise.all([
          web.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position }),
          node.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: nodeUri }, position }),
        ]);
        assert.ok(fromWeb && fromWeb.items.length > 0, `completion at ${needle}`);
        assert.deepEqual(fromWeb, fromNode, needle);
      }
      const roles = await web.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'role: government', 'role: '.length) });
      assert.ok(roles.items.some((item) => item.label === 'resident'), 'role values are offered');
    });

    it('feeds the pitch preview as the Node server does', async () => {
      const [fromWeb, fromNode] = await Promise.all([
        web.request<DocumentInfo>('tde/documentInfo', { uri }),
        node.request<DocumentInfo>('tde/documentInfo', { uri: nodeUri }),
      ]);
      assert.equal(fromWeb.title, 'Vacant lots on the South Side');
      assert.deepEqual({ ...fromWeb, uri: '<doc>' }, { ...fromNode, uri: '<doc>' });
    });

    it('checks with the default severities and skips missing-previous, asking for no file', async () => {
      const other = `${root}/with-previous.tde.yaml`;
      const project = 'tde: 1\nproject:\n  title: t\n  place: p\n  previous: gone.tde.yaml\n';
      await web.open(other, project);
      const published = await web.diagnostics(other, 1);
      assert.deepEqual(published.diagnostics.map(seen), engineProblems(project));
      assert.ok(!published.diagnostics.some((d) => d.code === 'missing-previous'));
      assert.deepEqual(web.readFileRequests, []);
    });
  });

  describe('as VS Code for the Web sees it: pull diagnostics, files read through the client', () => {
    const root = 'vscode-vfs://github/tde-tools/sample';
    const PROJECT = (previous: string) =>
      `tde: 1\nproject:\n  title: t\n  place: p\n  iteration: 2\n  previous: ${previous}\nfind:\n  status: in-progress\n  collaborators:\n    - name: A\n      role: resident\n  tactics:\n    - interview-stakholders\n`;
    /** The same workspace on disk (for the Node server) and in the Worker's client (for `tde/readFile`). */
    const layout: Record<string, string> = {
      '.tderc.yaml': 'rules:\n  unknown-tactic: warning\n',
      'a/.tderc.yaml': 'rules:\n  narrow-collaborators: off\n',
      'a/earlier.tde.yaml': 'tde: 1\nproject:\n  title: The first iteration\n  place: p\n',
      'a/one.tde.yaml': PROJECT('earlier.tde.yaml'),
      'a/two.tde.yaml': PROJECT('../gone.tde.yaml'),
      'b/.tderc.yaml': 'rules:\n  no-such-rule: off\n',
      'b/three.tde.yaml': PROJECT('../a/earlier.tde.yaml'),
    };
    const files = new Map<string, string>([[`${root}/a`, 'directory'], [`${root}/b`, 'directory']]);
    for (const [name, text] of Object.entries(layout)) files.set(`${root}/${name}`, text);
    let disk: string;
    let web: WorkerClient;
    let node: LspClient;
    const pull = editorCapabilities({ pull: true });
    const webUri = (name: string) => `${root}/${name}`;
    const nodeUri = (name: string) => pathToFileURL(path.join(disk, name)).href;
    const pulled = async (client: WorkerClient | LspClient, uri: string) =>
      (await client.request<DocumentDiagnosticReport & { items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;

    before(async () => {
      disk = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-web-'));
      for (const [name, text] of Object.entries(layout)) {
        fs.mkdirSync(path.dirname(path.join(disk, name)), { recursive: true });
        fs.writeFileSync(path.join(disk, name), text);
      }
      const initializationOptions = { handlesConfigurationIssues: true, workspaceFiles: true };
      [web, node] = await Promise.all([
        startWorker({ rootUri: root, capabilities: pull, initializationOptions, files }),
        startNode({ rootDir: disk, capabilities: pull, initializationOptions }),
      ]);
      for (const name of ['a/one.tde.yaml', 'a/two.tde.yaml', 'b/three.tde.yaml']) {
        await web.open(webUri(name), layout[name]!);
        await node.open(nodeUri(name), layout[name]!);
      }
    });

    after(() => fs.rmSync(disk, { recursive: true, force: true }));

    it('offers pull diagnostics to a client that pulls', () => {
      assert.deepEqual(web.initializeResult.capabilities.diagnosticProvider, { identifier: 'tde', interFileDependencies: true, workspaceDiagnostics: false });
    });

    it('applies the nearest .tderc.yaml, read through the client, as the Node server does', async () => {
      const one = await pulled(web, webUri('a/one.tde.yaml'));
      assert.deepEqual(one.map(seen), engineProblems(layout['a/one.tde.yaml']!, { 'narrow-collaborators': 'off' }));
      const three = await pulled(web, webUri('b/three.tde.yaml'));
      assert.deepEqual(three.map((d) => `${d.code}:${d.severity}`), ['narrow-collaborators:3', 'unknown-tactic:1'], "b's .tderc.yaml has no valid rule: the defaults apply");
      for (const name of ['a/one.tde.yaml', 'b/three.tde.yaml']) {
        assert.deepEqual(comparable(await pulled(web, webUri(name)), webUri(name)), comparable(await pulled(node, nodeUri(name)), nodeUri(name)), name);
      }
      const asked = web.readFileRequests.map((r) => `${r.uri}${r.text ? ' (text)' : ''}`);
      assert.ok(asked.includes(`${root}/a/.tderc.yaml (text)`), asked.join('\n'));
      // One round of look-ups asks for every candidate up to the file system's root at once; the nearest file applies.
      assert.ok(asked.every((uri) => uri.startsWith('vscode-vfs://github/')), asked.join('\n'));
    });

    it('reports missing-previous as the Node server does, looking through the client', async () => {
      const two = await pulled(web, webUri('a/two.tde.yaml'));
      assert.deepEqual(two.filter((d) => d.code === 'missing-previous').map(seen), [
        {
          code: 'missing-previous',
          range: { start: positionOf(layout['a/two.tde.yaml']!, '../gone.tde.yaml'), end: positionOf(layout['a/two.tde.yaml']!, '../gone.tde.yaml', '../gone.tde.yaml'.length) },
          message: '"../gone.tde.yaml" does not exist (looked for ../gone.tde.yaml next to this file). "previous" names the earlier iteration\'s file, relative to this file\'s folder.',
          severity: 1,
        },
      ]);
      assert.deepEqual(comparable(two, webUri('a/two.tde.yaml')), comparable(await pulled(node, nodeUri('a/two.tde.yaml')), nodeUri('a/two.tde.yaml')));
      assert.ok(!(await pulled(web, webUri('a/one.tde.yaml'))).some((d) => d.code === 'missing-previous'), 'earlier.tde.yaml exists');
      assert.ok(web.readFileRequests.some((r) => r.uri === `${root}/gone.tde.yaml`));
    });

    it('reports a broken .tderc.yaml by its URI', async () => {
      const issues = await web.waitFor<ConfigurationIssues>('tde/configurationIssues', (p) => p.issues.length > 0);
      assert.equal(issues.file, `${root}/b/.tderc.yaml`);
      const fromNode = await node.waitFor<ConfigurationIssues>('tde/configurationIssues', (p) => p.issues.length > 0);
      assert.deepEqual(issues.issues, fromNode.issues);
    });

    it('previews a closed file, read through the client', async () => {
      const info = await web.request<DocumentInfo>('tde/documentInfo', { uri: webUri('a/earlier.tde.yaml') });
      assert.equal(info.title, 'The first iteration');
      assert.equal(info.version, 0);
      const fromNode = await node.request<DocumentInfo>('tde/documentInfo', { uri: nodeUri('a/earlier.tde.yaml') });
      assert.deepEqual({ ...info, uri: '<doc>' }, { ...fromNode, uri: '<doc>' });
    });

    it('rereads files that changed (watched-file events) and asks the client to pull again', async () => {
      files.set(`${root}/a/.tderc.yaml`, 'rules:\n  narrow-collaborators: error\n');
      files.set(`${root}/gone.tde.yaml`, layout['a/earlier.tde.yaml']!);
      const mark = web.mark();
      await web.notify('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: `${root}/a/.tderc.yaml`, type: CHANGED },
          { uri: `${root}/gone.tde.yaml`, type: CREATED },
        ],
      });
      await web.waitFor('workspace/diagnostic/refresh', () => true, mark);
      const two = await pulled(web, webUri('a/two.tde.yaml'));
      assert.deepEqual(two.map(seen), engineProblems(layout['a/two.tde.yaml']!, { 'narrow-collaborators': 'error' }));
      assert.deepEqual(two.map((d) => `${d.code}:${d.severity}`), ['narrow-collaborators:1', 'unknown-tactic:1']);
    });
  });
});
