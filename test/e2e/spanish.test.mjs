// A Spanish speaker's workbench (code-server in headless Chromium): problems
// in the Problems panel and the hover over a tactic are in Spanish.
//
// code-server's `--locale es` alone does not do it: without VS Code's Spanish
// language pack (which a machine with no network cannot fetch), VS Code keeps
// reporting English as its language to extensions. The setting
// `tde.language: "es"` is what such a user sets; the test starts the
// workbench both ways at once, as that user's would be.
//
//   npm run package && TDE_E2E_VSIX=$PWD/tde.vsix bash scripts/e2e-run.sh --require-vsix
//
// Screenshots: test-artifacts/e2e-spanish-problems.png, test-artifacts/e2e-spanish-hover.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { useWorkbench, REPO_ROOT, SKIP } from './workbench.mjs';

const FIRST_DIAGNOSTICS_MS = 90_000;
const TEST_TIMEOUT_MS = 240_000;

// What a Spanish speaker reads (l10n/es.json), for problems of examples/typical-mistakes.tde.yaml.
const UNKNOWN_TACTIC = 'Táctica desconocida: "interview-stakholders". ¿Quiso decir "interview-stakeholders"?';
const MISSING_COLLABORATORS = 'Afinar está terminada pero no tiene colaboradores: nombre en "collaborators" a las personas y los grupos que participaron.';
// The hover over join-public-meetings in Find (line 53, no problem there): the tactic's name and summary in Spanish.
const HOVER_NAME = 'Participar en reuniones públicas';
const HOVER_SUMMARY = /Escuche en las reuniones públicas donde los y las residentes ya expresan sus inquietudes/;

const wb = useWorkbench({
  name: 'es',
  prepare: (folder) => fsp.copyFile(path.join(REPO_ROOT, 'examples', 'typical-mistakes.tde.yaml'), path.join(folder, 'typical-mistakes.tde.yaml')),
  locale: 'es',
  settings: { 'tde.language': 'es' },
});

test('the Problems panel lists the problems in Spanish', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await wb.openFile('typical-mistakes.tde.yaml');
  const rows = await wb.problems({ until: (r) => r.some((x) => x.includes(UNKNOWN_TACTIC)), timeout: FIRST_DIAGNOSTICS_MS });
  await wb.shot('e2e-spanish-problems.png');
  assert.ok(rows.some((x) => x === `${UNKNOWN_TACTIC} tde unknown-tactic [Ln 74, Col 7]`), JSON.stringify(rows));
  assert.ok(rows.some((x) => x === `${MISSING_COLLABORATORS} tde missing-collaborators [Ln 66, Col 1]`), JSON.stringify(rows));
  assert.ok(!rows.some((x) => / tde \S+ \[Ln/.test(x) && /^Unknown tactic|is done but lists no collaborators/.test(x)), 'no English message left');
});

test('the hover over a tactic names it and says what it is in Spanish', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await wb.openFile('typical-mistakes.tde.yaml');
  await wb.goToLine(53, 9);
  await wb.page.keyboard.press('Control+K');
  await wb.page.keyboard.press('Control+I');
  let text;
  await wb.waitFor(async () => {
    text = await wb.page.evaluate(() => document.querySelector('.monaco-hover:not(.hidden)')?.innerText ?? '');
    return text.includes(HOVER_NAME) && HOVER_SUMMARY.test(text);
  }, { message: () => `the hover over join-public-meetings to name it "${HOVER_NAME}" and say what it is (it shows ${JSON.stringify(text)})` });
  assert.ok(!/Join public meetings/.test(text), 'not the English name');
  await wb.shot('e2e-spanish-hover.png');
});
