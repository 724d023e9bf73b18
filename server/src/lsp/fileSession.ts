// What the file readers (workspaceFiles.ts, and workspaceFiles.browser.ts in
// the web build) need of whoever creates them, and what they give back. A
// Session is a FileSession; the checking thread, which has no client, gives
// only a log. Naming only this keeps the readers free of session.ts, which
// creates them.
import type { Connection } from 'vscode-languageserver';
import type { FileHost } from '../engine';

/** Where the reasons a file was not read go, and the folders files are looked for in. */
export interface FileLog {
  warn(message: string): void;
  /** The open workspace folders: `previous` and linked files stay inside them. */
  readonly workspaceFolders?: readonly { uri: string }[];
}

/** A language server's session: its log, and, on the web, the client to ask for files and the open documents. */
export interface FileSession extends FileLog {
  readonly connection: Pick<Connection, 'sendRequest'>;
  readonly support: { readonly workspaceFiles: boolean };
  /** The open documents: their text is newer than the disk's. */
  readonly documents: { get(uri: string): { getText(): string } | undefined };
  error(message: string, error?: unknown): void;
}

/** How the server reaches files other than the open documents: one per session, created with its log. */
export interface WorkspaceFiles {
  /** The engine's view of those files. */
  readonly host: FileHost;
  /** The path of a document's URI, or undefined when it has none the server can read around. */
  pathOf(uri: string): string | undefined;
  /** Make what a check of this document will look up answerable synchronously. */
  prepare(uri: string): Promise<void> | undefined;
  /** Make `host.readFile(path)` answer with the file's current text. */
  load(path: string): Promise<void> | undefined;
  /** Files changed (watched-file events): forget what was read of them. */
  refresh(uris: string[]): Promise<void> | undefined;
  /** How to name a file to the client and in the log. */
  reference(path: string): string;
  /** A path as the file system compares it. */
  foldCase(path: string): string;
}
