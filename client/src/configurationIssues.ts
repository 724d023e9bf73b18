// Shows `tde/configurationIssues` (a .tderc.yaml the server could not use as
// written) as a warning with an "Open file" action. The same issues are shown
// once, not again on every reload; all of them go to the output channel.
// `line` is 1-based, as the engine's configuration issues are.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ConfigurationIssuesNotification, type ConfigurationIssues } from '../../server/src/shared/protocol';
import { isConfigurationIssues } from './protocolGuards';
import { baseName } from './tdeFiles';

export function listenForConfigurationIssues(client: LanguageClient, log: vscode.LogOutputChannel): vscode.Disposable {
  const shown = new Map<string, string>();
  return client.onNotification(ConfigurationIssuesNotification, (params: unknown) => {
    if (!isConfigurationIssues(params)) {
      log.warn(`${ConfigurationIssuesNotification}: ignoring a notification of unexpected shape.`);
      return;
    }
    const signature = JSON.stringify(params.issues);
    if (params.issues.length === 0) {
      shown.delete(params.file);
      return;
    }
    if (shown.get(params.file) === signature) return;
    shown.set(params.file, signature);
    void showIssues(params, log);
  });
}

/** The notification names a file by URI or by path; accept both. */
function configurationFileUri(file: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(file) ? vscode.Uri.parse(file, true) : vscode.Uri.file(file);
}

async function showIssues(params: ConfigurationIssues, log: vscode.LogOutputChannel): Promise<void> {
  const uri = configurationFileUri(params.file);
  const name = baseName(uri.path) || params.file;
  for (const issue of params.issues) {
    log.warn(`${uri.fsPath || params.file}${issue.line !== undefined ? `:${issue.line}` : ''}: ${issue.message}`);
  }
  const first = params.issues[0]!;
  const issue = first.message.replace(/\.\s*$/, '');
  const more = params.issues.length - 1;
  const text =
    first.line === undefined
      ? more > 0
        ? vscode.l10n.t('TDE: {0}: {1} (and {2} more).', name, issue, more)
        : vscode.l10n.t('TDE: {0}: {1}.', name, issue)
      : more > 0
        ? vscode.l10n.t('TDE: {0} line {1}: {2} (and {3} more).', name, first.line, issue, more)
        : vscode.l10n.t('TDE: {0} line {1}: {2}.', name, first.line, issue);
  const openFile = vscode.l10n.t('Open file');
  const choice = await vscode.window.showWarningMessage(text, openFile);
  if (choice !== openFile) return;
  const line = first.line !== undefined ? Math.max(0, first.line - 1) : 0;
  await vscode.window.showTextDocument(uri, { preview: false, selection: new vscode.Range(line, 0, line, 0) });
}
