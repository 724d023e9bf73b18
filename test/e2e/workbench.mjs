// Real-workbench e2e harness: code-server (VS Code in the browser) driven by
// playwright-core and Debian's chromium.
//
//   import { test } from 'node:test';
//   import { useWorkbench, SKIP } from './workbench.mjs';
//   const wb = useWorkbench({ name: 'mine', prepare: (folder) => fsp.writeFile(path.join(folder, 'a.tde.yaml'), text) });
//   test('shows a problem', { skip: SKIP }, async () => {
//     await wb.openFile('a.tde.yaml');
//     const rows = await wb.problems({ until: (rows) => rows.length > 0 });
//   });
//
// Outside node:test (smoke.mjs), startWorkbench(options) and wb.close() do the same by hand.
//
// Prerequisite: `bash scripts/e2e-setup.sh` (installs chromium + code-server into
// ${TDE_E2E_CACHE:-~/.cache/tde-e2e} and writes code-server.path there).
//
// Environment knobs:
//   TDE_E2E_CACHE        cache folder used by scripts/e2e-setup.sh
//   TDE_E2E_CODE_SERVER  explicit path to the code-server executable (wins over the cache)
//   TDE_CHROMIUM         chromium executable (default /usr/bin/chromium; TDE_E2E_CHROMIUM too)
//   TDE_E2E_ARTIFACTS    where failure screenshots go (default <repo>/test-artifacts)
//   TDE_E2E_KEEP=1       keep the temp folder (user data, logs) after close()
//   TDE_E2E_DEBUG=1      echo code-server output and harness steps to stderr
//   TDE_E2E_TIMEOUT_MS   default timeout of every wait (default 30000)

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, afterEach, before, beforeEach } from 'node:test';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
require('../register.cjs'); // lets require() load the TypeScript test helpers
const { chromiumMissing, launchChromium } = require('../helpers/chromium.ts');
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DEFAULT_TIMEOUT_MS = Number(process.env.TDE_E2E_TIMEOUT_MS) || 30_000;
/** Where the tests' screenshots go. */
export const ARTIFACTS = path.resolve(process.env.TDE_E2E_ARTIFACTS || path.join(REPO_ROOT, 'test-artifacts'));

/** The newest .vsix in the repository, the extension the tests install unless TDE_E2E_VSIX names one. */
function newestVsix() {
  const found = fs.readdirSync(REPO_ROOT).filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(REPO_ROOT, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return found[0];
}
export const VSIX = process.env.TDE_E2E_VSIX || newestVsix();
/** Why the workbench tests cannot run here, or false. */
export const SKIP = VSIX ? false : 'no .vsix to test: build one with `npm run package` or set TDE_E2E_VSIX';
const DEBUG = process.env.TDE_E2E_DEBUG === '1';

/** Settings every run gets; `startWorkbench({settings})` is merged over them. */
export const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.editor.untitled.hint': 'hidden',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'npm.autoDetect': 'off',
  'typescript.tsc.autoDetect': 'off',
  'task.autoDetect': 'off',
};

// ----------------------------------------------------------------- utilities

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const debug = (...a) => { if (DEBUG) console.error('[workbench]', ...a); };
const slug = (s) => String(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'wait';

/** Locate the code-server executable written by scripts/e2e-setup.sh. */
export function findCodeServer() {
  if (process.env.TDE_E2E_CODE_SERVER) return process.env.TDE_E2E_CODE_SERVER;
  const cache = process.env.TDE_E2E_CACHE || path.join(os.homedir(), '.cache', 'tde-e2e');
  const pathFile = path.join(cache, 'code-server.path');
  let p;
  try {
    p = fs.readFileSync(pathFile, 'utf8').trim();
  } catch {
    throw new Error(`code-server not set up: ${pathFile} is missing. Run: bash scripts/e2e-setup.sh`);
  }
  if (!fs.existsSync(p)) throw new Error(`code-server path ${p} (from ${pathFile}) does not exist. Run: bash scripts/e2e-setup.sh`);
  return p;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Environment for code-server: isolated from the user's config and from any VS Code it may run under. */
function childEnv(tmp) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_|CODE_SERVER_|PASSWORD$|HASHED_PASSWORD$|npm_)/.test(k)) continue;
    env[k] = v;
  }
  env.XDG_CONFIG_HOME = path.join(tmp, 'xdg-config');
  env.XDG_DATA_HOME = path.join(tmp, 'xdg-data');
  env.XDG_CACHE_HOME = path.join(tmp, 'xdg-cache');
  // code-server puts its IPC sockets (vscode-ipc-*.sock) in TMPDIR and leaves them behind;
  // keep them in our temp folder unless that would overflow the 107-byte socket path limit.
  const ownTmp = path.join(tmp, 'tmp');
  if (ownTmp.length < 50) env.TMPDIR = ownTmp;
  // An extensions gallery without serviceUrl disables the marketplace: no lookups of
  // open-vsx.org (unreachable here anyway) and no recommendation/update noise.
  env.EXTENSIONS_GALLERY = '{}';
  return env;
}

