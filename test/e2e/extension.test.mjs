// The TDE extension in a real workbench (code-server = VS Code 1.139 in headless Chromium),
// checked the way a user would: the Problems panel, a quick fix from the light bulb,
// completion of tactics, the pitch preview filling in as the YAML changes, and a click on an
// empty blank writing its field with a placeholder to type over.
//
//   npm run package && TDE_E2E_VSIX=$PWD/tde.vsix bash scripts/e2e-run.sh --require-vsix
//   node --test test/e2e/extension.test.mjs        # after scripts/e2e-setup.sh, with tde.vsix built
//
// One workbench for the whole file, on a COPY of examples/ in a temp folder (the tests edit
// files, unsaved). The tests run in order and share it; each opens the file it needs.
// Screenshots go to test-artifacts/e2e-*.png (failures: test-artifacts/e2e-failures/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { useWorkbench, REPO_ROOT, SKIP } from './workbench.mjs';

// The language server starts with the first TDE file; its first diagnostics can take a while on a busy machine.
const FIRST_DIAGNOSTICS_MS = 90_000;
const TEST_TIMEOUT_MS = 240_000;

/** The sixteen problems examples/README.md lists for typical-mistakes.tde.yaml: line, column, severity, rule. */
const TYPICAL_MISTAKES = [
  [12, 14, 'warning', 'iteration-chain'],
  [18, 1, 'error', 'schema'],
  [30, 13, 'error', 'schema'],
  [42, 13, 'error', 'schema'],
  [46, 16, 'warning', 'personal-contact'],
  [51, 11, 'error', 'unknown-criterion'],
  [66, 1, 'error', 'missing-collaborators'],
  [74, 7, 'error', 'unknown-tactic'],
  [76, 7, 'warning', 'tactic-wrong-step'],
  [92, 11, 'warning', 'thin-use-case'],
  [124, 1, 'warning', 'unreviewed-plan'],
  [138, 22, 'error', 'unknown-use-case'],
  [158, 13, 'warning', 'unknown-collaborator'],
  [160, 13, 'info', 'date-order'],
  [167, 1, 'warning', 'no-feedback-channel'],
  [186, 13, 'warning', 'intervention-mismatch'],
].map(([line, column, severity, rule]) => `${line}:${column} ${severity} ${rule}`);

// A project that has only begun: Find in progress with a focus area, so five pitch blanks are empty.
const STARTER = `tde: 1
project:
  title: Street trees for shade
  place: City of Example
find:
  status: in-progress
  collaborators:
    - name: Ward 3 block club
      role: community-group
  result:
    focus_area: Shade on the walk to school
`;

const wb = useWorkbench({
  name: 'ws',
  async prepare(folder) {
    await fsp.cp(path.join(REPO_ROOT, 'examples'), folder, { recursive: true });
    // A clean file to type into (completion), and a project that has only begun (pitch blanks).
    await fsp.copyFile(path.join(folder, 'lakeside-library-wifi.tde.yaml'), path.join(folder, 'completion.tde.yaml'));
    await fsp.writeFile(path.join(folder, 'starter.tde.yaml'), STARTER);
  },
  onStart(started) {
    assert.ok(started.installedExtensions.some((e) => e.startsWith('tde-tools.tde@')),
      `the vsix installed (installed: ${JSON.stringify(started.installedExtensions)})`);
  },
});

// ----------------------------------------------------------------- helpers

/** Problems panel rows that are problems (not file rows, not related-information rows), parsed. */
function markerRows(rows) {
  return rows.filter((r) => r.severity).map((r) => {
    const m = /^(.*) tde (\S+) \[Ln (\d+), Col (\d+)\]$/.exec(r.text);
    return m
      ? { message: m[1], rule: m[2], line: Number(m[3]), column: Number(m[4]), severity: r.severity, text: r.text, ariaLabel: r.ariaLabel }
      : { message: r.text, rule: '?', line: 0, column: 0, severity: r.severity, text: r.text, ariaLabel: r.ariaLabel };
  });
}
const summary = (markers) => markers.map((m) => `${m.line}:${m.column} ${m.severity} ${m.rule}`).sort(byPosition);
const byPosition = (a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);

