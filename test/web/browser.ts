// Runs the web extension's language server (dist/web/server.js) as VS Code
// for the Web does: in a Worker of a page, in headless Chromium (Debian's
// `chromium`, driven with playwright-core), served by a tiny static HTTP
// server on 127.0.0.1. WorkerClient speaks LSP to it over postMessage the
// way an editor does, answers its requests (settings, `tde/readFile` from an
// in-memory workspace) and records what it sends, so tests await events,
// never timers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type ClientCapabilities,
  type DataCallback,
  type Disposable,
  type InitializeResult,
  type Message,
  type MessageConnection,
} from 'vscode-languageserver/node';
import type { ReadFileParams, ReadFileResult, TdeInitializationOptions } from '../../server/src/shared/protocol';
import { buildOnce, ROOT } from '../helpers/build';
import { chromiumMissing, launchChromium } from '../helpers/chromium';
import { skipBecause } from '../helpers/skip';
import { ReceivedLog } from '../helpers/receivedLog';

export const WEB_DIST = path.join(ROOT, 'dist', 'web');

/** Serves the page and dist/web on 127.0.0.1 (a random port). */
async function startStaticServer(): Promise<{ url: string; close(): Promise<void> }> {
  const files: Record<string, [string, string]> = {
    '/server.js': [path.join(WEB_DIST, 'server.js'), 'text/javascript'],
    '/server.js.map': [path.join(WEB_DIST, 'server.js.map'), 'application/json'],
    '/client.js': [path.join(WEB_DIST, 'client.js'), 'text/javascript'],
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><meta charset="utf-8"><title>tde web server</title>');
      return;
    }
    const file = files[url.pathname];
    if (!file || !fs.existsSync(file[0])) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file[1] });
    fs.createReadStream(file[0]).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface BrowserPage {
  browser: Browser;
  page: Page;
  /** Errors of the page itself (the Workers' are reported to their client). */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Chromium with one page at `url`; messages of every Worker started in it are routed to its WorkerClient. */
async function openPage(url: string): Promise<BrowserPage> {
  const browser = await launchChromium();
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.exposeBinding('__tdeFromWorker', (_source, id: number, message: Message) => WorkerClient.byId.get(id)?.deliver(message));
  await page.exposeBinding('__tdeWorkerError', (_source, id: number, error: string) => WorkerClient.byId.get(id)?.failed(error));
  await page.goto(url);
  return { browser, page, pageErrors, close: () => browser.close() };
}

/**
 * Mocha hooks for the enclosing `describe`: the web bundles built, served,
 * and open in a page of headless Chromium (the suite is skipped, saying why,
 * where there is no Chromium). In `after`, `beforeClose` runs first (to stop
 * the suite's clients) and returns what failed; that and the page's own
 * errors fail the suite. Returns the page.
 */
export function usePage(beforeClose: () => Promise<string[]> = async () => []): () => Page {
  let site: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  let browserPage: BrowserPage | undefined;
  before(async function () {
    this.timeout(120_000);
    buildOnce();
    const missing = chromiumMissing();
    if (missing) skipBecause(this, `${missing}: the web extension is not tested in a browser in this run`);
    site = await startStaticServer();
    browserPage = await openPage(site.url);
  });
  after(async () => {
    const failures = browserPage ? await beforeClose() : [];
    failures.push(...(browserPage?.pageErrors ?? []));
    await browserPage?.close();
    await site?.close();
    assert.deepEqual(failures, [], 'no handler failed, nothing threw in the page or the Worker');
  });
  return () => {
    if (!browserPage) throw new Error('the page is opened in `before`: use it inside a hook or a test');
    return browserPage.page;
  };
}

class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly queued: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.queued.splice(0)) callback(message);
    return { dispose: () => (this.callback = undefined) };
  }

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.queued.push(message);
  }
}

