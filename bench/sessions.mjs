// Whole processes: a language server over stdio (ours or the floor's), a
// command run to its end (our CLI or the floor's), and `tde site`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { editableLine } from './corpus.mjs';
import { LspProcess } from './lsp.mjs';
import { stats } from './measure.mjs';

/**
 * Open a document (cold: the server's first), then time one-character edits
 * inside a step (each to its diagnostics), bursts of five edits sent back to
 * back (the last edit to its diagnostics), and the document closed and opened
 * again (warm). With the server's default settings, as an editor starts it.
 * `problems(params)` counts what a diagnostics message holds. `floor()`, run
 * between edits, times the in-process floor alongside.
 */
export async function measureServer(options) {
  const server = new LspProcess(options.command, options.args, options.env);
  try {
    return await session(server, options);
  } finally {
    if (server.child.exitCode === null) server.child.kill();
  }
}

async function session(server, { command, args, file, text, expected, edits, bursts, reopens, problems, floor }) {
  const initializeMs = await server.initialize({});
  const uri = pathToFileURL(file).href;
  let version = 1;
  const check = (params) => {
    const found = problems(params);
    if (found === expected) return;
    // Say what it published instead (a check over its budget publishes one diagnostic that says so).
    const first = params.diagnostics?.[0]?.message;
    throw new Error(`${found} problems at version ${params.version}, expected ${expected}${first ? ` (the first: "${first}")` : ''}\n${server.stderr}`);
  };
  const opened = server.diagnostics(uri, version);
  const openSent = server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'tde-yaml', version, text } });
  const open = await opened;
  check(open.params);
  const openMs = open.at - openSent;

  const { line, character } = editableLine(text);
  let typed = false;
  // Type a character, or take it back: every change is one character, and the text keeps its size.
  const change = () => {
    const end = { line, character: character + (typed ? 1 : 0) };
    const contentChanges = [{ range: { start: { line, character }, end }, text: typed ? '' : 'x' }];
    typed = !typed;
    version++;
    return server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  };

  const editSamples = [];
  const floorSamples = [];
  for (let i = 0; i < edits; i++) {
    const published = server.diagnostics(uri, version + 1);
    const sent = change();
    const result = await published;
    check(result.params);
    editSamples.push(result.at - sent);
    floorSamples.push(floor());
  }
  const burstSamples = [];
  for (let i = 0; i < bursts; i++) {
    const last = version + 5;
    const published = server.diagnostics(uri, last);
    let sent = 0;
    for (let k = 0; k < 5; k++) sent = change();
    const result = await published;
    check(result.params);
    burstSamples.push(result.at - sent);
    floorSamples.push(floor());
    // Back to the text without the character before the next burst.
    if (typed) {
      const settle = server.diagnostics(uri, version + 1);
      change();
      await settle;
    }
  }
  const peakRssMb = server.peakRssMb();
  // Warm: the same file closed and opened again, as its text is on disk.
  const warmSamples = [];
  for (let i = 0; i < reopens; i++) {
    server.notify('textDocument/didClose', { textDocument: { uri } });
    const reopened = server.diagnostics(uri, 1);
    const sent = server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'tde-yaml', version: 1, text } });
    const result = await reopened;
    check(result.params);
    warmSamples.push(result.at - sent);
  }
  await server.shutdown();
  return { initializeMs, openMs, warmOpen: stats(warmSamples), edit: stats(editSamples), burst: stats(burstSamples), floor: stats(floorSamples), peakRssMb };
}

/**
 * Run commands to their end, `runs` times each, taking turns: their wall
 * times, and the problem lines each printed the last time.
 */
export function measureCommands(commands, runs, env = {}) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  const last = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, [command, args]] of Object.entries(commands)) {
      const start = performance.now();
      const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
      samples[name].push(performance.now() - start);
      if (result.error) throw result.error;
      last[name] = result;
    }
  }
  return Object.fromEntries(
    Object.entries(last).map(([name, result]) => [
      name,
      { ...stats(samples[name]), lines: result.stdout.split('\n').filter((l) => /:\d+:\d+: /.test(l)).length, stderr: result.stderr, status: result.status },
    ]),
  );
}

/**
 * `tde site FOLDER` into a fresh folder under `outRoot`, `runs` times: its wall
 * times, and how many project pages each language got the last time.
 */
export function measureSite(cli, folder, outRoot, runs) {
  const samples = [];
  let pages = {};
  for (let i = 0; i < runs; i++) {
    const out = path.join(outRoot, `site-${i}`);
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, 'site', folder, '--out', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    samples.push(performance.now() - start);
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`tde site exited ${result.status}:\n${result.stderr}`);
    pages = Object.fromEntries(['en', 'es'].map((language) => {
      const projects = path.join(out, language, 'projects');
      return [language, existsSync(projects) ? readdirSync(projects).length : 0];
    }));
    rmSync(out, { recursive: true, force: true });
  }
  return { ...stats(samples), pages };
}

/**
 * The floor's and the engine's checks of every file once, each in a fresh
 * process (bench/batchPass.mjs), taking turns `runs` times: what the batch's
 * checks cost without the commands around them (medians, ms).
 */
export function batchPass(engineBundle, files, expected, runs) {
  const samples = { floor: [], engine: [] };
  for (let i = 0; i < runs; i++) {
    for (const which of ['floor', 'engine']) {
      const result = spawnSync(process.execPath, [fileURLToPath(new URL('./batchPass.mjs', import.meta.url)), which, engineBundle, ...files], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`one pass of the ${which} over the batch failed:\n${result.stderr}`);
      const { ms, problems } = JSON.parse(result.stdout);
      if (problems !== expected) throw new Error(`one pass of the ${which} over the batch found ${problems} problems, expected ${expected}`);
      samples[which].push(ms);
    }
  }
  return { floor: stats(samples.floor), engine: stats(samples.engine) };
}
