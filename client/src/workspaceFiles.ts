// Answers `tde/readFile` for the web extension's server, which has no file
// system of its own: through vscode.workspace.fs, so it works on any file
// system the editor has (github.dev, vscode.dev, Remote Repositories).
// Any failure (not found, no permission, an unknown scheme) is `missing`.
import * as vscode from 'vscode';
import type { ReadFileParams, ReadFileResult } from '../../server/src/shared/protocol';

function isReadFileParams(value: unknown): value is ReadFileParams {
  if (typeof value !== 'object' || value === null) return false;
  const params = value as Record<string, unknown>;
  return typeof params.uri === 'string' && typeof params.text === 'boolean';
}

export async function readWorkspaceFile(params: unknown): Promise<ReadFileResult> {
  if (!isReadFileParams(params)) return { type: 'missing' };
  try {
    const uri = vscode.Uri.parse(params.uri, true);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { type: 'directory' };
    if (!(stat.type & vscode.FileType.File)) return { type: 'missing' };
    if (!params.text) return { type: 'file' };
    const bytes = await vscode.workspace.fs.readFile(uri);
    // As the Node server reads files: invalid bytes replaced, a byte order mark kept.
    return { type: 'file', text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  } catch {
    return { type: 'missing' };
  }
}