/** Text of a file line as the editor should show it (1-based). */
async function fileLine(rel, n) {
  return (await fsp.readFile(path.join(wb.folder, rel), 'utf8')).split('\n')[n - 1];
}

/** Wait until line `n` of the active editor reads `text` (scrolling it into view with Go to Line if needed). */
async function waitForEditorLine(n, text, what) {
  let last;
  return wb.waitFor(async () => {
    last = await wb.editorLine(n);
    return last === text;
  }, { message: () => `${what}: line ${n} to read ${JSON.stringify(text)} (it reads ${JSON.stringify(last)})` });
}

/** Rows of the visible suggest widget: [{label, details, ariaLabel}]. */
function suggestRows() {
  return wb.page.evaluate(() => {
    const widget = document.querySelector('.editor-widget.suggest-widget.visible');
    if (!widget) return undefined;
    return [...widget.querySelectorAll('.monaco-list-row')]
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((r) => ({
        label: r.querySelector('.label-name')?.textContent?.trim() || '',
        details: r.querySelector('.details-label')?.textContent?.trim() || '',
        ariaLabel: r.getAttribute('aria-label') || '',
      }));
  });
}

/** Titles of the code action widget's actions (the light bulb menu), or undefined if it is not shown. */
function codeActionTitles() {
  return wb.page.evaluate(() => {
    const widget = document.querySelector('.action-widget');
    if (!widget || widget.offsetParent === null) return undefined;
    return [...widget.querySelectorAll('.monaco-list-row.action .title')].map((t) => t.textContent.trim());
  });
}

/** What the pitch preview webview shows, read from its frame (two iframes deep), or undefined. */
async function previewState() {
  const frame = await wb.findFrame((f) => f.evaluate(() => !!document.getElementById('pitch') && !!document.getElementById('steps')));
  if (!frame) return undefined;
  return frame.evaluate(() => {
    const $ = (id) => document.getElementById(id);
    const shown = (el) => !!el && !el.hidden && el.offsetParent !== null;
    const texts = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
    return {
      loading: $('app').classList.contains('loading'),
      contentShown: shown($('content')),
      title: $('project-title').textContent.trim(),
      meta: $('project-meta').textContent.trim(),
      pitch: $('pitch').textContent.replace(/\s+/g, ' ').trim(),
      emptyInPitch: texts('#pitch .blank.empty'),
      steps: [...document.querySelectorAll('#steps li')].map((li) => ({
        title: li.querySelector('.step-title')?.textContent.trim(),
        status: li.querySelector('.step-status')?.textContent.trim(),
        symbol: li.querySelector('.step-symbol')?.textContent.trim(),
        current: li.classList.contains('current'),
      })),
      blanks: [...document.querySelectorAll('#blanks li')].map((li) => ({
        label: li.querySelector('.blank-label')?.textContent.trim(),
        field: li.querySelector('.field')?.textContent.trim(),
      })),
      allFilledNote: shown($('blanks-none')) ? $('blanks-none').textContent.trim() : undefined,
      problems: texts('#problems li'),
      noProblemsNote: shown($('problems-none')) ? $('problems-none').textContent.trim() : undefined,
    };
  }).catch(() => undefined); // the frame went away mid-read (webview reloading): not yet
}

/** Poll the preview until `pred(state)` holds; on timeout the error shows the last state. */
async function waitForPreview(pred, what, timeout) {
  let last;
  return wb.waitFor(async () => {
    last = await previewState();
    return last && !last.loading && last.contentShown && pred(last) ? last : false;
  }, { message: () => `the pitch preview to show ${what}; it shows ${JSON.stringify(last)}`, timeout });
}

