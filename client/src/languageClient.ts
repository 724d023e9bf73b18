// Creates the client side of the TDE language server (dist/server.js over IPC).
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  vsdiag,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { TdeInitializationOptions } from '../../server/src/shared/protocol';
import { TDE_FILE_GLOB, TDE_LANGUAGE_ID, TDERC_GLOB } from './tdeFiles';

export const CLIENT_ID = 'tde';
export const CLIENT_NAME = 'TDE Language Server';

/**
 * Schemes whose TDE files the server checks: files on disk, new unsaved files
 * and Remote Repositories (virtual workspaces). Diff and git views are left
 * out on purpose, or every problem would be listed twice.
 */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'];

export const documentSelector: DocumentSelector = SCHEMES.flatMap((scheme) => [
  { scheme, pattern: TDE_FILE_GLOB },
  { scheme, language: TDE_LANGUAGE_ID },
]);

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      // Attach a debugger with "Attach to Node Process" on port 6009.
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };

  const initializationOptions: TdeInitializationOptions = {
    // configurationIssues.ts shows them, with an "Open file" action.
    handlesConfigurationIssues: true,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    initializationOptions,
    outputChannel,
    synchronize: {
      // The server reads `tde.*` (rules, validate.enable) per resource.
      configurationSection: 'tde',
      // A changed .tderc.yaml changes severities; a created, renamed or
      // deleted TDE file changes `missing-previous` in the files naming it.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(TDERC_GLOB),
        vscode.workspace.createFileSystemWatcher(TDE_FILE_GLOB),
      ],
    },
    diagnosticCollectionName: 'tde',
    middleware: {
      // `tde.validate.enable: false` hides the problems of that resource,
      // whichever diagnostic model (push or pull) the server uses.
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, validationEnabled(uri) ? diagnostics : []);
      },
      async provideDiagnostics(document, previousResultId, token, next) {
        const uri = document instanceof vscode.Uri ? document : document.uri;
        if (!validationEnabled(uri)) return { kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] };
        return next(document, previousResultId, token);
      },
    },
  };

  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

function validationEnabled(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('tde', uri).get<boolean>('validate.enable', true);
}
