// Which documents are TDE project files. The file name decides, whatever
// language the editor gave the document (users may map *.yaml to `yaml`).
import type * as vscode from 'vscode';
import { isTdeFileName, TDE_LANGUAGE_ID } from '../../server/src/shared/tdeFiles';

export const TDE_FILE_GLOB = '**/*.tde.{yaml,yml}';
export const TDERC_GLOB = '**/.tderc.{yaml,yml}';

/** The last segment of a `/` path (a URI's path), as path.posix.basename gives it. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function isTdeDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  if (!document) return false;
  return document.languageId === TDE_LANGUAGE_ID || isTdeFileName(document.uri.path);
}
