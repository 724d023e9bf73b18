// "TDE: Copy Pitch as Markdown" and the choice of which TDE file a command is about.
import * as vscode from 'vscode';
import type { DocumentInfoFeed } from './documentInfoFeed';
import { isTdeFileName } from '../../server/src/shared/tdeFiles';
import { isTdeDocument, TDE_FILE_GLOB } from './tdeFiles';

/**
 * The TDE file a command applies to: an explicit resource (explorer or editor
 * title menus pass one), else the active editor's file, else `fallback`.
 */
export function targetTdeFile(argument: unknown, fallback?: vscode.Uri): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri && isTdeFileName(argument.path)) return argument;
  const active = vscode.window.activeTextEditor?.document;
  if (isTdeDocument(active)) return active.uri;
  return fallback;
}

/**
 * When no TDE file is at hand (say, from the walkthrough), one from the
 * workspace: a visible one, the only one, or the one the user picks.
 */
export async function pickTdeFile(): Promise<vscode.Uri | undefined> {
  const visible = vscode.window.visibleTextEditors.find((editor) => isTdeDocument(editor.document));
  if (visible) return visible.document.uri;
  const files = await vscode.workspace.findFiles(TDE_FILE_GLOB, '**/node_modules/**', 200);
  if (files.length <= 1) return files[0];
  const items = files
    .map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which TDE project?') });
  return picked?.uri;
}

/** The TDE file a command that shows a file is about: at hand, else picked; when there is none, the user is told how to start one. */
export async function fileToShow(resource: unknown, shown: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const uri = targetTdeFile(resource, shown) ?? (await pickTdeFile());
  if (!uri) void vscode.window.showInformationMessage(vscode.l10n.t('There is no TDE project file (*.tde.yaml) here yet. Run "TDE: New Project" to start one.'));
  return uri;
}

export async function copyPitchAsMarkdown(feed: DocumentInfoFeed, uri: vscode.Uri | undefined): Promise<void> {
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a TDE project file (*.tde.yaml) to copy its pitch.'));
    return;
  }
  // Make sure the server has the file, even when it was picked in the explorer.
  await vscode.workspace.openTextDocument(uri);
  const info = await feed.fetchNow(uri);
  if (!info) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The TDE language server has no pitch for this file yet. Try again in a moment.'));
    return;
  }
  if (!info.parsed) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This file does not parse as YAML yet: fix the syntax problems first, then copy the pitch.'));
    return;
  }
  await vscode.env.clipboard.writeText(info.pitch.markdown);
  const empty = info.pitch.emptyBlanks ?? [];
  void vscode.window.showInformationMessage(
    empty.length === 0
      ? vscode.l10n.t('Pitch copied as Markdown (every blank is filled).')
      : vscode.l10n.t('Pitch copied as Markdown (still blank: {0}).', empty.join(', ')),
  );
}
