// Jumping from the preview into the YAML: to a range, or to a pitch blank's
// field (which the server may first have to create with a minimal edit).
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { RevealBlankRequest, type LspRange, type RevealBlankParams } from '../../server/src/shared/protocol';
import { isRevealBlankResult } from './protocolGuards';

/**
 * Shows the document in the editor group it was in (or `column`), focused,
 * with `selection` selected: focus and selection arrive together, so no
 * keystroke lands at the old cursor in between.
 */
export async function showSource(uri: vscode.Uri, column: vscode.ViewColumn | undefined, selection?: vscode.Range): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === uri.toString());
  const target = visible.find((editor) => editor.viewColumn === column) ?? visible[0];
  const document = target?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: target?.viewColumn ?? column ?? vscode.ViewColumn.One,
    preserveFocus: false,
    preview: false,
    selection: selection && document.validateRange(selection),
  });
  if (selection) editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export async function revealRange(uri: vscode.Uri, range: LspRange, column: vscode.ViewColumn | undefined): Promise<void> {
  await showSource(uri, column, toRange(range));
}

/**
 * Asks the server where a pitch blank's text goes, applies the edit that
 * creates the field when it is absent (with a placeholder value, so the file
 * never holds an empty one), then selects it. When the document
 * changes while the request is in flight, the answer is for an older text, so
 * it asks again rather than apply an edit at the wrong place.
 */
export async function revealBlank(
  client: LanguageClient,
  uri: vscode.Uri,
  key: string,
  column: vscode.ViewColumn | undefined,
  log: vscode.LogOutputChannel,
): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  for (let attempt = 0; attempt < 3; attempt++) {
    const version = document.version;
    const params: RevealBlankParams = { uri: client.code2ProtocolConverter.asUri(uri), key };
    const result: unknown = await client.sendRequest(RevealBlankRequest, params);
    if (!isRevealBlankResult(result)) {
      log.warn(`${RevealBlankRequest}: no place to reveal for "${key}" in ${uri.toString(true)}`);
      return false;
    }
    if (document.version !== version) continue;
    if (result.edit) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, toRange(result.edit.range), result.edit.newText);
      if (!(await vscode.workspace.applyEdit(edit))) return false;
    }
    const editor = await showSource(uri, column, toRange(result.selection));
    // The placeholder becomes a snippet's: selected, typed over, a choice offered where there is one.
    if (result.snippet) await editor.insertSnippet(new vscode.SnippetString(result.snippet), editor.selection, { undoStopBefore: false, undoStopAfter: true });
    return true;
  }
  return false;
}

function toRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