// Whatever is still alive when node exits (normally, by an uncaught error, or by a signal)
// gets killed: code-server runs in its own process group since it forks (extension host,
// file watcher), and its temp folders are removed. Chromium is playwright's to kill.
const liveGroups = new Set();
const liveTmpDirs = new Set();
function emergencyCleanup() {
  for (const pid of liveGroups) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  }
  liveGroups.clear();
  for (const dir of liveTmpDirs) {
    try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 }); } catch { /* best effort */ }
  }
  liveTmpDirs.clear();
}
process.on('exit', emergencyCleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    console.error(`[workbench] ${sig}: killing code-server and chromium`);
    process.exit(128 + (os.constants.signals[sig] || 1)); // runs emergencyCleanup via 'exit'
  });
}

/** Remove `dir` when the process exits, unless unregistered first (for callers' temp folders). */
export function removeOnExit(dir) {
  liveTmpDirs.add(dir);
  return () => liveTmpDirs.delete(dir);
}

async function killGroup(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    liveGroups.delete(child?.pid);
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  const t = await Promise.race([exited.then(() => 'exit'), sleep(graceMs).then(() => 'timeout')]);
  // Always sweep the group: code-server's own children (extension host, file watcher) may linger.
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  if (t === 'timeout') await Promise.race([exited, sleep(2000)]);
  liveGroups.delete(child.pid);
}

// ----------------------------------------------------------------- startWorkbench

/**
 * Start code-server + chromium on `folder` and wait until the workbench is usable.
 *
 * @param {object} opts
 * @param {string} opts.folder       folder to open (absolute or relative to cwd)
 * @param {string} [opts.vsix]       .vsix to install into the fresh extensions dir
 * @param {object} [opts.settings]   user settings merged over BASE_SETTINGS
 * @param {number} [opts.timeout]    default wait timeout (ms)
 * @param {{width:number,height:number}} [opts.viewport]
 * @param {string} [opts.artifactsDir]  where failure screenshots go
 * @param {string} [opts.codeServer] code-server executable (default: from e2e-setup's cache)
 * @param {string} [opts.locale]     VS Code's display language (code-server's --locale), e.g. 'es'
 */
