// Creates the client side of the TDE language server (dist/server.js over
// IPC). The web build (esbuild.mjs) swaps in languageClient.browser.ts.
import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../server/src/shared/launch';
import { CLIENT_ID, CLIENT_NAME, createClientOptions } from './clientOptions';

export { CLIENT_ID, CLIENT_NAME, documentSelector } from './clientOptions';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      // Attach a debugger with "Attach to Node Process" on port 6009.
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] },
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, createClientOptions(outputChannel));
}

/** The server bundle's path when it is not there (an unbuilt checkout), else undefined. */
export function missingServer(context: vscode.ExtensionContext): string | undefined {
  const serverModule = context.asAbsolutePath('dist/server.js');
  return fs.existsSync(serverModule) ? undefined : serverModule;
}