/**
 * Wait until the (maximized) Problems panel lists exactly `expected` ("line:col severity rule") under the
 * file row `fileRow`; return the detailed rows. On timeout, fail with a diff of what it lists.
 */
async function allProblems(expected, fileRow) {
  try {
    return await wb.problems({ detailed: true, until: (r) => r.some((x) => x.text === fileRow) && summary(markerRows(r)).join('|') === expected.join('|') });
  } catch (err) {
    const rows = await wb.problems({ detailed: true });
    assert.deepEqual(summary(markerRows(rows)), expected, `the Problems panel lists ${expected.length} problems (${err.message})`);
    assert.ok(rows.some((x) => x.text === fileRow), `a file row "${fileRow}" (rows: ${JSON.stringify(rows.map((x) => x.text).slice(0, 3))})`);
    throw err;
  }
}

/** Wait until the status bar's problem counts read `statusLabel` and the Problems tab's badge `badge`. */
async function waitForProblemCounts(statusLabel, badge) {
  let last;
  await wb.waitFor(async () => {
    last = await wb.page.evaluate(() => ({
      status: document.querySelector('[id="status.problems"]')?.getAttribute('aria-label'),
      badge: [...document.querySelectorAll('.part.panel .composite-bar .action-item')]
        .find((a) => /Problems/.test(a.textContent))?.querySelector('.badge-content')?.textContent.trim(),
    }));
    return last.status === statusLabel && last.badge === badge;
  }, { message: () => `the status bar to say "${statusLabel}" and the Problems badge "${badge}" (they say ${JSON.stringify(last)})` });
}

/** Home, Home: the cursor goes to column 1, and the (narrow) editor scrolls back to the left edge. */
async function scrollToLineStart() {
  await wb.page.keyboard.press('Home');
  if ((await wb.cursor())?.column !== 1) await wb.page.keyboard.press('Home');
  await wb.waitFor(async () => (await wb.cursor())?.column === 1, { message: 'the cursor to go to column 1' });
}

// ----------------------------------------------------------------- tests

test('the Problems panel lists the problems of typical-mistakes.tde.yaml, where they are', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await wb.openFile('typical-mistakes.tde.yaml');
  // The first TDE file starts the language server: wait for its first problem before anything else.
  await wb.problems({ until: (rows) => rows.some((r) => / tde \S+ \[Ln \d+, Col \d+\]$/.test(r)), timeout: FIRST_DIAGNOSTICS_MS });

  // The panel is short: maximize it so that all the rows are rendered (it is a virtual list).
  await wb.maximizePanel(true);
  const rows = await allProblems(TYPICAL_MISTAKES, 'typical-mistakes.tde.yaml 16');
  await wb.shot('e2e-problems.png');
  const markers = markerRows(rows);

  // The count, as the panel's file row, its tab badge and the status bar show it.
  assert.equal(markers.length, 16);
  assert.equal(markers.filter((m) => m.severity === 'error').length, 7, 'errors');
  assert.equal(markers.filter((m) => m.severity === 'warning').length, 8, 'warnings');
  assert.equal(markers.filter((m) => m.severity === 'info').length, 1, 'infos');
  await waitForProblemCounts('Errors: 7, Warnings: 8, Infos: 1', '16');

  // Exact rows as VS Code renders them: message, source, rule id, [Ln, Col].
  const row = (rule, line) => markers.find((m) => m.rule === rule && m.line === line);
  assert.equal(row('unknown-tactic', 74).text,
    'Unknown tactic "interview-stakholders". Did you mean "interview-stakeholders"? tde unknown-tactic [Ln 74, Col 7]');
  assert.equal(row('unknown-tactic', 74).ariaLabel,
    'Error: Unknown tactic "interview-stakholders". Did you mean "interview-stakeholders"? at line 74 and character 7. generated by tde');
  assert.equal(row('schema', 18).text,
    'Unknown key "team" at the top level. It belongs under "project". (Keys starting with "x-" are free for your own data.) tde schema [Ln 18, Col 1]');
  assert.equal(row('schema', 30).message, '"date" must be a date written YYYY-MM-DD (for example 2024-03-18); got "2/27/2024". Did you mean "2024-02-27"?');
  assert.equal(row('missing-collaborators', 66).message,
    'Refine is done but lists no collaborators: name the people and groups who took part under "collaborators".');
  assert.equal(row('unknown-use-case', 138).message,
    '"block-club-lots-map" is not the id of any use case in "refine.use_cases". Did you mean "block-club-lot-map"?');
  assert.match(row('tactic-wrong-step', 76).message, /^"join-public-meetings" \(Join public meetings\) is a Find tactic, but it is used in Refine\./);
  assert.match(row('personal-contact', 46).message, /resident's personal e-mail address/);
  // Related information: the unknown use case points at the ids that do exist.
  const useCaseIndex = rows.findIndex((r) => r.text === row('unknown-use-case', 138).text);
  assert.deepEqual(rows.slice(useCaseIndex + 1, useCaseIndex + 3).map((r) => r.text), [
    'typical-mistakes.tde.yaml [Ln 78, Col 11] : use case "block-club-lot-map"',
    'typical-mistakes.tde.yaml [Ln 92, Col 11] : use case "lot-owner-lookup"',
  ]);

  await wb.maximizePanel(false);
});

