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
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a TDE project file (*.tde.yaml) to start its next iteration.'));
    return undefined;
  }
  const name = baseName(earlier.path);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === earlier.toString());
  const eol = open ? (open.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n') : vscode.workspace.getConfiguration('files').get<string>('eol') === '\r\n' ? '\r\n' : '\n';
  const params: NextIterationParams = { uri: earlier.toString(), eol };
  const result: unknown = await client.sendRequest(NextIterationRequest, params);
  if (!isNextIterationResult(result)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('TDE: the language server could not prepare the next iteration of {0}. See "TDE: Show Output".', name));
    return undefined;
  }
  if (!result.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('TDE: cannot start the next iteration of {0}: {1}.', name, result.reason));
    return undefined;
  }
  if (!result.implementDone) {
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Implement is not done in {0} yet. Start iteration {1} anyway?', name, result.iteration),
      {
        modal: true,
        detail: vscode.l10n.t('A new iteration usually begins once the plan has been carried out. You can also start one earlier, for example when a step cannot go on.'),
      },
      vscode.l10n.t('Start Iteration {0}', result.iteration),
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
    void vscode.window.showErrorMessage(vscode.l10n.t('TDE: too many iterations of {0} in its folder already.', name));
    return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('TDE: could not write {0}: {1}', target.toString(true), error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  await vscode.window.showTextDocument(target, { preview: false });
  const first = result.fileNames[0];
  const picked = baseName(target.path);
  void vscode.window.showInformationMessage(
    picked === first
      ? vscode.l10n.t('TDE: started iteration {0} of {1} in {2}.', result.iteration, name, picked)
      : vscode.l10n.t('TDE: started iteration {0} of {1} in {2} ({3} was taken).', result.iteration, name, picked, first ?? ''),
  );
  return target;
}
