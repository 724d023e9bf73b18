// The VS Code side of TDE: starts the language server, and adds the pitch
// preview, the current-step status bar item and the TDE commands. The same
// code is the web extension (dist/web/client.js), where esbuild.mjs swaps in
// the `.browser.ts` modules (the server in a Worker, files read through
// vscode.workspace.fs).
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import type { TdeLanguageClient as LanguageClient } from './clientOptions';
import { listenForConfigurationIssues } from './configurationIssues';
import { DocumentInfoFeed } from './documentInfoFeed';
import { createLanguageClient, missingServer } from './languageClient';
import { newProject } from './newProject/newProject';
import { copyPitchAsMarkdown, fileToShow, pickTdeFile, targetTdeFile } from './pitchCommands';
import { ProjectPagePreview } from './projectPage';
import { PitchPreview } from './preview/pitchPreview';
import { ProjectsView, type ProjectNode } from './projects/projectsView';
import { followServerLanguage } from './serverLanguage';
import { startNextIteration } from './projects/startNextIteration';
import { CurrentStepStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions and to its own tests. */
export interface TdeExtensionApi {
  /** Resolves once the language server has started (or failed to). */
  readonly ready: Promise<void>;
  /** The file the pitch preview shows, when it is open. */
  previewedFile(): vscode.Uri | undefined;
}

export function activate(context: vscode.ExtensionContext): TdeExtensionApi {
  const log = vscode.window.createOutputChannel('TDE', { log: true });
  context.subscriptions.push(log);

  client = createLanguageClient(context, log);
  const languageClient = client;
  const feed = new DocumentInfoFeed(languageClient, log);
  const preview = new PitchPreview(context.extensionUri, languageClient, feed, log);
  const statusBar = new CurrentStepStatusBar(feed);
  const projects = new ProjectsView(languageClient, log);
  const projectPage = new ProjectPagePreview(languageClient, log);
  context.subscriptions.push(feed, preview, statusBar, projects, projectPage, listenForConfigurationIssues(languageClient, log));
  context.subscriptions.push(vscode.window.createTreeView('tde.projects', { treeDataProvider: projects, showCollapseAll: true }));

  /** Whether the server is running again. */
  const restartServer = async (): Promise<boolean> => {
    log.info('Restarting the TDE language server.');
    try {
      if (languageClient.state === State.Stopped) await languageClient.start();
      else await languageClient.restart();
      return true;
    } catch (error) {
      reportStartFailure(log, error);
      return false;
    }
  };
  context.subscriptions.push(followServerLanguage(languageClient, restartServer));

  const openToSide = () => vscode.workspace.getConfiguration('tde').get<boolean>('preview.openToSide', true);

  context.subscriptions.push(
    vscode.commands.registerCommand('tde.openPitchPreview', async (resource?: unknown) => {
      const uri = await fileToShow(resource, preview.shownFile);
      if (uri) await preview.show(uri, { toSide: openToSide() });
    }),
    vscode.commands.registerCommand('tde.openProjectPage', async (resource?: unknown) => {
      const uri = await fileToShow(resource, projectPage.shownFile);
      if (uri) await projectPage.show(uri, { toSide: openToSide() });
    }),
    vscode.commands.registerCommand('tde.copyPitchAsMarkdown', async (resource?: unknown) =>
      copyPitchAsMarkdown(feed, targetTdeFile(resource, preview.shownFile) ?? (await pickTdeFile())),
    ),
    vscode.commands.registerCommand('tde.showPitchSource', () => preview.showSource()),
    vscode.commands.registerCommand('tde.newProject', (argument?: unknown) => newProject(argument)),
    vscode.commands.registerCommand('tde.restartServer', async () => {
      if (await restartServer()) void vscode.window.showInformationMessage(vscode.l10n.t('TDE: the language server is running again.'));
    }),
    vscode.commands.registerCommand('tde.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('tde.startNextIteration', (argument?: unknown) => startNextIteration(languageClient, argument)),
    vscode.commands.registerCommand('tde.projects.refresh', () => projects.refresh()),
    vscode.commands.registerCommand('tde.projects.openPitchPreview', (node: ProjectNode) => vscode.commands.executeCommand('tde.openPitchPreview', node.uri)),
    vscode.commands.registerCommand('tde.projects.openProjectPage', (node: ProjectNode) => vscode.commands.executeCommand('tde.openProjectPage', node.uri)),
  );

  const ready = startServer(context, languageClient, log);
  return { ready, previewedFile: () => preview.shownFile };
}

async function startServer(context: vscode.ExtensionContext, languageClient: LanguageClient, log: vscode.LogOutputChannel): Promise<void> {
  const serverModule = missingServer(context);
  if (serverModule) {
    log.error(`The TDE language server is missing (${serverModule}). Build it with "npm run build".`);
    void vscode.window.showErrorMessage(vscode.l10n.t('TDE: The TDE language server is missing ({0}). Build it with "npm run build".', serverModule));
    return;
  }
  try {
    await languageClient.start();
  } catch (error) {
    reportStartFailure(log, error);
  }
}

function reportStartFailure(log: vscode.LogOutputChannel, error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  log.error(`The TDE language server could not start: ${text}`);
  void vscode.window.showErrorMessage(vscode.l10n.t('TDE: the language server could not start ({0}).', text), vscode.l10n.t('Show Output')).then((choice) => {
    if (choice) log.show(true);
  });
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running && running.needsStop()) await running.stop();
}
