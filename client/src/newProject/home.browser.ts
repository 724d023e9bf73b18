// home.ts for the web extension: a browser has no home folder; the save
// dialog then starts where the editor chooses.
import type * as vscode from 'vscode';

export function homeFolder(): vscode.Uri | undefined {
  return undefined;
}
