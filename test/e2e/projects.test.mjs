// The TDE Projects view and "TDE: Start Next Iteration" in a real workbench
// (code-server in headless Chromium), on a copy of examples/: the shipped
// examples grouped by the step each project is at, iteration 2 under 1, a
// project page opened from a project's context menu, and a next iteration
// created through the command, which the view then shows. Then "TDE: New
// Project" twice with one title, and "TDE: Restart Language Server": each
// says what it did.
//
//   npm run package && TDE_E2E_VSIX=$PWD/tde.vsix bash scripts/e2e-run.sh --require-vsix
//
// Screenshots: test-artifacts/e2e-projects-view.png, e2e-project-page.png,
// e2e-next-iteration.png, e2e-new-project-taken.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { useWorkbench, REPO_ROOT, SKIP } from './workbench.mjs';

const FIRST_ANSWER_MS = 90_000;
const TEST_TIMEOUT_MS = 240_000;

const wb = useWorkbench({
  name: 'projects',
  prepare: (folder) => fsp.cp(path.join(REPO_ROOT, 'examples'), folder, { recursive: true }),
});

/** Rows of the TDE Projects view as the tree shows them: level, label, description. */
function projectRows() {
  return wb.page.evaluate(() => {
    const pane = [...document.querySelectorAll('.pane')].find((p) => /TDE Projects/i.test(p.querySelector('.pane-header')?.textContent ?? ''));
    if (!pane) return undefined;
    return [...pane.querySelectorAll('.monaco-list-row')]
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((row) => ({
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent.trim() ?? '',
        description: row.querySelector('.label-description')?.textContent.trim() ?? '',
        // The status icon, as its codicon's name (pass-filled, circle-large-outline, …).
        icon: /codicon-([\w-]+)/.exec(row.querySelector('.custom-view-tree-node-item-icon')?.className ?? '')?.[1] ?? '',
      }));
  });
}

async function focusProjectsView() {
  await wb.page.keyboard.press('F1');
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Focus on TDE Projects View');
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Focus on TDE Projects View' }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
}

/** Wait until the view's rows satisfy `check`, returning them. */
async function rowsWhen(check, what, timeout = 60_000) {
  let last;
  await wb.waitFor(async () => {
    last = await projectRows();
    return !!last && check(last);
  }, { message: () => `${what} (rows: ${JSON.stringify(last)})`, timeout });
  return last;
}

const RIVERTON = 'Eviction filings data for tenants and the people who help them';
const LAKESIDE = 'Free Wi-Fi where people can actually use it';

test('the TDE Projects view groups the shipped examples by step, with iteration 2 under 1', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await wb.openFile('riverton-eviction-data.tde.yaml');
  // The view appears once the server has answered for the files.
  await wb.waitFor(async () => wb.page.evaluate(() => [...document.querySelectorAll('.pane-header')].some((h) => /TDE Projects/i.test(h.textContent))),
    { message: 'the TDE Projects view to appear in the Explorer', timeout: FIRST_ANSWER_MS });
  await focusProjectsView();
  const groups = (rows) => rows.filter((r) => r.level === 1).map((r) => r.label);
  const rows = await rowsWhen((r) => groups(r).length >= 3, 'three step groups');
  await wb.shot('e2e-projects-view.png');
  assert.deepEqual(groups(rows), ['Design', 'Implement', 'All four steps done']);
  const first = rows.findIndex((r) => r.level === 2 && r.description.startsWith('iteration 1') && r.label === RIVERTON);
  assert.ok(first > 0, 'the first Riverton iteration is listed');
  const done = rows.findIndex((r) => r.label === 'All four steps done');
  assert.ok(first > done, 'under "All four steps done", where its newest iteration is');
});

