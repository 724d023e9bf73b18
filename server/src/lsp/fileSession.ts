// What the file readers (files.ts, and files.browser.ts in the web build)
// need of the server's session: its log, and, on the web, the client to ask
// for files and the open documents. A Session is one; naming only this keeps the readers free of
// session.ts, which imports them.
import type { Connection } from 'vscode-languageserver';

export interface FileSession {
  readonly connection: Pick<Connection, 'sendRequest'>;
  readonly support: { readonly workspaceFiles: boolean };
  /** The open documents: their text is newer than the disk's. */
  readonly documents: { get(uri: string): { getText(): string } | undefined };
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /** The open workspace folders: `previous` and linked files stay inside them. */
  readonly workspaceFolders?: readonly { uri: string }[];
}