export async function startWorkbench(opts = {}) {
  const t0 = Date.now();
  const timings = {};
  const mark = (name) => { timings[name] = Date.now() - t0; debug(`${name} at ${timings[name]}ms`); };

  if (!opts.folder) throw new Error('startWorkbench: `folder` is required');
  const folder = path.resolve(opts.folder);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`startWorkbench: folder ${folder} is not a directory`);
  const vsix = opts.vsix ? path.resolve(opts.vsix) : undefined;
  if (vsix && !fs.existsSync(vsix)) throw new Error(`startWorkbench: vsix ${vsix} does not exist (build it first)`);
  const defaultTimeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  const artifactsDir = path.resolve(opts.artifactsDir || process.env.TDE_E2E_ARTIFACTS || path.join(REPO_ROOT, 'test-artifacts'));
  const codeServer = opts.codeServer || findCodeServer();
  const missing = chromiumMissing();
  if (missing) throw new Error(`${missing}. Run: bash scripts/e2e-setup.sh`);

  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'tde-e2e-'));
  liveTmpDirs.add(tmp);
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const logFile = path.join(tmp, 'code-server.log');
  await fsp.mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await fsp.mkdir(extensionsDir, { recursive: true });
  await fsp.mkdir(path.join(tmp, 'tmp'), { recursive: true });
  const settings = { ...BASE_SETTINGS, ...(opts.settings || {}) };
  await fsp.writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const env = childEnv(tmp);

  let server; // ChildProcess
  let browser;
  let page;
  let closed = false;
  let logStream;

  const state = { tmp, userDataDir, extensionsDir, logFile, folder, timings };

  async function close({ keep = process.env.TDE_E2E_KEEP === '1' } = {}) {
    if (closed) return;
    closed = true;
    const tc = Date.now();
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
    await killGroup(server);
    logStream?.end();
    if (keep) console.error(`[workbench] kept ${tmp} (code-server log: ${logFile})`);
    else await fsp.rm(tmp, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    liveTmpDirs.delete(tmp);
    timings.close = Date.now() - tc;
  }

  const logTail = (n = 30) => {
    try { return fs.readFileSync(logFile, 'utf8').split('\n').slice(-n).join('\n'); } catch { return '(no log)'; }
  };

  try {
    // 1. install the extension (before the server starts, so the first window has it)
    let installedExtensions = [];
    if (vsix) {
      const r = spawnSync(codeServer, ['--install-extension', vsix, '--force', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], { env, encoding: 'utf8', timeout: 120_000 });
      const out = `${r.stdout || ''}${r.stderr || ''}`;
      if (r.status !== 0 || !/successfully installed/i.test(out)) {
        throw new Error(`installing ${vsix} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${out}`);
      }
      const l = spawnSync(codeServer, ['--list-extensions', '--show-versions', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], { env, encoding: 'utf8', timeout: 60_000 });
      installedExtensions = (l.stdout || '').split('\n').map((s) => s.trim()).filter((s) => /^[\w.-]+\.[\w.-]+@/.test(s));
      mark('installExtension');
    }
    state.installedExtensions = installedExtensions;

    // 2. start code-server on a free loopback port (retry if someone grabbed the port)
    logStream = fs.createWriteStream(logFile, { flags: 'a' });
    let port;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      server = spawn(codeServer, [
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
        ...(opts.locale ? ['--locale', opts.locale] : []),
        folder,
      ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      liveGroups.add(server.pid);
      const onData = (d) => { logStream.write(d); if (DEBUG) process.stderr.write(`[code-server] ${d}`); };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.on('error', (e) => logStream.write(`spawn error: ${e.message}\n`));
      const thisServer = server;
      server.on('exit', (code, sig) => {
        if (thisServer === server && !closed) state.serverExit = `code-server exited unexpectedly (${sig || `exit ${code}`})`;
      });
      const ready = await waitForHttp(`http://127.0.0.1:${port}/healthz`, server, 60_000);
      if (ready === 'ok') { state.serverExit = undefined; break; }
      await killGroup(server);
      if (attempt >= 3 || !/EADDRINUSE/.test(logTail(50))) {
        throw new Error(`code-server did not start (${ready}). Last log lines (${logFile}):\n${logTail()}`);
      }
    }
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
    state.url = url;
    state.port = port;
    mark('serverReady');

    // 3. chromium
    browser = await launchChromium({
      headless: process.env.TDE_E2E_HEADED !== '1',
      env: { ...process.env, TMPDIR: path.join(tmp, 'tmp') }, // chromium's org.chromium.* scratch dirs
    });
    const context = await browser.newContext({ viewport: opts.viewport || { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(defaultTimeout);
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    state.consoleErrors = consoleErrors;
    mark('browserLaunched');

    const wb = makeHelpers({ page, state, defaultTimeout, artifactsDir, close, logTail });

    // 4. open the folder and wait for the workbench to be usable
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await wb.waitFor(() => page.locator('.monaco-workbench').first().isVisible(), { message: 'the workbench (.monaco-workbench) to appear', timeout: 60_000 });
    await wb.waitForExplorer();
    mark('workbenchReady');
    return wb;
  } catch (err) {
    // Leave a screenshot behind if we got as far as the browser, then kill everything.
    if (page && !err.screenshot) {
      const shot = path.join(artifactsDir, 'e2e-failures', `${Date.now()}-startWorkbench.png`);
      await fsp.mkdir(path.dirname(shot), { recursive: true }).catch(() => {});
      if (await page.screenshot({ path: shot }).then(() => true, () => false)) err.message += `\n  screenshot: ${shot}`;
    }
    if (!/code-server log/.test(err.message)) err.message += `\n  code-server log tail:\n${logTail(15).replace(/^/gm, '    ')}`;
    await close();
    throw err;
  }
}

/** Poll an HTTP URL until it answers 200, the child dies, or time runs out. */
async function waitForHttp(url, child, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) return `exited with ${child.exitCode ?? child.signalCode}`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return 'ok';
    } catch { /* not yet */ }
    await sleep(150);
  }
  return `no answer from ${url} within ${timeoutMs}ms`;
}

// ----------------------------------------------------------------- helpers

function makeHelpers({ page, state, defaultTimeout, artifactsDir, close, logTail }) {
  async function screenshot(file) {
    const p = path.resolve(file);
    await fsp.mkdir(path.dirname(p), { recursive: true });
    await page.screenshot({ path: p });
    return p;
  }

  /**
   * Poll `fn` (sync or async, runs in node) until it returns a truthy value; return that value.
   * On timeout, take a screenshot and throw an error naming what we waited for
   * (`message` may be a function, evaluated at timeout to describe the last state).
   */
  async function waitFor(fn, { timeout = defaultTimeout, interval = 100, message = 'condition' } = {}) {
    const end = Date.now() + timeout;
    let lastErr;
    let lastValue;
    for (;;) {
      try {
        lastValue = await fn();
        if (lastValue) return lastValue;
      } catch (e) {
        lastErr = e;
      }
      if (Date.now() >= end) break;
      await sleep(interval);
    }
    if (typeof message === 'function') message = await Promise.resolve().then(message).catch((e) => `(message failed: ${e.message})`);
    const saved = await saveFailure(message);
    const err = new Error(
      `Timed out after ${timeout}ms waiting for ${message}` +
      (lastValue !== undefined && typeof lastValue !== 'boolean' ? `\n  last value: ${JSON.stringify(lastValue)}` : '') +
      (lastErr ? `\n  last error: ${lastErr.message.split('\n')[0]}` : '') +
      saved.note +
      (state.serverExit ? `\n  ${state.serverExit}` : '') +
      `\n  code-server log: ${saved.log}`,
    );
    err.screenshot = saved.screenshot;
    throw err;
  }

  /**
   * Keep what the workbench shows now, and its code-server log, in
   * e2e-failures/ (the temp folder and its log go away on close()). Returns
   * their paths and a line for an error message; never throws.
   */
  async function saveFailure(what) {
    state.failuresKept = (state.failuresKept ?? 0) + 1;
    const shot = path.join(artifactsDir, 'e2e-failures', `${Date.now()}-${slug(what)}.png`);
    let note;
    try {
      await screenshot(shot);
      note = `\n  screenshot: ${shot}`;
    } catch (e) {
      note = `\n  (screenshot failed: ${e.message})`;
    }
    const logCopy = shot.replace(/\.png$/, '.code-server.log');
    const log = await fsp.copyFile(state.logFile, logCopy).then(() => logCopy, () => state.logFile);
    return { screenshot: shot, log, note };
  }

  /** Like waitFor, but quiet: resolves to the truthy value, or undefined on timeout (no screenshot, no throw). For retry loops. */
  async function poll(fn, timeout, interval = 100) {
    const end = Date.now() + timeout;
    for (;;) {
      try {
        const v = await fn();
        if (v) return v;
      } catch { /* not yet */ }
      if (Date.now() >= end) return undefined;
      await sleep(interval);
    }
  }

  const visible = (selector) => page.locator(selector).first().isVisible();
  const title = () => page.title();

  async function waitForExplorer() {
    // The explorer view is open by default; make sure it shows the folder's contents (or its empty state).
    await waitFor(async () => {
      if (await visible('.explorer-folders-view .monaco-list-row')) return true;
      // An empty folder shows no rows: accept the explorer pane itself once its tree exists.
      return page.evaluate(() => {
        const tree = document.querySelector('.explorer-folders-view .monaco-list');
        return !!tree && tree.getBoundingClientRect().height > 0 && !document.querySelector('.explorer-folders-view .monaco-progress-container.active');
      });
    }, { message: 'the explorer to show the opened folder', timeout: 60_000 });
  }

  async function quickInputVisible() {
    return visible('.quick-input-widget');
  }

  async function waitQuickInputClosed(what) {
    await waitFor(async () => !(await quickInputVisible()), { message: `the quick input to close after ${what}` });
  }

  /** Escape any open quick input / hover / suggest so a keyboard shortcut lands on the workbench. */
  async function dismissOverlays() {
    for (let i = 0; i < 3 && (await quickInputVisible()); i++) await page.keyboard.press('Escape');
  }

  /** File name shown by the active editor group's active tab (e.g. "hello.yaml"), or undefined. */
  async function activeTab() {
    return page.evaluate(() => {
      const tab = document.querySelector('.editor-group-container.active .tabs-container .tab.active') ||
        document.querySelector('.tabs-container .tab.active');
      if (!tab) return undefined;
      return tab.getAttribute('data-resource-name') || tab.getAttribute('aria-label') || tab.innerText.trim();
    });
  }

  /** Full path of the active editor's file (from the tab's label), or undefined. */
  async function activeTabPath() {
    return page.evaluate(() => {
      const tab = document.querySelector('.editor-group-container.active .tabs-container .tab.active') ||
        document.querySelector('.tabs-container .tab.active');
      // aria-label is "<full path>" plus e.g. " • 2 problems in this file".
      const label = tab?.querySelector('.monaco-icon-label[aria-label]')?.getAttribute('aria-label');
      return label ? label.split(' • ')[0] : undefined;
    });
  }

  /** Rows of the open quick input list: [{index, name, description}] in display order. */
  async function quickInputRows() {
    return page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')]
      .map((r) => ({
        index: Number(r.getAttribute('data-index')),
        name: (r.querySelector('.label-name')?.textContent || '').replace(/\s+/g, ' ').trim(),
        description: (r.querySelector('.label-description')?.textContent || '').trim(),
      }))
      .sort((a, b) => a.index - b.index));
  }

  /**
   * Open a workspace file through quick open (Ctrl+P) and wait until the window title
   * and the active tab name it. `relPath` is relative to the opened folder.
   */
  async function openFile(relPath, { timeout = defaultTimeout } = {}) {
    const rel = relPath.split(path.sep).join('/');
    const base = path.posix.basename(rel);
    const dir = path.posix.dirname(rel);
    await dismissOverlays();
    await page.keyboard.press('Control+P');
    await waitFor(quickInputVisible, { message: 'quick open (Ctrl+P) to show', timeout });
    await page.locator('.quick-input-widget .quick-input-box input').fill(rel);
    // Wait for the row naming this file (same name in another folder doesn't count), then pick it.
    let rows = [];
    const row = await waitFor(async () => {
      rows = await quickInputRows();
      // Root files have an empty description (a folder name in multi-root workspaces).
      const named = rows.filter((r) => r.name === base);
      return dir === '.'
        ? named.find((r) => r.description === '')
        : named.find((r) => r.description === dir || r.description.endsWith(`/${dir}`) || r.description.endsWith(` ${dir}`));
    }, { message: () => `quick open to list ${rel} (rows: ${JSON.stringify(rows.slice(0, 5))})`, timeout });
    await page.locator(`.quick-input-widget .quick-input-list .monaco-list-row[data-index="${row.index}"]`).click();
    const wanted = path.posix.join(state.folder.split(path.sep).join('/'), rel);
    await waitFor(async () => {
      if (!(await title()).includes(base) || (await activeTab()) !== base) return false;
      const full = await activeTabPath();
      return full === undefined || full === wanted || full.endsWith(`/${rel}`);
    }, { message: async () => `the window title and active tab to name ${rel} (title: "${await title().catch(() => '?')}", active tab: "${await activeTabPath().catch(() => '?')}")`, timeout });
    await waitFor(() => visible('.editor-group-container.active .monaco-editor .view-lines'), { message: `an editor for ${base}`, timeout });
  }

  /** Run a command by its palette title (F1). Picks the row whose label equals `commandTitle`. */
  async function runCommand(commandTitle, { timeout = defaultTimeout } = {}) {
    await dismissOverlays();
    await page.keyboard.press('F1');
    await waitFor(quickInputVisible, { message: 'the command palette (F1) to show', timeout });
    await page.locator('.quick-input-widget .quick-input-box input').fill(`>${commandTitle}`);
    let rows = [];
    const row = await waitFor(async () => {
      rows = await quickInputRows();
      return rows.find((r) => r.name === commandTitle);
    }, { message: () => `the command palette to list "${commandTitle}" (rows: ${JSON.stringify(rows.slice(0, 10).map((r) => r.name))})`, timeout });
    await page.locator(`.quick-input-widget .quick-input-list .monaco-list-row[data-index="${row.index}"]`).click();
    await waitQuickInputClosed(`running "${commandTitle}"`);
  }

  /**
   * Open the Problems panel and return its rows' text (file rows and marker rows, in display order).
   * `until(rows)` – keep polling until it returns true (e.g. rows => rows.some(r => r.includes('TDE001'))).
   * `detailed: true` returns {text, ariaLabel, severity} objects instead of strings.
   */
  async function problems({ until, detailed = false, timeout = defaultTimeout } = {}) {
    if (!(await visible('.markers-panel'))) {
      await dismissOverlays();
      await page.keyboard.press('Control+Shift+M');
      await waitFor(() => visible('.markers-panel'), { message: 'the Problems panel (Ctrl+Shift+M) to open', timeout });
    }
    const read = () => page.evaluate(() => {
      const panel = document.querySelector('.markers-panel');
      if (!panel) return null;
      const rows = [...panel.querySelectorAll('.monaco-list-row')]
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((r) => {
          const icon = r.querySelector('.marker-icon');
          const cls = icon ? icon.className : '';
          const severity = /error/.test(cls) ? 'error' : /warning/.test(cls) ? 'warning' : /info/.test(cls) ? 'info' : undefined;
          // Join the row's text nodes with spaces ("a.yaml sub 2", not "a.yamlsub 2").
          const parts = [];
          const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const t = n.textContent.trim();
            if (t && n.parentElement?.offsetParent !== null) parts.push(t);
          }
          return { text: parts.join(' ').replace(/\s+/g, ' '), ariaLabel: r.getAttribute('aria-label') || '', severity };
        });
      const message = panel.querySelector('.message-box-container');
      const empty = rows.length === 0 && !!message && message.offsetParent !== null;
      return { rows, empty };
    });
    const result = await waitFor(async () => {
      const r = await read();
      if (!r) return false;
      if (!until) return (r.rows.length > 0 || r.empty) ? r : false;
      return until(detailed ? r.rows : r.rows.map((x) => x.text)) ? r : false;
    }, { message: until ? `the Problems panel to satisfy ${until.toString().slice(0, 120)}` : 'the Problems panel to render', timeout });
    return detailed ? result.rows : result.rows.map((x) => x.text);
  }

  /** Visible text of the active editor (only rendered lines; Monaco virtualises long files). */
  async function editorText() {
    return page.evaluate(() => {
      const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
      if (!lines) return undefined;
      return [...lines.querySelectorAll('.view-line')]
        .map((l) => ({ top: parseFloat(l.style.top) || 0, text: l.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text)
        .join('\n');
    });
  }

  /** Put the keyboard focus into the active editor (clicking its text area). */
  async function focusEditor() {
    const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await lines.click();
    await waitFor(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')),
      { message: 'the editor to take keyboard focus' });
  }

  /**
   * The cursor as the status bar shows it ("Ln 74, Col 7" or "Ln 74, Col 28 (21 selected)"):
   * {line, column, selected, text}, or undefined when no editor is active.
   */
  async function cursor() {
    const text = await page.evaluate(() => document.querySelector('[id="status.editor.selection"]')?.textContent?.trim() || '');
    const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
    return m ? { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] || 0), text } : undefined;
  }

  /**
   * Move the cursor of the active editor with Go to Line (Ctrl+G, "line:column") and wait until
   * the status bar shows it there. Focuses the active editor first (the Go to Line picker needs one).
   */
  async function goToLine(line, column = 1, { timeout = defaultTimeout } = {}) {
    const want = `Ln ${line}, Col ${column}`;
    await waitFor(async () => {
      await dismissOverlays();
      await page.keyboard.press('Control+G');
      if (!(await poll(quickInputVisible, 5000))) return false;
      // Go to Line is quick access with the prefix ":" (the input opens as ":"); without it, it is quick open.
      await page.locator('.quick-input-widget .quick-input-box input').fill(`:${line}:${column}`);
      // The picker describes the target as you type ("Go to line 74 and character 7."); Enter before it has read the input goes nowhere.
      if (!(await poll(async () => (await page.locator('.quick-input-widget').first().innerText()).toLowerCase().includes(`line ${line}`), 5000))) return false;
      await page.keyboard.press('Enter');
      await poll(async () => !(await quickInputVisible()), 5000);
      return poll(async () => (await cursor())?.text === want, 5000);
    }, { message: async () => `Go to Line to put the cursor at ${want} (status bar: "${(await cursor())?.text}")`, timeout, interval: 0 });
  }

  /**
   * The rendered lines of the active editor with their line numbers: [{line, text}] in order.
   * Only what Monaco has rendered (it virtualises: scroll the line into view first, e.g. goToLine).
   */
  async function editorLines() {
    return page.evaluate(() => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      if (!editor) return undefined;
      const numbers = new Map();
      for (const n of editor.querySelectorAll('.margin-view-overlays > div')) {
        const text = n.querySelector('.line-numbers')?.textContent?.trim();
        if (text && /^\d+$/.test(text)) numbers.set(Math.round(parseFloat(n.style.top) || 0), Number(text));
      }
      return [...editor.querySelectorAll('.view-lines .view-line')]
        .map((l) => ({ top: Math.round(parseFloat(l.style.top) || 0), text: l.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => ({ line: numbers.get(l.top), text: l.text }));
    });
  }

  /** Text of line `n` of the active editor if it is rendered, else undefined. */
  async function editorLine(n) {
    return (await editorLines())?.find((l) => l.line === n)?.text;
  }

  /**
   * Click into the text editor that shows `fileName` (e.g. when a webview beside it is the
   * active editor group) and wait until it has keyboard focus.
   */
  async function focusEditorOf(fileName, { timeout = defaultTimeout } = {}) {
    const group = page.locator('.editor-group-container').filter({
      has: page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`),
    }).first();
    await group.locator('.monaco-editor .view-lines').first().click({ timeout });
    await waitFor(() => page.evaluate(() => !!document.activeElement?.closest('.editor-group-container.active .monaco-editor')),
      { message: `the editor of ${fileName} to take keyboard focus`, timeout });
    await waitFor(async () => (await activeTab()) === fileName, { message: `the active tab to be ${fileName}`, timeout });
  }

  /** Is the panel (Problems, Output, …) maximized? Read from its Maximize/Restore Panel button. */
  async function panelMaximized() {
    return page.evaluate(() => !!document.querySelector('.part.panel .action-label.codicon-panel-maximize.checked'));
  }

  /**
   * Maximize the panel (or restore it with `on = false`) with its title bar button, so that all the rows of a
   * long Problems list are rendered (the list is virtual: rows out of view are not in the DOM). Opens the
   * Problems panel first if no panel is shown.
   */
  async function maximizePanel(on = true, { timeout = defaultTimeout } = {}) {
    if (!(await visible('.part.panel'))) {
      if (!on) return;
      await problems({ timeout });
    }
    if ((await panelMaximized()) === on) return;
    await page.locator('.part.panel .action-label.codicon-panel-maximize').first().click();
    await waitFor(async () => (await panelMaximized()) === on, { message: `the panel to be ${on ? 'maximized' : 'restored'}`, timeout });
  }

  /**
   * The first frame (webviews live two iframes deep) for which `predicate(frame)` resolves truthy,
   * or undefined. Frames come and go as webviews load, so errors count as "not this one".
   */
  async function findFrame(predicate) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      try {
        if (await predicate(frame)) return frame;
      } catch { /* detached or navigating */ }
    }
    return undefined;
  }

  return {
    page,
    url: state.url,
    folder: state.folder,
    tmpDir: state.tmp,
    userDataDir: state.userDataDir,
    extensionsDir: state.extensionsDir,
    logFile: state.logFile,
    installedExtensions: state.installedExtensions,
    consoleErrors: state.consoleErrors,
    timings: state.timings,
    logTail,
    waitFor,
    saveFailure,
    /** How many times saveFailure has kept the workbench's state. */
    failuresKept: () => state.failuresKept ?? 0,
    waitForExplorer,
    title,
    activeTab,
    activeTabPath,
    openFile,
    runCommand,
    problems,
    editorText,
    editorLines,
    editorLine,
    focusEditor,
    focusEditorOf,
    maximizePanel,
    panelMaximized,
    cursor,
    goToLine,
    findFrame,
    screenshot,
    close,
  };
}

/**
 * The one start-up of a node:test file's workbench. Registers the file's hooks:
 * before the first test, a workspace (a temp folder that `prepare(folder)`
 * fills) opened in code-server with the .vsix under test and `options` (those
 * of startWorkbench: settings, locale, …); after a test that failed, a
 * screenshot and the code-server log in e2e-failures/ (unless a wait that
 * timed out in it has already kept them); after the last test, everything
 * closed and removed. Without a .vsix (SKIP) it starts nothing.
 *
 * Returns the workbench, filled in when the `before` hook has run: its
 * helpers, `page`, `folder` (the workspace), and `shot(name)`, which saves a
 * screenshot as test-artifacts/<name> and says so in the test's output.
 *
 * @param {object} [opts]
 * @param {string} [opts.name]       names the workspace's temp folder (tde-e2e-<name>-…)
 * @param {(folder: string) => Promise<void>} [opts.prepare]  writes the files the tests open
 * @param {(wb: object) => void | Promise<void>} [opts.onStart]  checks the workbench once it is up, in the same hook
 *   (a second top-level `before` would not wait for this one: node:test runs each as it is declared)
 */
export function useWorkbench({ name = 'ws', prepare, onStart, ...options } = {}) {
  const session = {};
  let started;
  let workspace;
  let keptBefore = 0;

  before(async () => {
    if (SKIP) return;
    workspace = await fsp.mkdtemp(path.join(os.tmpdir(), `tde-e2e-${name}-`));
    removeOnExit(workspace);
    await prepare?.(workspace);
    started = await startWorkbench({ folder: workspace, vsix: VSIX, ...options });
    Object.assign(session, started, {
      async shot(file) {
        const saved = await started.screenshot(path.join(ARTIFACTS, file));
        console.log(`# screenshot: ${path.relative(REPO_ROOT, saved)}`);
      },
    });
    await onStart?.(session);
  }, { timeout: 180_000 });

  beforeEach(() => { keptBefore = started?.failuresKept() ?? 0; });

  afterEach(async (t) => {
    if (!started || t.passed || started.failuresKept() > keptBefore) return;
    const saved = await started.saveFailure(t.name);
    console.log(`# "${t.name}" failed: ${saved.note.trim()}; code-server log: ${saved.log}`);
  });

  after(async () => {
    await started?.close();
    if (workspace) await fsp.rm(workspace, { recursive: true, force: true });
  });

  return session;
}
