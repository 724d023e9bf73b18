#!/usr/bin/env node
// Runs test/vscode/suite in a real VS Code with this extension loaded
// (@vscode/test-electron), on a temporary copy of examples/.
//
//   npm run build && node test/vscode/runTest.mjs
//
// VS Code comes from, in order: $VSCODE_EXECUTABLE; a copy already downloaded
// into .vscode-test/; `code` on PATH; else a download (short timeout). When
// none can be had (no network), the run is SKIPPED with a loud message and
// exits 0: it is meant to run wherever VS Code can be had.
//
// Environment:
//   VSCODE_EXECUTABLE          path to a VS Code (Electron) executable to use
//   VSCODE_TEST_VERSION        version to download (default: stable; e.g. 1.91.0 for the minimum)
//   VSCODE_TEST_TIMEOUT_MS     network timeout of the download (default 20000)
//   TDE_VSCODE_TEST_GREP       only run tests whose title matches
//   TDE_VSCODE_TEST_REQUIRE=1  fail instead of skipping when VS Code cannot be had (for CI with network)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = path.join(ROOT, '.vscode-test');
const OUT = path.join(ROOT, 'out', 'vscode-test');
const SUITE = path.join(ROOT, 'test', 'vscode', 'suite');

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const rule = '#'.repeat(width);
  console.log(['', rule, ...lines.map((l) => `# ${l.padEnd(width - 4)} #`), rule, ''].join('\n'));
}

function wrap(text, width = 72) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function skip(reason) {
  const lines = [
    'SKIPPED: @vscode/test-electron needs a VS Code download, unavailable here',
    ...wrap(`(${reason}).`),
    'Run `npm run test:vscode` on a machine with network access,',
    'or set VSCODE_EXECUTABLE to a VS Code executable.',
  ];
  if (process.env.TDE_VSCODE_TEST_REQUIRE === '1') {
    banner(['FAILED: TDE_VSCODE_TEST_REQUIRE=1 but VS Code cannot be had', ...wrap(`(${reason}).`)]);
    process.exit(1);
  }
  banner(lines);
  process.exit(0);
}

function fail(message) {
  console.error(`test:vscode: ${message}`);
  process.exit(1);
}

/** The Electron executable behind a `code` launcher script found on PATH. */
function electronBehindCodeOnPath() {
  const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { encoding: 'utf8' });
  const launcher = which.status === 0 ? which.stdout.split(/\r?\n/)[0]?.trim() : '';
  if (!launcher) return undefined;
  let real;
  try {
    real = fs.realpathSync(launcher);
  } catch {
    return undefined;
  }
  const bin = path.dirname(real); // <install>/bin (Linux, Windows) or …/Contents/Resources/app/bin (macOS)
  const candidates =
    process.platform === 'win32'
      ? [path.join(bin, '..', 'Code.exe')]
      : process.platform === 'darwin'
        ? [path.join(bin, '..', '..', '..', 'MacOS', 'Electron'), path.join(bin, '..', '..', '..', 'MacOS', 'Code')]
        : [path.join(bin, '..', 'code')];
  // Remote CLIs (code-server, VS Code Server) have no Electron next to them.
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

async function locateVSCode() {
  const explicit = process.env.VSCODE_EXECUTABLE;
  if (explicit) {
    if (!fs.existsSync(explicit)) fail(`VSCODE_EXECUTABLE=${explicit} does not exist.`);
    return { executable: explicit, from: 'VSCODE_EXECUTABLE' };
  }
  const version = process.env.VSCODE_TEST_VERSION || 'stable';
  const timeout = Number(process.env.VSCODE_TEST_TIMEOUT_MS) || 20_000;
  const cached = fs.existsSync(CACHE) && fs.readdirSync(CACHE).some((d) => d.startsWith('vscode-'));
  const onPath = electronBehindCodeOnPath();
  if (onPath && !cached && !process.env.VSCODE_TEST_VERSION) return { executable: onPath, from: '`code` on PATH' };
  try {
    // Reuses a copy in .vscode-test/ (offline too: it falls back to the newest cached one).
    const executable = await downloadAndUnzipVSCode({ version, cachePath: CACHE, timeout });
    return { executable, from: cached ? '.vscode-test/' : `download of VS Code ${version}` };
  } catch (error) {
    if (onPath) return { executable: onPath, from: '`code` on PATH' };
    const message = error instanceof Error ? error.message : String(error);
    skip(`no VSCODE_EXECUTABLE, nothing in .vscode-test/, no \`code\` on PATH, and the download failed: ${message.split('\n')[0]}`);
  }
}

async function buildSuite() {
  fs.rmSync(OUT, { recursive: true, force: true });
  const entryPoints = fs
    .readdirSync(SUITE)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(SUITE, f));
  await esbuild.build({
    entryPoints,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

function needsDisplay() {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

async function main() {
  await buildSuite();
  const vscodeExecutable = await locateVSCode();
  for (const bundle of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, bundle))) fail(`${bundle} is missing: run \`npm run build\` first.`);
  }
  if (needsDisplay()) {
    const xvfb = spawnSync('which', ['xvfb-run'], { encoding: 'utf8' });
    if (xvfb.status === 0 && !process.env.TDE_UNDER_XVFB) {
      console.log('test:vscode: no display; running under xvfb-run.');
      const child = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], {
        stdio: 'inherit',
        env: { ...process.env, TDE_UNDER_XVFB: '1', VSCODE_EXECUTABLE: vscodeExecutable.executable },
      });
      process.exit(child.status ?? 1);
    }
    if (!process.env.TDE_UNDER_XVFB) skip('VS Code needs a display: DISPLAY is unset and xvfb-run is not installed');
  }
  console.log(`test:vscode: using VS Code from ${vscodeExecutable.from}: ${vscodeExecutable.executable}`);

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-vscode-test-'));
  const workspace = path.join(temp, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: vscodeExecutable.executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'index.js'),
      extensionTestsEnv: { TDE_VSCODE_TEST_GREP: process.env.TDE_VSCODE_TEST_GREP ?? '' },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        `--user-data-dir=${path.join(temp, 'user-data')}`,
      ],
    });
  } catch (error) {
    fail(`the VS Code tests failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

await main();