test('a project\'s context menu in the view opens its project page', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await focusProjectsView();
  await rowsWhen((r) => r.some((x) => x.label === LAKESIDE), 'the Lakeside project');
  const row = wb.page.locator('.pane .monaco-list-row').filter({ has: wb.page.locator('.label-name', { hasText: LAKESIDE }) }).first();
  await row.click({ button: 'right' });
  const item = wb.page.locator('.context-view .monaco-menu .action-item', { hasText: 'Open Project Page' }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  await item.click();
  let tabs;
  await wb.waitFor(async () => {
    tabs = await wb.page.locator('.tabs-container .tab').allInnerTexts();
    return tabs.some((t) => t.includes(LAKESIDE));
  }, { message: () => `a tab with the project page of "${LAKESIDE}" (tabs: ${JSON.stringify(tabs)})`, timeout: 60_000 });
  // The page itself, in its webview: the project's title as its heading.
  await wb.waitFor(async () => !!(await wb.findFrame((f) => f.evaluate((title) => document.querySelector('h1')?.textContent.includes(title) ?? false, LAKESIDE))),
    { message: `the project page to show "${LAKESIDE}" as its heading`, timeout: 60_000 });
  await wb.page.mouse.move(700, 300);
  await wb.shot('e2e-project-page.png');
});

test('Start Next Iteration writes iteration 3 beside iteration 2, opens it, and the view moves the chain to Find', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await wb.openFile('riverton-eviction-data.tde.yaml');
  await wb.runCommand('TDE: Start Next Iteration');
  const created = path.join(wb.folder, 'riverton-eviction-data-3.tde.yaml');
  await wb.waitFor(() => fs.existsSync(created), { message: 'riverton-eviction-data-3.tde.yaml to be written' });
  const text = await fsp.readFile(created, 'utf8');
  assert.match(text, /^  iteration: 3$/m);
  assert.match(text, /^  previous: riverton-eviction-data\.tde\.yaml$/m);
  await wb.waitFor(async () => /riverton-eviction-data-3\.tde\.yaml/.test((await wb.activeTabPath()) ?? ''), { message: 'the new file to open' });
  // The chain's newest iteration is now at Find.
  await focusProjectsView();
  const rows = await rowsWhen((r) => r.some((x) => x.level === 1 && x.label === 'Find'), 'the chain to move to Find');
  assert.ok(!rows.some((r) => r.label === 'All four steps done'), 'no project is left with all steps done');
  // The chain's top row (iteration 1) shows where the project is now: iteration 3's Find, not started.
  const head = rows.find((r) => r.level === 2 && r.label === RIVERTON);
  assert.equal(head?.description.startsWith('iteration 1'), true, JSON.stringify(head));
  assert.equal(head.icon, 'circle-large-outline', 'the newest iteration\'s status, not iteration 1\'s');
  await wb.shot('e2e-next-iteration.png');
});

/** Run a command from the palette without waiting for the palette to close (the command opens its own input). */
async function startCommand(title) {
  await wb.page.keyboard.press('F1');
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
}

/** Answer the input box titled `title`. */
async function answer(title, text) {
  const box = wb.page.locator('.quick-input-widget', { has: wb.page.locator('.quick-input-title', { hasText: title }) }).first();
  await box.waitFor({ state: 'visible', timeout: 30_000 });
  await box.locator('.quick-input-box input').fill(text);
  await wb.page.keyboard.press('Enter');
}

/** Wait for a notification whose message is `text`. */
async function notification(text) {
  let shown;
  await wb.waitFor(async () => {
    shown = await wb.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
    return shown.some((m) => m.trim() === text);
  }, { message: () => `the notification "${text}" (shown: ${JSON.stringify(shown)})`, timeout: 60_000 });
}

test('New Project says which name it took when the first was taken', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  for (const round of [1, 2]) {
    await startCommand('TDE: New Project');
    await answer('New TDE Project (1/2)', 'Snow routes');
    await answer('New TDE Project (2/2)', 'City of Riverton');
    const name = round === 1 ? 'snow-routes.tde.yaml' : 'snow-routes-2.tde.yaml';
    await wb.waitFor(async () => ((await wb.activeTabPath()) ?? '').endsWith(name), { message: `${name} to open` });
  }
  assert.ok(fs.existsSync(path.join(wb.folder, 'snow-routes.tde.yaml')) && fs.existsSync(path.join(wb.folder, 'snow-routes-2.tde.yaml')));
  await notification('TDE: snow-routes.tde.yaml is already taken in this folder, so the new project is snow-routes-2.tde.yaml.');
  await wb.shot('e2e-new-project-taken.png');
});

test('Restart Language Server confirms when the server is back', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await wb.runCommand('TDE: Restart Language Server');
  await notification('TDE: the language server is running again.');
  // Back indeed: the view is filled again from the server's answers.
  await focusProjectsView();
  await rowsWhen((r) => r.some((x) => x.label === 'Snow routes'), 'the new project in the view after the restart');
});
