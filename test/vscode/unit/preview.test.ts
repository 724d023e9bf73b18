// The preview's data model and its guard on messages from the webview.
import * as assert from 'node:assert/strict';
import type { DocumentInfo } from '../../../server/src/shared/protocol';
import { parsePreviewState, parseWebviewMessage } from '../../../client/src/preview/messages';
import { buildPreview, httpsUrl, statusLabel } from '../../../client/src/preview/model';
import { isConfigurationIssues, isDocumentInfo, isRevealBlankResult } from '../../../client/src/protocolGuards';

const range = (line: number, character = 0) => ({ start: { line, character }, end: { line, character: character + 3 } });

function info(overrides: Partial<DocumentInfo> = {}): DocumentInfo {
  return {
    uri: 'file:///x/a.tde.yaml',
    version: 3,
    title: 'Lots',
    place: 'Millford',
    iteration: 1,
    currentStep: { id: 'refine', title: 'Refine', status: 'in-progress', range: range(10) },
    steps: [
      { id: 'find', title: 'Find', status: 'done', range: range(5) },
      { id: 'refine', title: 'Refine', status: 'in-progress', range: range(10) },
      { id: 'design', title: 'Design', status: 'absent' },
      { id: 'implement', title: 'Implement', status: 'absent' },
    ],
    pitch: {
      segments: [{ text: 'About ' }, { text: 'lots', blank: 'focus_area', empty: false }, { text: ' because ' }, { text: '[IMPACT]', blank: 'impact', empty: true }],
      blanks: [
        { key: 'focus_area', label: 'FOCUS AREA', value: 'lots', empty: false, path: 'find.result.focus_area' },
        { key: 'impact', label: 'IMPACT', empty: true, path: 'refine.pitch.impact' },
      ],
      emptyBlanks: ['IMPACT'],
      customTemplate: false,
      markdown: 'About **lots** because **[IMPACT]**',
      text: 'About lots because [IMPACT]',
    },
    problems: [
      { rule: 'schema', severity: 'error', message: 'late', range: range(20), docsUrl: 'https://example.org/schema.md' },
      { rule: 'no-steward', severity: 'info', message: 'early', range: range(2, 4), docsUrl: 'javascript:alert(1)' },
    ],
    parsed: true,
    ...overrides,
  };
}

describe('pitch preview model', () => {
  it('lists the four steps in order with people-friendly statuses', () => {
    const { view, targets } = buildPreview(info(), 'a.tde.yaml', { showProblems: true });
    assert.deepEqual(view.steps.map((s) => [s.id, s.statusLabel, s.current, s.revealable]), [
      ['find', 'done', false, true],
      ['refine', 'in progress', true, true],
      ['design', 'not started', false, false],
      ['implement', 'not started', false, false],
    ]);
    assert.deepEqual(targets.steps.find, range(5));
  });

  it('orders problems by place and keeps only https documentation links', () => {
    const { view, targets } = buildPreview(info(), 'a.tde.yaml', { showProblems: true });
    assert.deepEqual(view.problems.map((p) => [p.message, p.line, p.docsUrl]), [
      ['early', 3, undefined],
      ['late', 21, 'https://example.org/schema.md'],
    ]);
    assert.deepEqual(targets.problems, [range(2, 4), range(20)]);
  });

  it('hides problems when checking is off', () => {
    const { view, targets } = buildPreview(info(), 'a.tde.yaml', { showProblems: false });
    assert.deepEqual(view.problems, []);
    assert.equal(view.problemsHidden, true);
    assert.deepEqual(targets.problems, []);
  });

  it('drops blanks it does not know', () => {
    const odd = info();
    odd.pitch.blanks.push({ key: 'evil', label: 'X', empty: true, path: 'x' });
    odd.pitch.segments.push({ text: 'x', blank: 'evil', empty: true });
    const { view, targets } = buildPreview(odd, 'a.tde.yaml', { showProblems: true });
    assert.deepEqual(targets.blanks, ['focus_area', 'impact']);
    assert.equal(view.pitch.segments.at(-1)?.blank, undefined);
  });

  it('accepts only https addresses', () => {
    assert.equal(httpsUrl('https://github.com/tde-tools/tde'), 'https://github.com/tde-tools/tde');
    for (const bad of ['http://example.org', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'command:workbench.action.quit', 'vscode://x', '//example.org', 'not a url', 42, undefined]) {
      assert.equal(httpsUrl(bad), undefined, String(bad));
    }
  });

  it('labels statuses', () => {
    assert.equal(statusLabel('in-progress'), 'in progress');
    assert.equal(statusLabel('absent'), 'not started');
    assert.equal(statusLabel('skipped'), 'skipped');
  });

  it('names the steps and their statuses in the reader\'s language', () => {
    const { view } = buildPreview(info(), 'a.tde.yaml', { showProblems: true, language: 'es' });
    assert.deepEqual(view.steps.map((s) => [s.title, s.statusLabel]), [
      ['Encontrar', 'terminada'],
      ['Afinar', 'en curso'],
      ['Diseñar', 'sin empezar'],
      ['Implementar', 'sin empezar'],
    ]);
    assert.equal(statusLabel('skipped', 'es'), 'omitida');
  });
});

describe('messages from the preview webview', () => {
  it('accepts the known shapes', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'revealBlank', key: 'impact' }), { type: 'revealBlank', key: 'impact' });
    assert.deepEqual(parseWebviewMessage({ type: 'revealProblem', index: 2 }), { type: 'revealProblem', index: 2 });
    assert.deepEqual(parseWebviewMessage({ type: 'revealStep', step: 'design' }), { type: 'revealStep', step: 'design' });
    assert.deepEqual(parseWebviewMessage({ type: 'copyMarkdown', extra: 'ignored' }), { type: 'copyMarkdown' });
  });

  it('rejects everything else', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'executeCommand', command: 'workbench.action.quit' },
      { type: 'revealBlank', key: '__proto__' },
      { type: 'revealBlank', key: 'find.result.focus_area' },
      { type: 'revealBlank' },
      { type: 'revealProblem', index: -1 },
      { type: 'revealProblem', index: 1.5 },
      { type: 'revealProblem', index: '1' },
      { type: 'revealProblem', index: Number.MAX_SAFE_INTEGER },
      { type: 'revealStep', step: 'next' },
      { type: 'openLink', url: 'https://example.org' },
    ];
    for (const message of bad) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('restores only a plausible state', () => {
    assert.deepEqual(parsePreviewState({ uri: 'file:///a.tde.yaml' }), { uri: 'file:///a.tde.yaml' });
    assert.equal(parsePreviewState({ uri: 5 }), undefined);
    assert.equal(parsePreviewState(undefined), undefined);
  });
});

describe('server responses', () => {
  it('recognizes the protocol shapes', () => {
    assert.ok(isDocumentInfo(info()));
    assert.ok(!isDocumentInfo({ ...info(), problems: [{ rule: 'x' }] }));
    assert.ok(isRevealBlankResult({ selection: range(1) }));
    assert.ok(isRevealBlankResult({ selection: range(1), edit: { range: range(1), newText: 'x' } }));
    assert.ok(!isRevealBlankResult({ selection: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } }));
    assert.ok(isConfigurationIssues({ file: '/a/.tderc.yaml', issues: [{ message: 'm', line: 2 }] }));
    assert.ok(!isConfigurationIssues({ file: '/a/.tderc.yaml', issues: [{ line: 2 }] }));
  });
});
