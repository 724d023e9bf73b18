// Helpers for the tests that run inside VS Code: wait for events (with a
// deadline, never a blind sleep) and find things in the example folder.
import * as vscode from 'vscode';
import type { TdeExtensionApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'tde-tools.tde';
const DEFAULT_TIMEOUT_MS = 30_000;

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The tests need a workspace folder (runTest.mjs opens a copy of examples/).');
  return folder.uri;
}

export function exampleUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

export async function activateExtension(): Promise<TdeExtensionApi> {
  const extension = vscode.extensions.getExtension<TdeExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not loaded.`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/**
 * Resolves when `ready()` returns a value, checked now and after each event;
 * rejects after the deadline with `describe()` of the last state.
 */
export function waitFor<T>(
  event: vscode.Event<unknown>,
  ready: () => T | undefined,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const now = ready();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
    }, timeoutMs);
    const subscription = event(() => {
      const value = ready();
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    `${what} (now: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.code))})`,
  );
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export function positionOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = document.getText().indexOf(text, offset + 1);
    if (offset < 0) throw new Error(`"${text}" not found in ${document.uri.toString(true)}`);
  }
  return document.positionAt(offset);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}
