// What every feature module shares: the connection, the open documents, what
// the client can do, and the guard that keeps one failing handler from
// taking the server down.
import type { Language } from '../shared/l10n';
import {
  CancellationToken,
  InsertTextMode,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TdeInitializationOptions } from '../shared/protocol';
import { DocumentChanges } from './documentChanges';
import type { WorkspaceFiles } from './fileSession';
import { createWorkspaceFiles } from './workspaceFiles';
import { isTdeFileName as isTdeFile, TDE_LANGUAGE_ID } from '../shared/tdeFiles';


interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  configurationDynamic: boolean;
  workspaceFolders: boolean;
  watchedFilesDynamic: boolean;
  relatedInformation: boolean;
  diagnosticData: boolean;
  snippets: boolean;
  completionMarkdown: boolean;
  insertReplace: boolean;
  insertTextModeAsIs: boolean;
  hoverMarkdown: boolean;
  hierarchicalSymbols: boolean;
  codeActionLiterals: boolean;
  documentChanges: boolean;
  prepareRename: boolean;
  /** Whether the client shows `tde/configurationIssues` itself (else the server shows a message). */
  handlesConfigurationIssues: boolean;
  /** Whether the client answers `tde/readFile` (the web build's server reads files through it). */
  workspaceFiles: boolean;
}

export function readClientSupport(caps: ClientCapabilities, options: TdeInitializationOptions = {}): ClientSupport {
  const text = caps.textDocument ?? {};
  const workspace = caps.workspace ?? {};
  const item = text.completion?.completionItem ?? {};
  return {
    pullDiagnostics: !!text.diagnostic && options.diagnosticMode !== 'push',
    diagnosticRefresh: !!workspace.diagnostics?.refreshSupport,
    configuration: !!workspace.configuration,
    configurationDynamic: !!workspace.didChangeConfiguration?.dynamicRegistration,
    workspaceFolders: !!workspace.workspaceFolders,
    watchedFilesDynamic: !!workspace.didChangeWatchedFiles?.dynamicRegistration,
    relatedInformation: !!(text.publishDiagnostics?.relatedInformation ?? text.diagnostic?.relatedInformation),
    diagnosticData: !!(text.publishDiagnostics?.dataSupport ?? text.diagnostic?.dataSupport),
    snippets: !!item.snippetSupport,
    completionMarkdown: !!item.documentationFormat?.includes(MarkupKind.Markdown),
    insertReplace: !!item.insertReplaceSupport,
    insertTextModeAsIs: !!item.insertTextModeSupport?.valueSet?.includes(InsertTextMode.asIs),
    hoverMarkdown: !!text.hover?.contentFormat?.includes(MarkupKind.Markdown),
    hierarchicalSymbols: !!text.documentSymbol?.hierarchicalDocumentSymbolSupport,
    codeActionLiterals: !!text.codeAction?.codeActionLiteralSupport,
    documentChanges: !!workspace.workspaceEdit?.documentChanges,
    prepareRename: !!text.rename?.prepareSupport,
    handlesConfigurationIssues: !!options.handlesConfigurationIssues,
    workspaceFiles: !!options.workspaceFiles,
  };
}


/** The file name part of a URI, decoded. */
function baseNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function isTdeFileName(uri: string): boolean {
  return isTdeFile(baseNameOf(uri));
}

/** A document is ours by its name (`*.tde.yaml`), whatever language id the client gives it, or by our language id. */
export function isTdeDocument(document: { uri: string; languageId: string }): boolean {
  return document.languageId === TDE_LANGUAGE_ID || isTdeFileName(document.uri);
}

export class Session {
  /** The client's edits as it sent them, for the checking thread. */
  readonly changes = new DocumentChanges();
  readonly documents = new TextDocuments(this.changes.configuration);
  support: ClientSupport = readClientSupport({});
  workspaceFolders: WorkspaceFolder[] = [];
  /** The language of what the server says (problems, hover, completion), from the client's `locale` at initialize. */
  language: Language = 'en';
  /** The files around the open documents: the disk on Node; on the web, what the client sends (workspaceFiles.browser.ts). */
  readonly files: WorkspaceFiles;

  constructor(readonly connection: Connection) {
    this.files = createWorkspaceFiles(this);
    this.documents.onDidClose(({ document }) => this.changes.forget(document.uri));
  }

  /** An open document that the server handles, or undefined. */
  tdeDocument(uri: string): TextDocument | undefined {
    const document = this.documents.get(uri);
    return document && isTdeDocument(document) ? document : undefined;
  }

  openTdeDocuments(): TextDocument[] {
    return this.documents.all().filter(isTdeDocument);
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  warn(message: string): void {
    this.connection.console.warn(message);
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error === undefined ? '' : String(error);
    this.connection.console.error(detail ? `${message}: ${detail}` : message);
  }

  /**
   * Wraps a request handler: a thrown error is logged and answered with the
   * empty result, a cancelled request with the LSP cancellation error, and a
   * deliberate ResponseError (a refused rename) reaches the client as is.
   */
  guard<P, R>(
    name: string,
    empty: R,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
    // `any`: each request type declares its own error data.
  ): (params: P, token: CancellationToken) => Promise<R | ResponseError<any>> {
    return async (params, token = CancellationToken.None) => {
      try {
        if (token.isCancellationRequested) return cancelled();
        const result = await handler(params, token);
        if (token.isCancellationRequested) return cancelled();
        return result;
      } catch (error) {
        if (error instanceof ResponseError) return error;
        this.error(`${name} failed`, error);
        return empty;
      }
    };
  }

  /** Wraps a notification handler so that it logs instead of throwing. */
  guardNotification<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      try {
        const result = handler(params);
        if (result instanceof Promise) result.catch((error) => this.error(`${name} failed`, error));
      } catch (error) {
        this.error(`${name} failed`, error);
      }
    };
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
