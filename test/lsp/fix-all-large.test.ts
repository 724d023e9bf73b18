// "Fix all" on a file with thousands of fixable problems, over stdio. To a
// client that can resolve code actions it is offered without its edit, and
// `codeAction/resolve` computes the edit once per document version; a client
// that cannot gets the edit with the action, also computed once per version.
// "Computed" is seen in the server's log (one line per computation), never
// in timings.
import * as assert from 'node:assert/strict';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver/node';
import { LspClient, applyLspEdits, editorCapabilities, editsOf, fixtureUri, useDocument } from '../helpers/lspClient';

const MISSPELT: [string, string][] = [
  ['identify-shared-prioritie', 'identify-shared-priorities'],
  ['analyse-information-requests', 'analyze-information-requests'],
  ['join-public-meetngs', 'join-public-meetings'],
  ['map-impactful-focus-area', 'map-impactful-focus-areas'],
];
const COUNT = 3000;

function largeProject(): { text: string; fixed: string } {
  const head = ['tde: 1', 'project:', '  title: Sidewalk repair requests', '  place: City of Linden', 'find:', '  status: in-progress', '  tactics:'];
  const items = Array.from({ length: COUNT }, (_, i) => MISSPELT[i % MISSPELT.length]!);
  return {
    text: [...head, ...items.map(([wrong]) => `    - ${wrong}`), ''].join('\n'),
    fixed: [...head, ...items.map(([, right]) => `    - ${right}`), ''].join('\n'),
  };
}

const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function fixAllComputations(client: LspClient, uri: string): string[] {
  return client.received
    .filter((r) => r.method === 'window/logMessage')
    .map((r) => (r.params as { message: string }).message)
    .filter((message) => message.startsWith(`Fix all for ${uri} (`));
}

describe('language server: Fix all on a file with thousands of fixes, resolved when chosen', function () {
  const uri = fixtureUri('fix-all-large-resolve.tde.yaml');
  const { text, fixed } = largeProject();
  const capabilities = editorCapabilities();
  capabilities.textDocument!.codeAction!.resolveSupport = { properties: ['edit'] };
  const { client, diagnostics } = useDocument(uri, text, { capabilities });

  function fixAll(): Promise<CodeAction[]> {
    return client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE_FILE, context: { diagnostics: [], only: ['source.fixAll'] } });
  }

  it('has one fixable problem per misspelt tactic, and says it resolves code actions', () => {
    assert.equal(diagnostics().filter((d) => d.code === 'unknown-tactic').length, COUNT);
    assert.deepEqual(client().initializeResult.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.tde'], resolveProvider: true });
  });

  it('offers Fix all without computing it, alone or beside a quick fix', async () => {
    const list = await fixAll();
    assert.deepEqual(list.map((a) => [a.title, a.kind, a.edit]), [['Fix all auto-fixable problems', 'source.fixAll.tde', undefined]]);
    assert.ok(list[0]!.data, 'the action carries what resolve needs');
    const tactic = diagnostics().find((d) => d.code === 'unknown-tactic')!;
    const withQuickFix = await client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: tactic.range, context: { diagnostics: [tactic] } });
    assert.equal(withQuickFix[0]!.title, 'Change to "identify-shared-priorities"');
    assert.deepEqual(withQuickFix.at(-1), { ...list[0], kind: 'quickfix' }, 'in the light bulb, the same action as a quick fix');
    assert.deepEqual(fixAllComputations(client(), uri), [], 'nothing computed before it is chosen');
  });

  it('resolves to an edit that fixes every misspelt tactic, computed once for the version', async () => {
    const [offered] = await fixAll();
    const resolved = await client().request<CodeAction>('codeAction/resolve', offered);
    assert.equal(resolved.title, offered!.title);
    assert.deepEqual((resolved.edit!.documentChanges![0] as { textDocument: unknown }).textDocument, { uri, version: 1 });
    assert.equal(applyLspEdits(text, editsOf(resolved.edit, uri)), fixed);
    assert.equal(fixAllComputations(client(), uri).length, 1);

    // Asked again while the version is unchanged: the same answers, from what was computed.
    assert.deepEqual(await fixAll(), [offered]);
    const again = await client().request<CodeAction>('codeAction/resolve', offered);
    assert.deepEqual(again, resolved);
    assert.equal(fixAllComputations(client(), uri).length, 1, 'not computed a second time');

    const mark = client().mark();
    const version = await client().change(uri, editsOf(resolved.edit, uri).map((e) => ({ range: e.range, text: e.newText })));
    const next = await client().diagnostics(uri, version, mark);
    assert.deepEqual(next.diagnostics.filter((d) => d.code === 'unknown-tactic'), []);
    assert.deepEqual(await fixAll(), [], 'nothing left to fix');
  });

  it('returns any other action as it came', async () => {
    const other: CodeAction = { title: 'Something else', data: { other: true } };
    assert.deepEqual(await client().request<CodeAction>('codeAction/resolve', other), other);
  });
});

describe('language server: Fix all on a file with thousands of fixes, for a client that cannot resolve', function () {
  const uri = fixtureUri('fix-all-large-eager.tde.yaml');
  const { text, fixed } = largeProject();
  const { client } = useDocument(uri, text);

  it('sends the edit with the action, computed once for the version', async () => {
    const request = () => client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE_FILE, context: { diagnostics: [], only: ['source.fixAll'] } });
    const first = await request();
    assert.deepEqual(first.map((a) => [a.title, a.kind]), [['Fix all auto-fixable problems', 'source.fixAll.tde']]);
    assert.equal(applyLspEdits(text, editsOf(first[0]!.edit as WorkspaceEdit, uri)), fixed);
    assert.deepEqual(await request(), first);
    assert.equal(fixAllComputations(client(), uri).length, 1, 'not computed a second time');
  });
});
