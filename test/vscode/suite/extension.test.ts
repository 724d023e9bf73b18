// The extension in a real VS Code, on a copy of examples/: problems appear
// where the examples' README says, completion offers the step's tactics,
// hover explains, the pitch preview opens, the commands do their work.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TdeExtensionApi } from '../../../client/src/extension';
import { activateExtension, codeOf, exampleUri, hoverText, positionOf, waitFor, waitForDiagnostics, workspaceFolder } from './helpers';

let api: TdeExtensionApi;

describe('TDE extension in VS Code', () => {
  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives TDE files the tde-yaml language', async () => {
    const document = await vscode.workspace.openTextDocument(exampleUri('lakeside-library-wifi.tde.yaml'));
    assert.equal(document.languageId, 'tde-yaml');
  });

  it('reports the typical mistakes where the examples README says, with rule ids and docs links', async () => {
    const uri = exampleUri('typical-mistakes.tde.yaml');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length >= 16, 'the 16 problems of typical-mistakes.tde.yaml');
    const found = diagnostics
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`)
      .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    assert.deepEqual(found, [
      '12:14 iteration-chain',
      '18:1 schema',
      '30:13 schema',
      '42:13 schema',
      '46:16 personal-contact',
      '51:11 unknown-criterion',
      '66:1 missing-collaborators',
      '74:7 unknown-tactic',
      '76:7 tactic-wrong-step',
      '92:11 thin-use-case',
      '124:1 unreviewed-plan',
      '138:22 unknown-use-case',
      '158:13 unknown-collaborator',
      '160:13 date-order',
      '167:1 no-feedback-channel',
      '186:13 intervention-mismatch',
    ]);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'tde');
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.equal(code.target.scheme, 'https');
      assert.ok(code.target.path.endsWith(`/docs/rules/${code.value}.md`), code.target.toString());
    }
    const typo = diagnostics.find((d) => codeOf(d) === 'unknown-tactic')!;
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.getText(typo.range), 'interview-stakholders');
    assert.equal(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 7);
  });

  it('updates problems as the user types, down to none for a clean file', async () => {
    const uri = exampleUri('riverton-eviction-data.tde.yaml');
    const editor = await vscode.window.showTextDocument(uri);
    const status = positionOf(editor.document, 'status: done').translate(0, 'status: '.length);
    await editor.edit((edit) => edit.replace(new vscode.Range(status, status.translate(0, 4)), 'finished'));
    const broken = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'schema'), 'a schema problem for `status: finished`');
    assert.equal(broken.find((d) => codeOf(d) === 'schema')!.range.start.line, status.line);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no problems once the edit is reverted');
  });

  it('completes the tactic ids of the step the cursor is in', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'scratch-completion.tde.yaml');
    const text = 'tde: 1\nproject:\n  title: Completion\n  place: Testville\nfind:\n  status: in-progress\n  tactics:\n    - \n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(7, 6),
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('join-public-meetings'), `Find tactics offered: ${labels.join(', ')}`);
    assert.ok(labels.includes('identify-shared-priorities'));
    assert.ok(!labels.includes('host-a-data-challenge'), 'an Implement tactic is not offered in Find');
  });

  it('explains a tactic on hover', async () => {
    const uri = exampleUri('lakeside-library-wifi.tde.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const position = positionOf(document, 'join-public-meetings').translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = hoverText(hovers);
    assert.match(text, /public meetings/i, text);
  });

  it('opens the pitch preview beside the YAML and follows the active TDE editor', async () => {
    const first = exampleUri('riverton-eviction-data.tde.yaml');
    await vscode.window.showTextDocument(first);
    await vscode.commands.executeCommand('tde.openPitchPreview');
    const previewTab = () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('tdePitchPreview'));
    const tab = await waitFor(vscode.window.tabGroups.onDidChangeTabs, previewTab, 'the pitch preview tab');
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the preview opens beside the YAML');
    assert.equal(api.previewedFile()?.toString(), first.toString());

    const second = exampleUri('lakeside-library-wifi.tde.yaml');
    await vscode.window.showTextDocument(second, { viewColumn: vscode.ViewColumn.One });
    await waitFor(vscode.window.onDidChangeActiveTextEditor, () => (api.previewedFile()?.toString() === second.toString() ? true : undefined), 'the preview to follow');
  });

  it('copies the pitch as Markdown', async () => {
    const uri = exampleUri('riverton-eviction-data.tde.yaml');
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('tde.copyPitchAsMarkdown', uri);
    const text = await vscode.env.clipboard.readText();
    assert.match(text, /Eviction filings and housing instability/);
  });

  it('New Project writes a starter named after the title, and never overwrites', async () => {
    const folder = workspaceFolder();
    const args = { title: 'Snow routes: who gets plowed first?', place: 'City of Example', folder };
    const first = await vscode.commands.executeCommand<vscode.Uri>('tde.newProject', args);
    const second = await vscode.commands.executeCommand<vscode.Uri>('tde.newProject', args);
    assert.equal(first.path.split('/').pop(), 'snow-routes-who-gets-plowed-first.tde.yaml');
    assert.equal(second.path.split('/').pop(), 'snow-routes-who-gets-plowed-first-2.tde.yaml');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
    assert.match(text, /^ {2}title: "Snow routes: who gets plowed first\?"$/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), second.toString());
  });
});
