// The status bar item of the active TDE file: "TDE: Design · in progress".
// Clicking it opens the pitch preview.
import * as vscode from 'vscode';
import type { DocumentInfo } from '../../server/src/shared/protocol';
import type { DocumentInfoFeed } from './documentInfoFeed';
import { displayLanguage } from './displayLanguage';
import { statusLabel, stepTitle } from './preview/model';
import { isTdeDocument } from './tdeFiles';

const FEED_OWNER = 'statusBar';

export class CurrentStepStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private shown: vscode.Uri | undefined;

  constructor(private readonly feed: DocumentInfoFeed) {
    this.item = vscode.window.createStatusBarItem('tde.currentStep', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('TDE Current Step');
    this.item.command = { title: vscode.l10n.t('Open Pitch Preview'), command: 'tde.openPitchPreview' };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      feed.onDidUpdate((update) => {
        if (this.shown?.toString() === update.uri.toString()) this.render(update.info);
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor) return; // focus moved to a panel or the preview: keep what is shown
    if (!isTdeDocument(editor.document)) {
      this.shown = undefined;
      this.feed.setInterest(FEED_OWNER, undefined);
      this.item.hide();
      return;
    }
    if (this.shown?.toString() === editor.document.uri.toString()) return;
    this.shown = editor.document.uri;
    this.feed.setInterest(FEED_OWNER, this.shown);
    this.render(this.feed.get(this.shown));
    this.item.show();
  }

  private render(info: DocumentInfo | undefined): void {
    if (!info) {
      this.item.text = 'TDE';
      this.item.tooltip = vscode.l10n.t('Tactical Data Engagement project. Click to open the pitch preview.');
      this.item.accessibilityInformation = { label: vscode.l10n.t('TDE project. Open the pitch preview.') };
      return;
    }
    if (!info.parsed) {
      this.item.text = vscode.l10n.t('TDE: $(warning) YAML to fix');
      this.item.tooltip = vscode.l10n.t('The file does not parse as YAML yet; see the Problems panel.');
      this.item.accessibilityInformation = { label: vscode.l10n.t('TDE: the file does not parse as YAML yet.') };
      return;
    }
    const current = info.currentStep;
    const language = displayLanguage();
    const title = current ? stepTitle(current.id, current.title, language) : undefined;
    const status = statusLabel(current?.status ?? 'not-started', language);
    this.item.text = title ? `TDE: ${title} · ${status}` : `TDE: ${status}`;
    this.item.accessibilityInformation = {
      label: title ? vscode.l10n.t('TDE current step: {0}, {1}. Open the pitch preview.', title, status) : vscode.l10n.t('TDE: {0}. Open the pitch preview.', status),
    };
    this.item.tooltip = tooltip(info);
  }

  dispose(): void {
    this.feed.setInterest(FEED_OWNER, undefined);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function tooltip(info: DocumentInfo): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  if (info.title) md.appendMarkdown('**').appendText(info.title).appendMarkdown('**');
  if (info.place) md.appendText(` — ${info.place}`);
  if (info.title || info.place) md.appendMarkdown('\n\n');
  const language = displayLanguage();
  const line = info.steps.map((s) => `${stepTitle(s.id, s.title, language)}: ${statusLabel(s.status, language)}`).join(' → ');
  md.appendText(line).appendMarkdown('\n\n');
  const blanks = info.pitch.emptyBlanks ?? [];
  md.appendText(blanks.length ? vscode.l10n.t('Pitch blanks still empty: {0}', blanks.join(', ')) : vscode.l10n.t('Every pitch blank is filled.'));
  md.appendMarkdown('\n\n$(open-preview) ').appendText(vscode.l10n.t('Click to open the pitch preview.'));
  return md;
}
