// The status bar item of the active TDE file: "TDE: Design · in progress".
// Clicking it opens the pitch preview.
import * as vscode from 'vscode';
import type { DocumentInfo } from '../../server/src/shared/protocol';
import type { DocumentInfoFeed } from './documentInfoFeed';
import { statusLabel } from './preview/model';
import { isTdeDocument } from './tdeFiles';

const FEED_OWNER = 'statusBar';

export class CurrentStepStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private shown: vscode.Uri | undefined;

  constructor(private readonly feed: DocumentInfoFeed) {
    this.item = vscode.window.createStatusBarItem('tde.currentStep', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'TDE Current Step';
    this.item.command = { title: 'Open Pitch Preview', command: 'tde.openPitchPreview' };
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
      this.item.tooltip = 'Tactical Data Engagement project. Click to open the pitch preview.';
      this.item.accessibilityInformation = { label: 'TDE project. Open the pitch preview.' };
      return;
    }
    if (!info.parsed) {
      this.item.text = 'TDE: $(warning) YAML to fix';
      this.item.tooltip = 'The file does not parse as YAML yet; see the Problems panel.';
      this.item.accessibilityInformation = { label: 'TDE: the file does not parse as YAML yet.' };
      return;
    }
    const current = info.currentStep;
    const step = current ? `${current.title} · ${statusLabel(current.status)}` : 'not started';
    this.item.text = `TDE: ${step}`;
    this.item.accessibilityInformation = { label: `TDE current step: ${step.replace(' · ', ', ')}. Open the pitch preview.` };
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
  const line = info.steps.map((s) => `${s.title}: ${statusLabel(s.status)}`).join(' → ');
  md.appendText(line).appendMarkdown('\n\n');
  const blanks = info.pitch.emptyBlanks ?? [];
  md.appendText(blanks.length ? `Pitch blanks still empty: ${blanks.join(', ')}` : 'Every pitch blank is filled.');
  md.appendMarkdown('\n\n$(open-preview) Click to open the pitch preview.');
  return md;
}
