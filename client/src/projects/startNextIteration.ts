// "TDE: Start Next Iteration": asks the server for the next iteration of a
// TDE file (the same text as `tde init --next`), writes it beside the file
// under the first free name, and opens it.
import * as vscode from 'vscode';
import { exists } from '../workspaceFiles';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { NextIterationRequest, type NextIterationParams, type NextIterationResult } from '../../../server/src/shared/protocol';
import { baseName } from '../tdeFiles';
import { pickTdeFile, targetTdeFile } from '../pitchCommands';

function isNextIterationResult(value: unknown): value is NextIterationResult {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  if (result.ok === false) return typeof result.reason === 'string';
  return result.ok === true && typeof result.text === 'string' && typeof result.iteration === 'number' &&
    Array.isArray(result.fileNames) && result.fileNames.every((name) => typeof name === 'string' && /^[^/\\]+$/.test(name));
}

/** `argument`: a file's URI (explorer, editor title), a TDE Projects item (`{ uri }`), or nothing (the active file). */
export async function startNextIteration(client: LanguageClient, argument?: unknown): Promise<vscode.Uri | undefined> {
  const given = argument && typeof argument === 'object' && 'uri' in argument ? (argument as { uri: unknown }).uri : argument;
  const earlier = targetTdeFile(given) ?? (await pickTdeFile());
  if (!earlier) {
    void vscode.window.showInformationMessage('Open a TDE project file (*.tde.yaml) to start its next iteration.');
    return undefined;
  }
  const name = baseName(earlier.path);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === earlier.toString());
  const eol = open ? (open.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n') : vscode.workspace.getConfiguration('files').get<string>('eol') === '\r\n' ? '\r\n' : '\n';
  const params: NextIterationParams = { uri: earlier.toString(), eol };
  const result: unknown = await client.sendRequest(NextIterationRequest, params);
  if (!isNextIterationResult(result)) {
    void vscode.window.showErrorMessage(`TDE: the language server could not prepare the next iteration of ${name}. See "TDE: Show Output".`);
    return undefined;
  }
  if (!result.ok) {
    void vscode.window.showErrorMessage(`TDE: cannot start the next iteration of ${name}: ${result.reason}.`);
    return undefined;
  }
  if (!result.implementDone) {
    const choice = await vscode.window.showWarningMessage(
      `Implement is not done in ${name} yet. Start iteration ${result.iteration} anyway?`,
      { modal: true, detail: 'A new iteration usually begins once the plan has been carried out. You can also start one earlier, for example when a step cannot go on.' },
      'Start Iteration ' + result.iteration,
    );
    if (!choice) return undefined;
  }
  const folder = vscode.Uri.joinPath(earlier, '..');
  let target: vscode.Uri | undefined;
  for (const fileName of result.fileNames) {
    const candidate = vscode.Uri.joinPath(folder, fileName);
    if (!(await exists(candidate))) {
      target = candidate;
      break;
    }
  }
  if (!target) {
    void vscode.window.showErrorMessage(`TDE: too many iterations of ${name} in its folder already.`);
    return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  } catch (error) {
    void vscode.window.showErrorMessage(`TDE: could not write ${target.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  await vscode.window.showTextDocument(target, { preview: false });
  const first = result.fileNames[0];
  const picked = baseName(target.path);
  void vscode.window.showInformationMessage(
    picked === first
      ? `TDE: started iteration ${result.iteration} of ${name} in ${picked}.`
      : `TDE: started iteration ${result.iteration} of ${name} in ${picked} (${first} was taken).`,
  );
  return target;
}
