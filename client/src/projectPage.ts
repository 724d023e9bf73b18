// "TDE: Open Project Page": the page the public site (`tde site`) publishes
// for the file, previewed beside it. The language server builds it from the
// text being edited, with the engine that builds the site, and the page is
// asked for again after each edit, so it always shows what the site would.
// The page carries its own strict policy: no script at all, and no style but
// the one inline under a nonce made for this page.
import * as vscode from 'vscode';
import { ProjectPageRequest, type ProjectPageParams, type ProjectPageResult } from '../../server/src/shared/protocol';
import type { TdeLanguageClient as LanguageClient } from './clientOptions';
import { displayLanguage } from './displayLanguage';

const VIEW_TYPE = 'tdeProjectPage';
/** Edits come in bursts: ask once the typing pauses. */
const REFRESH_DELAY_MS = 200;

function freshNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export class ProjectPagePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts requests, so that only the answer to the latest is shown. */
  private asked = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.uri && event.document.uri.toString() === this.uri.toString()) this.schedule();
      }),
    );
  }

  get shownFile(): vscode.Uri | undefined {
    return this.panel ? this.uri : undefined;
  }

  async show(uri: vscode.Uri, options: { toSide: boolean }): Promise<void> {
    this.uri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        vscode.workspace.asRelativePath(uri),
        { viewColumn: options.toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: options.toSide },
        { enableScripts: false, enableCommandUris: false, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        clearTimeout(this.timer);
      });
    } else {
      this.panel.reveal(undefined, options.toSide);
    }
    // The server must hold the file's text, even when it was picked in the explorer.
    await vscode.workspace.openTextDocument(uri);
    await this.refresh();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    const uri = this.uri;
    if (!uri || !this.panel) return;
    const ask = ++this.asked;
    const params: ProjectPageParams = { uri: uri.toString(), locale: displayLanguage(), nonce: freshNonce() };
    let page: ProjectPageResult | null;
    try {
      page = await this.client.sendRequest<ProjectPageResult | null>(ProjectPageRequest, params);
    } catch (error) {
      this.log.error(`The project page of ${uri.toString()} could not be built: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (ask !== this.asked || !this.panel || !page) return;
    this.panel.title = page.title;
    this.panel.webview.html = page.html;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
