#!/usr/bin/env node
// Smoke test of the e2e harness itself (needs no extension):
// start code-server on a temp folder with hello.yaml, open it, check the title,
// type a line, screenshot to test-artifacts/e2e-smoke.png, close. Exit 0/1.
//
//   bash scripts/e2e-setup.sh && node test/e2e/smoke.mjs
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startWorkbench, removeOnExit, REPO_ROOT } from './workbench.mjs';

const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const step = (msg) => console.log(`[smoke +${since()}] ${msg}`);

function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'tde-e2e-smoke-'));
removeOnExit(folder); // also on Ctrl+C / SIGTERM
await fs.writeFile(path.join(folder, 'hello.yaml'), 'greeting: hello\n');
const shotPath = path.join(REPO_ROOT, 'test-artifacts', 'e2e-smoke.png');

let wb;
let failed = false;
try {
  step(`starting workbench on ${folder}`);
  wb = await startWorkbench({ folder, settings: { 'editor.fontSize': 16 } });
  step(`workbench ready (${JSON.stringify(wb.timings)}) at ${wb.url}`);

  await wb.openFile('hello.yaml');
  const title = await wb.title();
  step(`opened hello.yaml; title: "${title}"`);
  assert(title.includes('hello.yaml'), `window title "${title}" names hello.yaml`);
  assert((await wb.activeTab()) === 'hello.yaml', 'active tab is hello.yaml');

  await wb.focusEditor();
  await wb.page.keyboard.press('Control+End');
  const line = 'typed_by: e2e-smoke';
  await wb.page.keyboard.type(line);
  await wb.waitFor(async () => (await wb.editorText())?.includes(line), { message: `the editor to show "${line}"` });
  await wb.waitFor(() => wb.page.locator('.tabs-container .tab.active.dirty').first().isVisible(), { message: 'the tab to be marked dirty' });
  const text = await wb.editorText();
  step(`typed a line; editor now shows:\n${text.replace(/^/gm, '    ')}`);
  assert(text.includes('greeting: hello'), 'editor shows the original content');

  // The Problems panel helper must work with zero problems (no extension installed).
  const rows = await wb.problems();
  step(`problems panel rows: ${JSON.stringify(rows)}`);

  // Command palette helper: a built-in command with a stable title.
  await wb.runCommand('View: Toggle Panel Visibility');
  await wb.waitFor(async () => !(await wb.page.locator('.markers-panel').first().isVisible()), { message: 'the panel to close' });
  step('ran "View: Toggle Panel Visibility" via the command palette (panel closed)');

  await wb.screenshot(shotPath);
  step(`screenshot: ${path.relative(process.cwd(), shotPath) || shotPath}`);
} catch (err) {
  failed = true;
  console.error(`[smoke +${since()}] FAILED: ${err.stack || err}`);
  if (wb) console.error(`--- code-server log tail ---\n${wb.logTail(20)}`);
} finally {
  const tc = Date.now();
  await wb?.close();
  await fs.rm(folder, { recursive: true, force: true });
  step(`closed in ${Date.now() - tc}ms`);
}

console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
console.log(`[smoke] total ${since()}`);
process.exit(failed ? 1 : 0);
