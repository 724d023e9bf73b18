// languageClient.ts for the web extension (esbuild.mjs swaps it in): the
// server (dist/web/server.js) runs in a Worker, and reads `.tderc.yaml` and
// the files `project.previous` names through this client (`tde/readFile`,
// answered with vscode.workspace.fs), since a Worker has no file system.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { ReadFileRequest } from '../../server/src/shared/protocol';
import { CLIENT_ID, CLIENT_NAME, createClientOptions, SCHEMES } from './clientOptions';
import { readWorkspaceFile } from './workspaceFiles';

export { CLIENT_ID, CLIENT_NAME, documentSelector } from './clientOptions';

/** Besides the desktop's schemes: the file system of `@vscode/test-web`, where web extensions are tried out. */
const WEB_SCHEMES = [...SCHEMES, 'vscode-test-web'];

/** The browser client, with the restart the Node client has. */
class WebLanguageClient extends LanguageClient {
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): WebLanguageClient {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  let worker: Worker | undefined;
  // A new Worker per start: the server closes its Worker on `exit`, so a restart needs a fresh one.
  const startWorker = async (): Promise<Worker> => {
    worker?.terminate();
    worker = new Worker(serverMain.toString(true));
    return worker;
  };
  const client = new WebLanguageClient(
    CLIENT_ID,
    CLIENT_NAME,
    startWorker,
    createClientOptions(outputChannel, { schemes: WEB_SCHEMES, initializationOptions: { workspaceFiles: true } }),
  );
  client.onRequest(ReadFileRequest, readWorkspaceFile);
  return client;
}

/** The Worker's script is part of the extension; a failure to load it surfaces when the client starts. */
export function missingServer(_context: vscode.ExtensionContext): string | undefined {
  return undefined;
}
