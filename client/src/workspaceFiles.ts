// Answers `tde/readFile` for the web extension's server, which has no file
// system of its own: through vscode.workspace.fs, so it works on any file
// system the editor has (github.dev, vscode.dev, Remote Repositories). What
// is read, and what is refused, is decided in readFileAnswer.ts.
import * as vscode from 'vscode';
import { readFileAnswerer, type WorkspaceFs } from './readFileAnswer';

const workspaceFs: WorkspaceFs = {
  async stat(uri) {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
    const kind = stat.type & vscode.FileType.Directory ? 'directory' : stat.type & vscode.FileType.File ? 'file' : 'other';
    return { kind, size: stat.size, mtime: stat.mtime };
  },
  readFile: (uri) => vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true)),
  isInWorkspace: (uri) => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri, true)) !== undefined,
};

export const readWorkspaceFile = readFileAnswerer(workspaceFs);

/** Whether anything is at `uri` in the workspace file system. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
