// Where "New Project" offers to save when no folder is open: the home
// folder. The web build (esbuild.mjs) swaps in home.browser.ts.
import * as os from 'node:os';
import * as vscode from 'vscode';

export function homeFolder(): vscode.Uri | undefined {
  return vscode.Uri.file(os.homedir());
}