test('a quick fix from the light bulb corrects the misspelt tactic', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await wb.openFile('typical-mistakes.tde.yaml');
  assert.equal(await fileLine('typical-mistakes.tde.yaml', 74), '    - interview-stakholders');
  await wb.goToLine(74, 7);
  await waitForEditorLine(74, '    - interview-stakholders', 'the misspelt tactic in the editor');
  await wb.waitFor(() => wb.page.locator('.editor-group-container.active .monaco-editor .lightBulbWidget').first().isVisible(),
    { message: 'the light bulb to show on line 74' });

  // Ctrl+. opens the Quick Fix menu. The code actions come from the server; if the menu opened
  // before they arrived ("No code actions available"), close it and ask again.
  const wanted = 'Change to "interview-stakeholders"';
  let titles;
  let pressedAt = 0;
  await wb.waitFor(async () => {
    titles = await codeActionTitles();
    if (titles?.includes(wanted)) return true;
    if (Date.now() - pressedAt > 5000) {
      if (titles !== undefined || (await wb.page.locator('.monaco-editor .message-widget, .monaco-editor-overlaymessage').first().isVisible())) await wb.page.keyboard.press('Escape');
      await wb.page.keyboard.press('Control+.');
      pressedAt = Date.now();
    }
    return false;
  }, { message: () => `the Quick Fix menu (Ctrl+.) to offer "${wanted}" (it offers ${JSON.stringify(titles)})` });
  // Fix all is in the light bulb too, beside a problem that has a fix.
  assert.deepEqual(titles, [wanted, 'Disable unknown-tactic for this line', 'Disable unknown-tactic for the file', 'Fix all auto-fixable problems']);
  await wb.shot('e2e-quickfix.png');

  await wb.page.locator('.action-widget .monaco-list-row.action').filter({ has: wb.page.locator('.title', { hasText: wanted }) }).first().click();
  await wb.waitFor(async () => (await codeActionTitles()) === undefined, { message: 'the Quick Fix menu to close' });
  await waitForEditorLine(74, '    - interview-stakeholders', 'the quick fix to apply');
  await wb.waitFor(() => wb.page.locator('.tabs-container .tab.active.dirty').first().isVisible(), { message: 'the tab to be marked dirty' });

  // The problem leaves the panel; the other fifteen stay.
  await wb.problems({ until: (r) => r.includes('typical-mistakes.tde.yaml 15') && !r.some((x) => x.includes('interview-stakholders')) });
  await waitForProblemCounts('Errors: 6, Warnings: 8, Infos: 1', '15');
  await wb.waitFor(async () => !(await wb.page.locator('.editor-group-container.active .monaco-editor .lightBulbWidget').first().isVisible()),
    { message: 'the light bulb on line 74 to go away (nothing left to fix there)' });
  await wb.shot('e2e-quickfix-applied.png');
  await wb.maximizePanel(true);
  const rows = await allProblems(TYPICAL_MISTAKES.filter((s) => s !== '74:7 error unknown-tactic'), 'typical-mistakes.tde.yaml 15');
  assert.ok(!rows.some((r) => r.text.includes('interview-stakholders')), 'no row mentions the misspelt tactic any more');
  await wb.maximizePanel(false);
});

