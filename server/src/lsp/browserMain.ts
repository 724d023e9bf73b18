// Entry point of the web extension's language server (dist/web/server.js):
// runs in a browser Worker that the VS Code client starts (vscode.dev,
// github.dev) and speaks LSP over postMessage. The same server as
// main.ts's; esbuild.mjs swaps in the `.browser.ts` modules (files, paths),
// so files are read through the client and no Node API is used. Checks run
// in this Worker, in-process.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './server';

// The Worker's global scope posts and receives messages as a MessagePort does
// (the project compiles with the DOM lib, which has no WebWorker types).
const scope = self as unknown as MessagePort & { close(): void };

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
// On Node the process exits; here the Worker closes (the client starts a new one to restart).
connection.onExit(() => scope.close());
startServer(connection);
