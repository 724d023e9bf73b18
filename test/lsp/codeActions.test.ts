// Quick fixes, "disable" comments and "Fix all" over stdio: the returned
// edits are applied to the text as an editor would, and the result checked.
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { applyLspEdits, editorCapabilities, editsOf, fixtureUri, readFixture, useDocument, useServer } from '../helpers/lspClient';

describe('language server: code actions', function () {
  const uri = fixtureUri('slips.tde.yaml');
  const text = readFixture('slips.tde.yaml');
  const { client, diagnostics } = useDocument(uri, text);

  function actions(diagnostic: Diagnostic[], only?: string[], range = diagnostic[0]!.range): Promise<CodeAction[]> {
    return client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diagnostic, ...(only ? { only } : {}) } });
  }

  it('offers the engine fix as the preferred quick fix, with the diagnostic attached and a versioned edit', async () => {
    const tactic = diagnostics().find((d) => d.code === 'unknown-tactic')!;
    const list = await actions([tactic]);
    assert.deepEqual(list.map((a) => [a.title, a.kind]), [
      ['Change to "interview-stakeholders"', 'quickfix'],
      ['Disable unknown-tactic for this line', 'quickfix'],
      ['Disable unknown-tactic for the file', 'quickfix'],
      ['Fix all auto-fixable problems', 'quickfix'],
    ]);
    const fix = list[0]!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [tactic]);
    assert.deepEqual((fix.edit!.documentChanges![0] as { textDocument: unknown }).textDocument, { uri, version: 1 });
    const fixed = applyLspEdits(text, editsOf(fix.edit, uri));
    assert.equal(fixed, text.replace('- interview-stakholders', '- interview-stakeholders'));
  });

  it('disables a rule for one line with a comment above it, indented like the line', async () => {
    const useCase = diagnostics().find((d) => d.code === 'unknown-use-case')!;
    const list = await actions([useCase], ['quickfix']);
    assert.ok(list.every((a) => a.kind === 'quickfix'), 'only what was asked for');
    const disable = list.find((a) => a.title === 'Disable unknown-use-case for this line')!;
    assert.equal(disable.isPreferred, undefined);
    const result = applyLspEdits(text, editsOf(disable.edit, uri));
    assert.equal(result, text.replace('  selected_use_case: block-club-lots-map', '  # tde-disable-next-line unknown-use-case\n  selected_use_case: block-club-lots-map'));
  });

  it('disables a rule for the whole file with a comment at the top', async () => {
    const schema = diagnostics().find((d) => d.code === 'schema')!;
    const disable = (await actions([schema])).find((a) => a.title === 'Disable schema for the file')!;
    assert.equal(applyLspEdits(text, editsOf(disable.edit, uri)), `# tde-disable schema\n${text}`);
  });

  it('adds the rule to a disable comment that is already there', async () => {
    const other = fixtureUri('disable-existing.tde.yaml');
    const base = text.replace('    - interview-stakholders', '    # tde-disable-next-line tactic-wrong-step -- kept on purpose\n    - interview-stakholders');
    await client().open(other, base);
    const tactic = (await client().diagnostics(other, 1)).diagnostics.find((d) => d.code === 'unknown-tactic')!;
    const list = await client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: other }, range: tactic.range, context: { diagnostics: [tactic] } });
    const disable = list.find((a) => a.title === 'Disable unknown-tactic for this line')!;
    assert.equal(
      applyLspEdits(base, editsOf(disable.edit, other)),
      base.replace('# tde-disable-next-line tactic-wrong-step -- kept', '# tde-disable-next-line tactic-wrong-step, unknown-tactic -- kept'),
    );
  });

  it('fixes all auto-fixable problems at once as a source action, touching nothing else', async () => {
    const list = await actions(diagnostics(), ['source.fixAll'], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(list.map((a) => [a.title, a.kind]), [['Fix all auto-fixable problems', 'source.fixAll.tde']]);
    const edits = editsOf(list[0]!.edit, uri);
    assert.equal(edits.length, 2, 'one minimal edit per fix, none for the suggestion');
    const fixed = applyLspEdits(text, edits);
    assert.equal(
      fixed,
      text.replace('interview-stakholders', 'interview-stakeholders').replace('selected_use_case: block-club-lots-map', 'selected_use_case: block-club-lot-map'),
    );
  });

  it('offers Fix all in the light bulb beside a problem that has a fix, applying only fixes', async () => {
    const tactic = diagnostics().find((d) => d.code === 'unknown-tactic')!;
    const list = await actions([tactic], ['quickfix']);
    const fixAll = list.filter((a) => a.title === 'Fix all auto-fixable problems');
    assert.deepEqual(fixAll.map((a) => [a.kind, a.isPreferred]), [['quickfix', undefined]], 'one Fix all, never the preferred action');
    assert.equal(
      applyLspEdits(text, editsOf(fixAll[0]!.edit, uri)),
      text.replace('interview-stakholders', 'interview-stakeholders').replace('selected_use_case: block-club-lots-map', 'selected_use_case: block-club-lot-map'),
      'both fixes, and not the suggestion (via: meetng stays)',
    );
  });

  it('answers editor.codeActionsOnSave {"source.fixAll.tde": "explicit"} with the fixes alone', async () => {
    // What VS Code asks on save: only that kind, for the whole file, with no diagnostics.
    const list = await actions([], ['source.fixAll.tde'], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(list.map((a) => [a.title, a.kind]), [['Fix all auto-fixable problems', 'source.fixAll.tde']]);
    const fixed = applyLspEdits(text, editsOf(list[0]!.edit, uri));
    assert.ok(fixed.includes('- interview-stakeholders') && fixed.includes('via: meetng'), 'the fix applied, the suggestion not');
    const schema = diagnostics().find((d) => d.code === 'schema')!;
    assert.deepEqual(await actions([schema], ['source.fixAll.tde']).then((l) => l.map((a) => a.kind)), ['source.fixAll.tde'], 'no quick fix when only the source action is asked for');
  });

  it('offers a suggestion as a quick fix that is never preferred, and keeps it out of Fix all', async () => {
    const via = diagnostics().find((d) => d.code === 'schema')!;
    const list = await actions([via]);
    assert.deepEqual(list.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['Change to "meeting"', 'quickfix', false],
      ['Disable schema for this line', 'quickfix', undefined],
      ['Disable schema for the file', 'quickfix', undefined],
      ['Fix all auto-fixable problems', 'source.fixAll.tde', undefined],
    ]);
    assert.equal(applyLspEdits(text, editsOf(list[0]!.edit, uri)), text.replace('via: meetng', 'via: meeting'));
    const fixAll = list[3]!;
    assert.ok(!applyLspEdits(text, editsOf(fixAll.edit, uri)).includes('via: meeting'), 'Fix all leaves the suggestion alone');
  });

  it("personal-contact: suggests reaching the person through their group, and its disable comment asks for a reason", async () => {
    const other = fixtureUri('contact.tde.yaml');
    const contact = 'tde: 1\nproject: {title: T, place: P}\nfind:\n  status: in-progress\n  collaborators:\n    - name: Rosa Delgado\n      role: resident\n      organization: Eastside block club\n      contact: rosa.delgado@example.org\n';
    await client().open(other, contact);
    const problem = (await client().diagnostics(other, 1)).diagnostics.find((d) => d.code === 'personal-contact')!;
    const list = await client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: other }, range: problem.range, context: { diagnostics: [problem] } });
    const via = list.find((a) => a.title === 'Write "via Eastside block club" instead')!;
    assert.equal(via.isPreferred, false);
    assert.equal(applyLspEdits(contact, editsOf(via.edit, other)), contact.replace('rosa.delgado@example.org', 'via Eastside block club'));
    const disable = list.find((a) => a.title === 'Disable personal-contact for this line')!;
    assert.equal(applyLspEdits(contact, editsOf(disable.edit, other)), contact.replace('      contact:', '      # tde-disable-next-line personal-contact -- …\n      contact:'));
    assert.ok(!list.some((a) => a.kind?.startsWith('source.fixAll')), 'nothing to fix in bulk');
  });

  it('keeps CRLF line endings in inserted lines', async () => {
    const crlf = fixtureUri('crlf.tde.yaml');
    const crlfText = text.replace(/\n/g, '\r\n');
    await client().open(crlf, crlfText);
    const published = await client().diagnostics(crlf, 1);
    const useCase = published.diagnostics.find((d) => d.code === 'unknown-use-case')!;
    const list = await client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: crlf }, range: useCase.range, context: { diagnostics: [useCase] } });
    const line = list.find((a) => a.title.endsWith('for this line'))!;
    assert.equal(
      applyLspEdits(crlfText, editsOf(line.edit, crlf)),
      crlfText.replace('  selected_use_case: block-club-lots-map', '  # tde-disable-next-line unknown-use-case\r\n  selected_use_case: block-club-lots-map'),
    );
    const file = list.find((a) => a.title.endsWith('for the file'))!;
    assert.ok(applyLspEdits(crlfText, editsOf(file.edit, crlf)).startsWith('# tde-disable unknown-use-case\r\n# A small project'));
  });

  it('applies the fix, and the problem is gone from the next diagnostics', async () => {
    const tactic = diagnostics().find((d) => d.code === 'unknown-tactic')!;
    const fix = (await actions([tactic]))[0]!;
    const mark = client().mark();
    const version = await client().change(uri, editsOf(fix.edit, uri).map((e) => ({ range: e.range, text: e.newText })));
    const next = await client().waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, mark);
    assert.deepEqual(next.diagnostics.map((d) => d.code), ['unknown-use-case', 'schema']);
  });
});