test('completion offers the tactics of the step being edited', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  const rel = 'completion.tde.yaml';
  const lines = (await fsp.readFile(path.join(wb.folder, rel), 'utf8')).split('\n');
  const refine = lines.indexOf('refine:');
  const tacticsIndex = lines.indexOf('  tactics:', refine);
  assert.ok(refine >= 0 && tacticsIndex > refine, 'the copy has refine.tactics');
  const tacticsLine = tacticsIndex + 1; // 1-based
  const blockEnd = lines.findIndex((l, i) => i > tacticsIndex && /^ {0,2}\S/.test(l));
  const used = lines.slice(tacticsIndex + 1, blockEnd).filter((l) => /^ {4}- id: /.test(l)).map((l) => l.replace(/^ {4}- id: /, ''));
  assert.deepEqual(used, ['consult-the-public', 'workshop-with-partners'], 'the Refine tactics the copy already lists');

  await wb.openFile(rel);
  await wb.goToLine(tacticsLine, lines[tacticsIndex].length + 1);
  await wb.page.keyboard.press('Enter');
  await wb.waitFor(async () => (await wb.cursor())?.line === tacticsLine + 1, { message: `the cursor to move to the new line ${tacticsLine + 1}` });
  await wb.page.keyboard.type('- ');
  // The language configuration indents a list item under `tactics:`.
  await waitForEditorLine(tacticsLine + 1, '    - ', 'a new list item under refine.tactics');

  // Ctrl+Space asks for suggestions. If the widget shows none yet ("No suggestions." while the server
  // was still busy with the typing), close it and ask again.
  let rows;
  let pressedAt = 0;
  await wb.waitFor(async () => {
    rows = await suggestRows();
    if (rows?.some((r) => r.label === 'interview-stakeholders')) return true;
    if (Date.now() - pressedAt > 5000) {
      if (rows !== undefined) await wb.page.keyboard.press('Escape');
      await wb.page.keyboard.press('Control+Space');
      pressedAt = Date.now();
    }
    return false;
  }, { message: () => `the suggest widget (Ctrl+Space) to list interview-stakeholders (rows: ${JSON.stringify(rows)})` });
  await wb.shot('e2e-completion.png');

  const byLabel = new Map(rows.map((r) => [r.label, r]));
  for (const id of ['interview-stakeholders', 'host-a-scope-a-thon', 'consult-data-users-and-experts']) {
    assert.ok(byLabel.has(id), `completion offers ${id} (rows: ${JSON.stringify(rows.map((r) => r.label))})`);
    assert.match(byLabel.get(id).details, /— Refine tactic$/, `${id} is described as a Refine tactic`);
  }
  assert.equal(byLabel.get('interview-stakeholders').details, 'Interview stakeholders individually — Refine tactic');
  for (const id of ['join-public-meetings', 'analyze-information-requests', 'invite-intermediaries']) {
    assert.ok(!byLabel.has(id), `completion does not offer ${id}, a tactic of another step`);
  }
  for (const id of used) assert.ok(!byLabel.has(id), `completion does not offer ${id} again (already listed)`);

  // Pick one with the mouse: it is inserted after "- ".
  await wb.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row')
    .filter({ has: wb.page.locator('.label-name', { hasText: /^host-a-scope-a-thon$/ }) }).first().click();
  await waitForEditorLine(tacticsLine + 1, '    - host-a-scope-a-thon', 'the picked completion to be inserted');
  await wb.waitFor(async () => (await suggestRows()) === undefined, { message: 'the suggest widget to close' });
});

