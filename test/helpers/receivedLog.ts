// What a test client has received from a language server, in order, and
// waiting for what it has not received yet. Shared by the stdio client
// (lspClient.ts) and the client of the web server in a browser Worker
// (test/web/browser.ts).
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface Received {
  method: string;
  params: unknown;
  seq: number;
}

interface Waiter {
  test: (r: Received) => boolean;
  resolve: (r: Received) => void;
  reject: (error: Error) => void;
}

export class ReceivedLog {
  readonly received: Received[] = [];
  private seq = 0;
  private readonly waiters: Waiter[] = [];
  private failure: Error | undefined;

  protected record(method: string, params: unknown): void {
    const received = { method, params, seq: this.seq++ };
    this.received.push(received);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(received)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(received);
      }
    }
  }

  /** The server is gone: whatever waits, and whatever will, fails with `error`. */
  protected fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  /** `promise`, unless the server fails first. */
  protected orFail<T>(promise: Promise<T>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = { test: () => false, resolve: () => {}, reject };
      this.waiters.push(waiter);
      const settle = () => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
      };
      promise.then(
        (value) => (settle(), resolve(value)),
        (error) => (settle(), reject(error)),
      );
    });
  }

  /** A mark in the stream of notifications: `waitFor(…, after)` only looks at what comes later. */
  mark(): number {
    return this.seq;
  }

  waitFor<T>(method: string, test: (params: T) => boolean = () => true, after = 0): Promise<T> {
    const matches = (r: Received) => r.method === method && r.seq >= after && test(r.params as T);
    const seen = this.received.find(matches);
    if (seen) return Promise.resolve(seen.params as T);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ test: matches, resolve: (r) => resolve(r.params as T), reject }));
  }

  /** The diagnostics published for this version of a document. */
  diagnostics(uri: string, version: number, after = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, after);
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.received.filter((r) => r.method === 'textDocument/publishDiagnostics' && (r.params as PublishDiagnosticsParams).uri === uri).map((r) => r.params as PublishDiagnosticsParams);
  }

  /** Errors the server logged (`window/logMessage` of type Error): a handler that failed. */
  loggedErrors(): string[] {
    return this.received
      .filter((r) => r.method === 'window/logMessage' && (r.params as { type: number }).type === 1)
      .map((r) => (r.params as { message: string }).message);
  }
}
