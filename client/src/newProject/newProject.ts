// "TDE: New Project": asks for the title and the place, writes a starter file
// next to the active TDE file (or at the workspace folder's root) under a
// kebab-case name from the title, never over an existing file, and opens it.
import * as vscode from 'vscode';
import { isTdeFileName } from '../../../server/src/shared/tdeFiles';
import { exists } from '../workspaceFiles';
import { baseName, isTdeDocument } from '../tdeFiles';
import { homeFolder } from './home';
import { starterProject } from '../../../server/src/shared/starterProject';
import { projectFileNames } from './starter';

/** Arguments a walkthrough link or a test may pass; each is checked. */
interface NewProjectArguments {
  title?: string;
  place?: string;
  folder?: vscode.Uri;
}

const MAX_INPUT = 200;

function validText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_INPUT && !/[\r\n]/.test(value);
}

function parseArguments(argument: unknown): NewProjectArguments {
  if (typeof argument !== 'object' || argument === null || argument instanceof vscode.Uri) {
    return argument instanceof vscode.Uri ? { folder: argument } : {};
  }
  const raw = argument as Record<string, unknown>;
  return {
    title: validText(raw.title) ? raw.title : undefined,
    place: validText(raw.place) ? raw.place : undefined,
    folder: raw.folder instanceof vscode.Uri ? raw.folder : undefined,
  };
}

function validateInput(what: 'title' | 'place') {
  return (value: string) => {
    if (!value.trim()) return what === 'title' ? vscode.l10n.t('The title is required.') : vscode.l10n.t('The place is required.');
    if (value.length > MAX_INPUT) {
      return what === 'title'
        ? vscode.l10n.t('Keep the title under {0} characters.', MAX_INPUT)
        : vscode.l10n.t('Keep the place under {0} characters.', MAX_INPUT);
    }
    return undefined;
  };
}

export async function newProject(argument?: unknown): Promise<vscode.Uri | undefined> {
  const args = parseArguments(argument);
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New TDE Project (1/2)'),
      prompt: vscode.l10n.t('Project title: what the project is about, in a few words'),
      placeHolder: vscode.l10n.t('e.g. Eviction filings data for tenants and the people who help them'),
      ignoreFocusOut: true,
      validateInput: validateInput('title'),
    }));
  if (!title?.trim()) return undefined;
  const place =
    args.place ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New TDE Project (2/2)'),
      prompt: vscode.l10n.t('Place: the city, county or agency running the project'),
      placeHolder: vscode.l10n.t('e.g. City of Riverton'),
      ignoreFocusOut: true,
      validateInput: validateInput('place'),
    }));
  if (!place?.trim()) return undefined;

  const eol = vscode.workspace.getConfiguration('files').get<string>('eol') === '\r\n' ? '\r\n' : '\n';
  const content = starterProject({ title, place, started: new Date(), door: 'editor', eol });

  const chosen = await chooseTarget(title, args.folder);
  if (!chosen) return undefined;
  const { target, taken } = chosen;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('TDE: could not write {0}: {1}', target.toString(true), error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(target, { preview: false });
  if (taken) void vscode.window.showInformationMessage(vscode.l10n.t('TDE: {0} is already taken in this folder, so the new project is {1}.', taken, baseName(target.path)));
  // Put the cursor on Find's status: the first thing to change.
  const statusLine = editor.document.getText().split(/\r?\n/).findIndex((line) => line.startsWith('  status:'));
  if (statusLine >= 0) {
    const end = editor.document.lineAt(statusLine).range.end;
    const start = end.translate(0, -'not-started'.length);
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end));
  }
  return target;
}

/** Where to write; `taken` names the first choice when another name had to be used. */
async function chooseTarget(title: string, folder: vscode.Uri | undefined): Promise<{ target: vscode.Uri; taken?: string } | undefined> {
  const directory = folder ?? (await defaultDirectory());
  if (directory === 'cancelled') return undefined;
  if (!directory) {
    // No folder open: let the user choose where, still never over a file.
    const first = projectFileNames(title).next().value as string;
    const home = homeFolder();
    let picked = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the new TDE project'),
      defaultUri: home ? vscode.Uri.joinPath(home, first) : undefined,
      filters: { [vscode.l10n.t('TDE project')]: ['yaml', 'yml'] },
      saveLabel: vscode.l10n.t('Create'),
    });
    if (!picked) return undefined;
    // The server and the language only know *.tde.yaml files.
    if (!isTdeFileName(picked.path)) picked = picked.with({ path: picked.path.replace(/(\.ya?ml)?$/i, '.tde.yaml') });
    if (await exists(picked)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('TDE: {0} already exists; New Project never overwrites a file. Choose another name.', picked.toString(true)));
      return undefined;
    }
    return { target: picked };
  }
  let first: string | undefined;
  for (const name of projectFileNames(title)) {
    first ??= name;
    const candidate = vscode.Uri.joinPath(directory, name);
    if (!(await exists(candidate))) return name === first ? { target: candidate } : { target: candidate, taken: first };
  }
  void vscode.window.showErrorMessage(vscode.l10n.t('TDE: too many projects with this title in the folder; choose another title.'));
  return undefined;
}

async function defaultDirectory(): Promise<vscode.Uri | 'cancelled' | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (isTdeDocument(active) && !active.isUntitled && vscode.workspace.getWorkspaceFolder(active.uri)) {
    return vscode.Uri.joinPath(active.uri, '..');
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  if (folders.length === 1) return folders[0]!.uri;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for the new TDE project') });
  return picked?.uri ?? 'cancelled';
}