test('the pitch preview shows the filled pitch, the steps, the blanks, and follows the typing', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  const rel = 'riverton-eviction-data.tde.yaml';
  const lines = (await fsp.readFile(path.join(wb.folder, rel), 'utf8')).split('\n');
  const focusIndex = lines.findIndex((l) => /^ {4}focus_area: /.test(l));
  assert.ok(focusIndex > 0, 'the file has find.result.focus_area');
  const focusArea = lines[focusIndex].replace(/^ {4}focus_area: /, '');
  // The pitch continues a sentence there, so an ordinary first word is lowered.
  const asInPitch = (text) => text[0].toLowerCase() + text.slice(1);
  assert.equal(focusArea, 'Eviction filings and housing instability');

  await wb.openFile(rel);
  // Room for the preview: hide the panel.
  if (await wb.page.locator('.part.panel').first().isVisible()) {
    await wb.runCommand('View: Toggle Panel Visibility');
    await wb.waitFor(async () => !(await wb.page.locator('.part.panel').first().isVisible()), { message: 'the panel to hide' });
  }
  await wb.runCommand('TDE: Open Pitch Preview');
  await wb.waitFor(() => wb.page.locator('.tabs-container .tab').filter({ hasText: `Pitch · ${rel}` }).first().isVisible(),
    { message: `a tab "Pitch · ${rel}" beside the YAML` });

  const filled = await waitForPreview((s) => s.pitch.includes(asInPitch(focusArea)), `the filled pitch with "${focusArea}"`, 60_000);
  assert.equal(filled.title, 'Eviction filings data for tenants and the people who help them');
  assert.equal(filled.meta, 'City of Riverton · iteration 2 · riverton-eviction-data.tde.yaml');
  assert.ok(filled.pitch.startsWith(`Residents could put information the city holds to work on ${asInPitch(focusArea)}, which matters because keeping Riverton families in their homes`),
    `the pitch reads as a sentence: ${filled.pitch}`);
  assert.match(filled.pitch, /Using Workshop with partners and Consult data users and experts, we will listen to Riverton Legal Aid Society and Riverton Tenant Council/);
  assert.deepEqual(filled.steps.map((s) => `${s.symbol} ${s.title} ${s.status}`), ['✓ Find done', '✓ Refine done', '✓ Design done', '✓ Implement done']);
  assert.deepEqual(filled.blanks, []);
  assert.equal(filled.allFilledNote, 'Every blank of the pitch is filled.');
  assert.equal(filled.noProblemsNote, 'No problems.');
  await wb.shot('e2e-preview-filled.png');

  // Empty the focus area in the YAML: the preview marks the blank and lists it.
  await wb.focusEditorOf(rel);
  const valueColumn = '    focus_area: '.length + 1;
  await wb.goToLine(focusIndex + 1, valueColumn);
  await wb.page.keyboard.press('Shift+End');
  await wb.page.keyboard.press('Delete');
  await waitForEditorLine(focusIndex + 1, '    focus_area: ', 'the focus area to be emptied');
  await scrollToLineStart();
  await wb.page.keyboard.press('End');
  await wb.waitFor(async () => (await wb.cursor())?.column === valueColumn, { message: `the cursor to go back to column ${valueColumn}` });
  const blank = await waitForPreview((s) => s.blanks.some((b) => b.label === 'FOCUS AREA'), 'FOCUS AREA as an empty blank');
  assert.deepEqual(blank.blanks, [{ label: 'FOCUS AREA', field: 'find.result.focus_area' }]);
  assert.deepEqual(blank.emptyInPitch, ['[FOCUS AREA]']);
  assert.ok(blank.pitch.startsWith('Residents could put information the city holds to work on [FOCUS AREA], which matters'), blank.pitch);
  assert.ok(blank.problems.some((p) => /pitch-incomplete$/.test(p)), `the preview lists the pitch-incomplete problem (${JSON.stringify(blank.problems)})`);
  await wb.shot('e2e-preview-blank.png');

  // Type a new focus area: the pitch follows.
  const typed = 'Tenants facing eviction in Riverton';
  await wb.page.keyboard.type(typed);
  await waitForEditorLine(focusIndex + 1, `    focus_area: ${typed}`, 'the new focus area to be typed');
  const updated = await waitForPreview((s) => s.pitch.includes(`to work on ${asInPitch(typed)}, which matters`) && s.blanks.length === 0, `the pitch with the typed focus area "${typed}"`);
  assert.equal(updated.allFilledNote, 'Every blank of the pitch is filled.');
  assert.ok(!updated.pitch.includes(asInPitch(focusArea)), 'the old focus area is gone from the pitch');
  await wb.waitFor(async () => (await previewState())?.noProblemsNote === 'No problems.', { message: 'the preview to list no problems again' });
  await scrollToLineStart();
  await wb.shot('e2e-preview.png');

  // The preview follows the active editor: a project that has only begun shows its empty blanks.
  await wb.openFile('starter.tde.yaml');
  const starter = await waitForPreview((s) => s.title === 'Street trees for shade', 'starter.tde.yaml (the preview follows the active editor)');
  assert.deepEqual(starter.steps.map((s) => `${s.title} ${s.status}${s.current ? ' (current)' : ''}`).slice(0, 2), ['Find in progress (current)', 'Refine not started']);
  assert.equal(starter.steps.length, 4);
  assert.deepEqual(starter.blanks.map((b) => `${b.label} (${b.field})`), [
    'IMPACT (refine.pitch.impact)',
    'REFINING TACTIC (refine.tactics)',
    'DATA REQUESTERS (refine.worksheet.data_requesters)',
    'MY DATA SUPPLY (refine.worksheet.data_supply)',
    'NEXT STEPS (refine.worksheet.next_steps)',
  ]);
  assert.ok(starter.pitch.startsWith('Residents could put information the city holds to work on shade on the walk to school, which matters because [IMPACT].'), starter.pitch);
  assert.equal(starter.allFilledNote, undefined);
  await wb.shot('e2e-preview-blanks.png');
});