describe('language server: code actions for a client without code action literals', function () {
  const uri = fixtureUri('slips.tde.yaml');
  const capabilities = editorCapabilities();
  delete capabilities.textDocument!.codeAction;
  const client = useServer({ capabilities, open: { uri, text: readFixture('slips.tde.yaml') } });

  it('offers commands that make the server apply the edit', async () => {
    assert.equal(client().initializeResult.capabilities.codeActionProvider, true);
    assert.deepEqual(client().initializeResult.capabilities.executeCommandProvider, { commands: ['tde.applyWorkspaceEdit'] });
    const tactic = (await client().diagnostics(uri, 1)).diagnostics.find((d) => d.code === 'unknown-tactic')!;
    const commands = await client().request<{ title: string; command: string; arguments: unknown[] }[]>('textDocument/codeAction', { textDocument: { uri }, range: tactic.range, context: { diagnostics: [tactic] } });
    assert.equal(commands[0]!.title, 'Change to "interview-stakeholders"');
    assert.equal(commands[0]!.command, 'tde.applyWorkspaceEdit');
    const mark = client().mark();
    await client().request('workspace/executeCommand', { command: commands[0]!.command, arguments: commands[0]!.arguments });
    const applied = await client().waitFor<{ edit: unknown }>('workspace/applyEdit', () => true, mark);
    assert.deepEqual(applied.edit, commands[0]!.arguments[0]);
  });
});
