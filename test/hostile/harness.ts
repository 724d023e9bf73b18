// Running the real doors under watch: the CLI as a process and the language
// server over stdio, each with no-network.cjs preloaded (through NODE_OPTIONS,
// so worker threads are guarded too), with their peak memory and every
// network attempt recorded. Shared by test/hostile/*.test.ts and
// scripts/stress.mjs.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildOnce, ROOT } from '../helpers/build';
import { LspClient, type StartOptions } from '../helpers/lspClient';

export const CLI_BIN = path.join(ROOT, 'bin', 'tde.js');
const NO_NETWORK = path.join(__dirname, 'no-network.cjs');
const PEAK_RSS = path.join(__dirname, 'peak-rss.cjs');

/**
 * Budgets every corpus file and fuzz input should stay within. `npm run
 * stress` measures them (scripts/stress.mjs; --strict fails on them); the
 * tests here do not, since a busy machine would fail them by luck.
 */
export const LIMITS = {
  /** One CLI run on one file, or one document's diagnostics from the server. */
  seconds: 10,
  /** Peak resident memory of a CLI run. */
  rssMb: 600,
  /** Peak resident memory of a server that checked one file (it holds two parses: its own for the editor features, and the worker's). */
  serverRssMb: 800,
};

/** How long a test waits for an answer before it calls it a hang: far past every budget, so a slow machine does not reach it and a hang still does. */
export const HANG_MS = 120_000;

/** A stack trace line, as Node prints an uncaught error. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

export interface NetworkRecord {
  event: 'guard' | 'blocked';
  detail: string;
  pid: number;
  thread: number;
}

/** A log file for the guard, and the NODE_OPTIONS that load it. */
export function guardEnv(extraRequires: string[] = []): { env: Record<string, string>; networkLog: string; records(): NetworkRecord[]; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-guard-'));
  const networkLog = path.join(dir, 'network.jsonl');
  const requires = [NO_NETWORK, ...extraRequires].map((file) => `--require ${JSON.stringify(file)}`).join(' ');
  const env = {
    NODE_OPTIONS: [process.env.NODE_OPTIONS, requires].filter(Boolean).join(' '),
    TDE_NETWORK_LOG: networkLog,
  };
  return {
    env,
    networkLog,
    records: () => readJsonLines(networkLog),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function readJsonLines(file: string): NetworkRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as NetworkRecord);
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory (VmHWM) in MB, when the platform reports it. */
  peakRssMb?: number;
  timedOut: boolean;
  network: NetworkRecord[];
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** `node bin/tde.js ARGS` with the guard and the peak-memory probe. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const guard = guardEnv([PEAK_RSS]);
  const rssLog = path.join(path.dirname(guard.networkLog), 'rss.log');
  const base = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'GITHUB_ACTIONS']) delete base[name];
  const env = { ...base, ...guard.env, TDE_PEAK_RSS_LOG: rssLog, ...options.env };
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? HANG_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      guard.remove();
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const rss = fs.existsSync(rssLog) ? fs.readFileSync(rssLog, 'utf8').trim().split('\n').pop() : undefined;
      const kb = rss ? Number(rss.split(' ')[1]) : undefined;
      const network = guard.records();
      guard.remove();
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms,
        peakRssMb: kb ? kb / 1024 : undefined,
        timedOut,
        network,
      });
    });
  });
}

/** Peak resident memory of a live process in MB (Linux), else undefined. */
export function peakRssOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = /VmHWM:\s*(\d+)\s*kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface GuardedServer {
  client: LspClient;
  network(): NetworkRecord[];
  peakRssMb(): number | undefined;
  stop(): Promise<void>;
}

/**
 * The language server over stdio (test/helpers/lspClient.ts), started with
 * the network guard. Its checks get HANG_MS rather than the shipped 5 s, so
 * that a busy machine cannot turn a check into "tde stopped checking this
 * file" and decide what a test sees; `shippedBudget` keeps the 5 s (stress).
 */
export async function startGuardedServer(options: StartOptions & { shippedBudget?: boolean } = {}): Promise<GuardedServer> {
  buildOnce();
  const guard = guardEnv();
  const { shippedBudget, ...start } = options;
  const env: Record<string, string> = shippedBudget ? guard.env : { ...guard.env, TDE_CHECK_TIME_LIMIT_MS: String(HANG_MS) };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  let client: LspClient;
  try {
    // No quiet period before checking: the tests wait for each version's diagnostics anyway.
    client = await LspClient.start({ initializationOptions: { handlesConfigurationIssues: true, validationDelay: 0 }, ...start });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return {
    client,
    network: () => guard.records(),
    peakRssMb: () => peakRssOf(client.process.pid),
    stop: async () => {
      await client.stop();
      guard.remove();
    },
  };
}

/** Whether a process is still running. */
export function alive(client: LspClient): boolean {
  return client.process.exitCode === null && client.process.signalCode === null;
}

/** Resolve with the promise's value, or reject after `ms` saying what timed out. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