test('clicking an empty blank in the preview writes its field with a placeholder to type over, and no problem appears', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  // The preview still shows starter.tde.yaml (the test before), where Refine is absent.
  await waitForPreview((s) => s.title === 'Street trees for shade' && s.blanks.some((b) => b.label === 'IMPACT'), 'starter.tde.yaml with IMPACT empty');
  const frame = await wb.findFrame((f) => f.evaluate(() => !!document.getElementById('pitch')));
  await frame.locator('#pitch button.blank.empty', { hasText: '[IMPACT]' }).first().click();

  // Refine is written after Find, with its status and the placeholder selected in the editor.
  await waitForEditorLine(16, '    impact: why the focus area matters', 'the impact field with its placeholder');
  // Line 16 may be drawn before the lines above it are redrawn with their numbers: wait for those too.
  await waitForEditorLine(13, 'refine:', 'Refine written after Find');
  await waitForEditorLine(14, '  status: not-started', 'Refine\'s status');
  const typed = 'Shade keeps children cool on the walk to school';
  await wb.page.keyboard.type(typed);
  await waitForEditorLine(16, `    impact: ${typed}`, 'the typed text in place of the placeholder');
  const filled = await waitForPreview((s) => !s.blanks.some((b) => b.label === 'IMPACT') && s.pitch.includes(`which matters because ${typed[0].toLowerCase()}${typed.slice(1)}`),
    'the typed impact in the pitch');
  assert.ok(!filled.problems.some((p) => /schema$/.test(p)), `no schema problem from the click (${JSON.stringify(filled.problems)})`);
  await scrollToLineStart();
  await wb.shot('e2e-preview-blank-click.png');
});
