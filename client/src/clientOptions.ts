// What the Node and the web language clients share: which documents the
// server gets, the settings and files it follows, and the middleware that
// honours `tde.validate.enable`. No Node API here (the web build uses it).
import * as vscode from 'vscode';
import { vsdiag, type BaseLanguageClient, type DocumentSelector, type LanguageClientOptions } from 'vscode-languageclient';
import type { TdeInitializationOptions } from '../../server/src/shared/protocol';
import { TDE_LANGUAGE_ID } from '../../server/src/shared/tdeFiles';
import { TDE_FILE_GLOB, TDERC_GLOB } from './tdeFiles';

/** Either client, as extension.ts uses it: the common API, and a restart (Node's own; the web one's stops and starts). */
export type TdeLanguageClient = BaseLanguageClient & { restart(): Promise<void> };

export const CLIENT_ID = 'tde';
export const CLIENT_NAME = 'TDE Language Server';

/**
 * Schemes whose TDE files the server checks: files on disk, new unsaved files
 * and Remote Repositories (virtual workspaces). Diff and git views are left
 * out on purpose, or every problem would be listed twice.
 */
export const SCHEMES = ['file', 'untitled', 'vscode-vfs'];

function selectorFor(schemes: readonly string[]): DocumentSelector {
  return schemes.flatMap((scheme) => [
    { scheme, pattern: TDE_FILE_GLOB },
    { scheme, language: TDE_LANGUAGE_ID },
  ]);
}

export const documentSelector: DocumentSelector = selectorFor(SCHEMES);

export function createClientOptions(
  outputChannel: vscode.LogOutputChannel,
  extra: { schemes?: readonly string[]; initializationOptions?: TdeInitializationOptions } = {},
): LanguageClientOptions {
  const initializationOptions: TdeInitializationOptions = {
    // configurationIssues.ts shows them, with an "Open file" action.
    handlesConfigurationIssues: true,
    ...extra.initializationOptions,
  };
  return {
    documentSelector: extra.schemes ? selectorFor(extra.schemes) : documentSelector,
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
}

function validationEnabled(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('tde', uri).get<boolean>('validate.enable', true);
}
