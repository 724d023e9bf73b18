// A minimal LSP client over stdio for the benchmark: spawn a server, send
// requests and notifications, await the diagnostics of a given version.
// It answers what our server asks (configuration, registrations) at once,
// as an editor would, and never sleeps: every wait is on a message.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export class LspProcess {
  constructor(command, args, env = {}) {
    this.startedAt = performance.now();
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', resolve));
  }

  get pid() {
    return this.child.pid;
  }

  /** Peak resident set size of the process so far, in MB (Linux). */
  peakRssMb() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body), performance.now());
    }
  }

  dispatch(message, at) {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve({ result: message.result, at });
      return;
    }
    if (message.id !== undefined) {
      // A request from the server: answer as an editor with default settings does.
      const result = message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null;
      this.write({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.test(message)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve({ params: message.params, at });
      }
    }
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  request(method, params) {
    const id = this.nextId++;
    const sentAt = performance.now();
    const answer = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.write({ jsonrpc: '2.0', id, method, params });
    return answer.then((value) => ({ ...value, sentAt }));
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
    return performance.now();
  }

  /** The next `textDocument/publishDiagnostics` for this document at this version. */
  diagnostics(uri, version) {
    return new Promise((resolve) =>
      this.waiters.push({
        test: (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version,
        resolve,
      }),
    );
  }

  async initialize(initializationOptions) {
    const { at } = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } },
      initializationOptions,
    });
    this.notify('initialized', {});
    return at - this.startedAt;
  }

  async shutdown() {
    await this.request('shutdown', null);
    this.notify('exit', null);
    await this.exited;
  }
}
