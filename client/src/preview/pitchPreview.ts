// The pitch preview panel: one panel that follows the active TDE editor, fed
// by DocumentInfoFeed, restored after a reload by a WebviewPanelSerializer.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { DocumentInfoFeed } from '../documentInfoFeed';
import { copyPitchAsMarkdown } from '../pitchCommands';
import { revealBlank, revealRange, showSource } from '../revealInYaml';
import { isTdeFileName } from '../../../server/src/shared/tdeFiles';
import { baseName, isTdeDocument } from '../tdeFiles';
import { parsePreviewState, parseWebviewMessage, type RenderMessage, type WebviewMessage } from './messages';
import { buildPreview, type PreviewTargets, type PreviewView } from './model';
import { previewHtml } from './previewHtml';
import { previewWords } from './words';
import { displayLanguage } from '../displayLanguage';

const PREVIEW_VIEW_TYPE = 'tdePitchPreview';
const FEED_OWNER = 'preview';

export class PitchPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private source: vscode.Uri | undefined;
  private sourceColumn: vscode.ViewColumn | undefined;
  private targets: PreviewTargets | undefined;
  private webviewReady = false;
  /** The last render posted: an identical one is not sent again (it would reset focus and hover in the webview). */
  private lastPosted: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly feed: DocumentInfoFeed,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.restore(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isTdeDocument(editor.document)) void this.follow(editor);
      }),
      vscode.window.onDidChangeTextEditorViewColumn((event) => {
        if (this.isSource(event.textEditor.document.uri)) this.sourceColumn = event.viewColumn;
      }),
      feed.onDidUpdate((update) => {
        if (this.isSource(update.uri)) this.render();
      }),
      client.onDidChangeState(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (this.source && event.affectsConfiguration('tde.validate.enable', this.source)) this.render();
      }),
    );
  }

  /** The file the preview shows, if it is open. */
  get shownFile(): vscode.Uri | undefined {
    return this.panel ? this.source : undefined;
  }

  /** Shows the previewed YAML in the editor group it came from. */
  async showSource(): Promise<void> {
    if (this.panel && this.source) await showSource(this.source, this.sourceColumn);
  }

  async show(uri: vscode.Uri, options: { toSide: boolean }): Promise<void> {
    // Opening the document makes the server read it, even if it was only
    // picked in the explorer.
    await vscode.workspace.openTextDocument(uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    this.sourceColumn = editor?.viewColumn ?? vscode.window.activeTextEditor?.viewColumn ?? this.sourceColumn;
    if (this.panel) {
      this.setSource(uri);
      this.panel.reveal(undefined, options.toSide);
      return;
    }
    const column = options.toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      vscode.l10n.t('Pitch Preview'),
      { viewColumn: column, preserveFocus: options.toSide },
      this.webviewOptions(),
    );
    this.attach(panel);
    this.setSource(uri);
  }

  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.panel?.dispose();
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
    const restored = parsePreviewState(state);
    let uri: vscode.Uri | undefined;
    try {
      uri = restored ? vscode.Uri.parse(restored.uri, true) : undefined;
    } catch {
      uri = undefined;
    }
    const active = vscode.window.activeTextEditor?.document;
    if (uri && isTdeFileName(uri.path)) {
      try {
        await vscode.workspace.openTextDocument(uri);
        this.setSource(uri);
        return;
      } catch (error) {
        this.log.warn(`Pitch preview: cannot reopen ${uri.toString(true)}: ${String(error)}`);
      }
    }
    if (isTdeDocument(active)) this.setSource(active.uri);
    else this.render();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.webviewReady = false;
    this.lastPosted = undefined;
    panel.iconPath = {
      light: vscode.Uri.joinPath(this.extensionUri, 'media', 'pitch-light.svg'),
      dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'pitch-dark.svg'),
    };
    panel.webview.html = previewHtml(panel.webview, this.extensionUri);
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.onMessage(raw)),
      panel.onDidChangeViewState(() => {
        void vscode.commands.executeCommand('setContext', 'tde.pitchPreviewFocus', panel.active);
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) this.detach();
      }),
    );
  }

  private detach(): void {
    vscode.Disposable.from(...this.panelDisposables).dispose();
    this.panelDisposables = [];
    this.panel = undefined;
    this.webviewReady = false;
    this.targets = undefined;
    this.feed.setInterest(FEED_OWNER, undefined);
    void vscode.commands.executeCommand('setContext', 'tde.pitchPreviewFocus', false);
  }

  private async follow(editor: vscode.TextEditor): Promise<void> {
    this.sourceColumn = editor.viewColumn;
    if (!this.isSource(editor.document.uri)) this.setSource(editor.document.uri);
  }

  private setSource(uri: vscode.Uri): void {
    this.source = uri;
    this.targets = undefined;
    this.feed.setInterest(FEED_OWNER, uri);
    this.render();
  }

  private isSource(uri: vscode.Uri): boolean {
    return this.source !== undefined && this.source.toString() === uri.toString();
  }

  private render(): void {
    const panel = this.panel;
    if (!panel) return;
    const source = this.source;
    const fileName = source ? baseName(source.path) : undefined;
    panel.title = fileName ? vscode.l10n.t('Pitch · {0}', fileName) : vscode.l10n.t('Pitch Preview');
    if (!this.webviewReady) return;

    let view: PreviewView;
    const info = source ? this.feed.get(source) : undefined;
    if (!source) {
      view = { kind: 'notice', text: vscode.l10n.t('Open a TDE project file (*.tde.yaml) to see its pitch here.') };
    } else if (info) {
      const showProblems = vscode.workspace.getConfiguration('tde', source).get<boolean>('validate.enable', true);
      const built = buildPreview(info, fileName ?? '', { showProblems, language: displayLanguage() });
      view = built.view;
      this.targets = built.targets;
    } else if (this.client.state === State.Stopped) {
      view = {
        kind: 'notice',
        fileName,
        text: vscode.l10n.t('The TDE language server is not running. Run "TDE: Restart Language Server" and check the "TDE" output for details.'),
      };
    } else if (this.client.state === State.Starting) {
      view = { kind: 'notice', fileName, text: vscode.l10n.t('Starting the TDE language server…') };
    } else if (this.feed.has(source)) {
      view = { kind: 'notice', fileName, text: vscode.l10n.t('The TDE language server has nothing to show for this file yet. Is it named *.tde.yaml?') };
    } else {
      view = { kind: 'notice', fileName, text: vscode.l10n.t('Reading the file…') };
    }
    const message: RenderMessage = { type: 'render', view, words: previewWords(), uri: source?.toString() };
    const serialized = JSON.stringify(message);
    if (serialized === this.lastPosted) return;
    this.lastPosted = serialized;
    void panel.webview.postMessage(message).then((delivered) => {
      if (!delivered && this.lastPosted === serialized) this.lastPosted = undefined;
    });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn('Pitch preview: ignored a message of unknown shape from the webview.');
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.log.error(`Pitch preview: ${message.type} failed: ${text}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('TDE: could not complete that from the preview ({0}).', text));
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    const source = this.source;
    switch (message.type) {
      case 'ready':
        this.webviewReady = true;
        this.lastPosted = undefined;
        this.render();
        return;
      case 'copyMarkdown':
        return copyPitchAsMarkdown(this.feed, source);
      case 'openSource':
        return this.showSource();
      case 'revealBlank':
        // Only blanks the preview was actually shown.
        if (source && this.targets?.blanks.includes(message.key)) {
          await revealBlank(this.client, source, message.key, this.sourceColumn, this.log);
        }
        return;
      case 'revealProblem': {
        const range = this.targets?.problems[message.index];
        if (source && range) await revealRange(source, range, this.sourceColumn);
        return;
      }
      case 'revealStep': {
        const range = this.targets?.steps[message.step];
        if (source && range) await revealRange(source, range, this.sourceColumn);
        return;
      }
    }
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
