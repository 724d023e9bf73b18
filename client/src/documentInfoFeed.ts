// Keeps `tde/documentInfo` fresh for the documents the preview and the status
// bar show: refetched shortly after typing stops, when the problems change
// (a .tderc.yaml or setting edit) and when the server (re)starts. A response
// that a newer request has overtaken is dropped, so stale info never wins.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DocumentInfoRequest, type DocumentInfo, type DocumentInfoParams } from '../../server/src/shared/protocol';
import { isDocumentInfo } from './protocolGuards';
import { displayLanguage } from './displayLanguage';

/** Long enough to skip most keystrokes, short enough to feel live. */
const TYPING_DELAY_MS = 250;
const PROBLEMS_DELAY_MS = 50;

interface DocumentInfoUpdate {
  uri: vscode.Uri;
  /** undefined when the server has nothing for the document (or is not running). */
  info: DocumentInfo | undefined;
}

interface Pending {
  seq: number;
  timer?: ReturnType<typeof setTimeout>;
  cancel?: vscode.CancellationTokenSource;
}

export class DocumentInfoFeed implements vscode.Disposable {
  /** Who wants which document: 'preview' → uri, 'statusBar' → uri. */
  private readonly interests = new Map<string, vscode.Uri>();
  private readonly latest = new Map<string, DocumentInfo | undefined>();
  private readonly pending = new Map<string, Pending>();
  private readonly emitter = new vscode.EventEmitter<DocumentInfoUpdate>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  readonly onDidUpdate = this.emitter.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isWatched(event.document.uri)) {
          this.schedule(event.document.uri, TYPING_DELAY_MS);
        }
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) {
          if (this.isWatched(uri) && !this.pending.get(uri.toString())?.timer) this.schedule(uri, PROBLEMS_DELAY_MS);
        }
      }),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.refreshAll();
      }),
    );
  }

  /** Declares (or with undefined, withdraws) what `owner` wants kept fresh. */
  setInterest(owner: string, uri: vscode.Uri | undefined): void {
    if (uri) {
      this.interests.set(owner, uri);
      if (!this.latest.has(uri.toString())) this.schedule(uri, 0);
    } else {
      this.interests.delete(owner);
    }
    // Forget documents nobody shows any more.
    const wanted = new Set([...this.interests.values()].map((u) => u.toString()));
    for (const key of [...this.latest.keys()]) if (!wanted.has(key)) this.latest.delete(key);
  }

  /** The last info received for the document, if any. */
  get(uri: vscode.Uri): DocumentInfo | undefined {
    return this.latest.get(uri.toString());
  }

  /** Whether an answer (possibly "nothing") has come for the document. */
  has(uri: vscode.Uri): boolean {
    return this.latest.has(uri.toString());
  }

  refreshAll(): void {
    for (const uri of new Set(this.interests.values())) this.schedule(uri, 0);
  }

  /** Fetches now, bypassing the debounce (for commands such as Copy Pitch). */
  async fetchNow(uri: vscode.Uri): Promise<DocumentInfo | undefined> {
    const key = uri.toString();
    const pending = this.bump(key);
    const info = await this.request(uri, pending);
    if (pending.seq === this.pending.get(key)?.seq) this.deliver(uri, info);
    return info;
  }

  private isWatched(uri: vscode.Uri): boolean {
    const key = uri.toString();
    for (const wanted of this.interests.values()) if (wanted.toString() === key) return true;
    return false;
  }

  /** Starts a new generation for the document, cancelling the one before. */
  private bump(key: string): Pending {
    const previous = this.pending.get(key);
    if (previous?.timer) clearTimeout(previous.timer);
    previous?.cancel?.cancel();
    previous?.cancel?.dispose();
    const next: Pending = { seq: (previous?.seq ?? 0) + 1 };
    this.pending.set(key, next);
    return next;
  }

  private schedule(uri: vscode.Uri, delay: number): void {
    const key = uri.toString();
    const pending = this.bump(key);
    pending.timer = setTimeout(async () => {
      pending.timer = undefined;
      const info = await this.request(uri, pending);
      // A newer edit or request started meanwhile: its answer is the one to show.
      if (pending.seq !== this.pending.get(key)?.seq) return;
      this.deliver(uri, info);
    }, delay);
  }

  private async request(uri: vscode.Uri, pending: Pending): Promise<DocumentInfo | undefined> {
    if (this.client.state !== State.Running) return undefined;
    pending.cancel = new vscode.CancellationTokenSource();
    const params: DocumentInfoParams = { uri: this.client.code2ProtocolConverter.asUri(uri), locale: displayLanguage() };
    try {
      const result: unknown = await this.client.sendRequest(DocumentInfoRequest, params, pending.cancel.token);
      if (result == null) return undefined;
      if (!isDocumentInfo(result)) {
        this.log.warn(`${DocumentInfoRequest}: ignoring a response of unexpected shape for ${uri.toString(true)}`);
        return undefined;
      }
      return result;
    } catch (error) {
      if (!pending.cancel.token.isCancellationRequested) {
        this.log.warn(`${DocumentInfoRequest} failed for ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return undefined;
    }
  }

  private deliver(uri: vscode.Uri, info: DocumentInfo | undefined): void {
    const key = uri.toString();
    const previous = this.latest.get(key);
    // Never go back to an older version of the document.
    if (info && previous && info.version < previous.version) return;
    if (this.isWatched(uri)) this.latest.set(key, info);
    this.emitter.fire({ uri, info });
  }

  dispose(): void {
    for (const pending of this.pending.values()) {
      if (pending.timer) clearTimeout(pending.timer);
      pending.cancel?.dispose();
    }
    this.pending.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
