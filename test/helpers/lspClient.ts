// A scripted editor for the language server tests: spawns the bundled
// `dist/server.js --stdio`, answers the server's requests the way an editor
// does, and records every notification so tests can await the one they
// expect. Waiting is always on an event, never on a timer.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type Registration,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildOnce, ROOT } from './build';
import { ReceivedLog } from './receivedLog';

export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lsp');

/** Capabilities much like VS Code's. */
export function editorCapabilities(extra: { pull?: boolean } = {}): ClientCapabilities {
  const caps: ClientCapabilities = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      completion: {
        completionItem: {
          snippetSupport: true,
          documentationFormat: ['markdown', 'plaintext'],
          insertReplaceSupport: false,
          insertTextModeSupport: { valueSet: [1, 2] },
        },
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        dataSupport: true,
      },
      rename: { prepareSupport: true },
      definition: {},
      references: {},
    },
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
    },
  };
  if (extra.pull) {
    caps.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
    caps.workspace!.diagnostics = { refreshSupport: true };
  }
  return caps;
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  rootDir?: string;
  /** The `tde` settings section the editor answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  /** The client's display language, as initialize's `locale` (none: the client says nothing). */
  locale?: string;
}

export class LspClient extends ReceivedLog {
  readonly registrations: Registration[] = [];
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  readonly stderr: string[] = [];
  settings: Record<string, unknown>;
  refreshRequests = 0;
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, TextDocument>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    options: StartOptions,
  ) {
    super();
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    buildOnce();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options);
    child.stderr.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.onNotification((method, params) => client.record(method, params));
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      client.configurationRequests.push(...params.items);
      return params.items.map((item) => (item.section === 'tde' ? client.settings : null));
    });
    connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      client.registrations.push(...params.registrations);
      client.record('client/registerCapability', params);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests++;
      client.record('workspace/diagnostic/refresh', {});
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/applyEdit', (params: unknown) => {
      client.record('workspace/applyEdit', params);
      return { applied: true };
    });
    connection.listen();
    const rootDir = options.rootDir ?? FIXTURES;
    const rootUri = pathToFileURL(rootDir).href;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(rootDir) }],
      capabilities: options.capabilities ?? editorCapabilities(),
      initializationOptions: options.initializationOptions ?? { handlesConfigurationIssues: true },
      ...(options.locale === undefined ? {} : { locale: options.locale }),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'tde-yaml', version = 1): Promise<void> {
    this.versions.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Send incremental changes; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.versions.get(uri)!;
    const version = document.version + 1;
    const updated = TextDocument.update(document, changes, version);
    this.versions.set(uri, updated);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  text(uri: string): string {
    return this.versions.get(uri)!.getText();
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the server may be gone already
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise<void>((resolve) => {
        this.process.once('exit', () => resolve());
        setImmediate(() => this.process.exitCode === null || resolve());
      });
    }
  }
}

export interface ServerOptions extends StartOptions {
  /** A document to open as soon as the server has started. */
  open?: { uri: string; text: string };
  /** Runs once the server has stopped (a temporary folder to remove, say). */
  cleanup?: () => void;
}

/**
 * Mocha hooks for the enclosing `describe`: `before` starts a server (and
 * runs `ready`), `after` stops it and fails the suite if any handler logged
 * an error. Options given as a function are read in `before`.
 */
function serverHooks(options: ServerOptions | (() => ServerOptions), ready: (client: LspClient) => Promise<void> = async () => {}): () => LspClient {
  let client: LspClient | undefined;
  let cleanup: (() => void) | undefined;
  before(async function () {
    this.timeout(120_000);
    const { open, cleanup: done, ...start } = typeof options === 'function' ? options() : options;
    cleanup = done;
    client = await LspClient.start(start);
    if (open) await client.open(open.uri, open.text);
    await ready(client);
  });
  after(async () => {
    const errors = client?.loggedErrors() ?? [];
    await client?.stop();
    cleanup?.();
    assert.deepEqual(errors, [], 'no handler failed');
  });
  return () => {
    if (!client) throw new Error('the server is started in `before`: use the client inside a hook or a test');
    return client;
  };
}

/** A server for the tests of the enclosing `describe`; returns the running client. */
export function useServer(options: ServerOptions | (() => ServerOptions) = {}): () => LspClient {
  return serverHooks(options);
}

/**
 * A server for the tests of the enclosing `describe`, with one document open
 * and its first diagnostics (version 1) already published.
 */
export function useDocument(uri: string, text: string, options: StartOptions = {}): { client: () => LspClient; diagnostics: () => Diagnostic[] } {
  let diagnostics: Diagnostic[] | undefined;
  const client = serverHooks({ ...options, open: { uri, text } }, async (started) => {
    diagnostics = (await started.diagnostics(uri, 1)).diagnostics;
  });
  return { client, diagnostics: () => diagnostics! };
}

export function fixtureUri(name: string): string {
  return pathToFileURL(path.join(FIXTURES, name)).href;
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Apply LSP edits to a text, as an editor would. */
export function applyLspEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'x', 0, text), edits);
}

/** The edits of a workspace edit for one document (`documentChanges` or `changes`). */
export function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : []));
  }
  return edit.changes?.[uri] ?? [];
}

/** Position of the `|` marker in a text, and the text without it. */
export function cursor(marked: string): { text: string; position: { line: number; character: number } } {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { text, position: { line, character: at - (before.lastIndexOf('\n') + 1) } };
}

/** Position of the first occurrence of `needle` (plus an offset into it). */
export function positionOf(text: string, needle: string, into = 0, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not found`);
  const offset = at + into;
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: offset - lineStart };
}
