// The floor as a language server: incremental sync, and on every change the
// floor's full re-check, published at once. The reference for what stdio
// and JSON cost on top of the floor itself.
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { floorCheck } from './floor.mjs';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent(({ document }) => {
  const diagnostics = floorCheck(document.getText()).map((p) => ({
    range: { start: { line: p.line - 1, character: p.col - 1 }, end: { line: p.line - 1, character: p.col - 1 } },
    message: p.message,
    source: 'floor',
  }));
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
});
documents.listen(connection);
connection.listen();