class PageWriter extends AbstractMessageWriter {
  /** Messages go out one after the other, in order. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly page: Page,
    private readonly id: number,
  ) {
    super();
  }

  write(message: Message): Promise<void> {
    this.chain = this.chain.then(() =>
      this.page.evaluate(([id, m]) => (window as unknown as { __tdeWorkers: Record<number, Worker> }).__tdeWorkers[id]!.postMessage(m), [this.id, message] as const),
    );
    return this.chain;
  }

  end(): void {}
}

export interface WorkerStartOptions {
  capabilities: ClientCapabilities;
  initializationOptions?: TdeInitializationOptions;
  rootUri: string;
  /** The `tde` settings section the editor answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  /** The workspace file system `tde/readFile` answers from: URI → text, or 'directory'. */
  files?: Map<string, string>;
}

let nextId = 1;

/** An editor talking LSP to dist/web/server.js in a Worker of the page. */
export class WorkerClient extends ReceivedLog {
  static readonly byId = new Map<number, WorkerClient>();
  readonly readFileRequests: ReadFileParams[] = [];
  readonly workerErrors: string[] = [];
  initializeResult!: InitializeResult;
  private readonly reader = new PageReader();
  private connection!: MessageConnection;

  private constructor(
    private readonly page: Page,
    readonly id: number,
    readonly files: Map<string, string>,
    public settings: Record<string, unknown>,
  ) {
    super();
  }

  static async start(page: Page, options: WorkerStartOptions): Promise<WorkerClient> {
    const client = new WorkerClient(page, nextId++, options.files ?? new Map(), options.settings ?? {});
    WorkerClient.byId.set(client.id, client);
    await page.evaluate((id) => {
      const w = window as unknown as {
        __tdeWorkers?: Record<number, Worker>;
        __tdeFromWorker(id: number, message: unknown): void;
        __tdeWorkerError(id: number, error: string): void;
      };
      w.__tdeWorkers ??= {};
      const worker = new Worker('server.js');
      worker.onmessage = (event) => w.__tdeFromWorker(id, event.data);
      worker.onerror = (event) => w.__tdeWorkerError(id, `${event.message} (${event.filename}:${event.lineno})`);
      w.__tdeWorkers[id] = worker;
    }, client.id);
    const connection = createMessageConnection(client.reader, new PageWriter(page, client.id));
    client.connection = connection;
    connection.onNotification((method, params) => client.record(method, params));
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'tde' ? client.settings : null)),
    );
    connection.onRequest('client/registerCapability', (params: unknown) => {
      client.record('client/registerCapability', params);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.record('workspace/diagnostic/refresh', {});
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('tde/readFile', (params: ReadFileParams): ReadFileResult => {
      client.readFileRequests.push(params);
      const text = client.files.get(params.uri);
      if (text === undefined) return { type: 'missing' };
      if (text === 'directory') return { type: 'directory' };
      return params.text ? { type: 'file', text } : { type: 'file' };
    });
    connection.listen();
    client.initializeResult = await client.orFail(
      connection.sendRequest('initialize', {
        processId: null,
        rootUri: options.rootUri,
        workspaceFolders: [{ uri: options.rootUri, name: 'workspace' }],
        capabilities: options.capabilities,
        initializationOptions: options.initializationOptions ?? { handlesConfigurationIssues: true },
      }),
    );
    await connection.sendNotification('initialized', {});
    return client;
  }

  deliver(message: Message): void {
    this.reader.deliver(message);
  }

  /** The Worker failed (its script did not load, or it threw): fail whatever waits. */
  failed(error: string): void {
    this.workerErrors.push(error);
    this.fail(new Error(`the Worker failed: ${error}`));
  }

  async open(uri: string, text: string, languageId = 'tde-yaml', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.orFail(this.connection.sendRequest(method, params) as Promise<R>);
  }

  async stop(): Promise<void> {
    try {
      await this.orFail(this.connection.sendRequest('shutdown'));
      await this.connection.sendNotification('exit');
    } catch {
      // the Worker may be gone already
    }
    this.connection.dispose();
    WorkerClient.byId.delete(this.id);
    await this.page
      .evaluate((id) => (window as unknown as { __tdeWorkers: Record<number, Worker> }).__tdeWorkers[id]?.terminate(), this.id)
      .catch(() => undefined);
  }
}
