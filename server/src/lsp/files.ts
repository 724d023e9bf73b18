// How the language server reaches files other than the open documents: the
// `.tderc.yaml` in force and the files `project.previous` names. On Node it
// reads the disk. The web build (esbuild.mjs) swaps in files.browser.ts,
// which asks the client instead; the hooks that are no-ops here
// (bindFiles, prepareFiles, loadFile, refreshFiles) exist for it.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileHost } from '../engine';
import type { Session } from './session';

/** The file-system path of a `file:` URI, else undefined. */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const nodeFileHost: FileHost = {
  fileExists(path) {
    try {
      return fs.statSync(path).isFile();
    } catch {
      return false;
    }
  },
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** Called by each Session: nothing to do when the server reads the disk itself. */
export function bindFiles(_session: Session): void {}

/** Make what a check of this document will look up answerable synchronously (nothing to do on Node). */
export function prepareFiles(_session: Session, _uri: string): Promise<void> | undefined {
  return undefined;
}

/** Make `nodeFileHost.readFile(path)` answer with the file's current text (nothing to do on Node). */
export function loadFile(_path: string): Promise<void> | undefined {
  return undefined;
}

/** Files changed (watched-file events): forget what was read of them (nothing to do on Node). */
export function refreshFiles(_uris: string[]): Promise<void> | undefined {
  return undefined;
}

/** How to name a file to the client and in the log: its path. */
export function fileReference(path: string): string {
  return path;
}

/** A path as the file system compares it (macOS and Windows file systems usually ignore case). */
export function foldPathCase(path: string): string {
  return process.platform === 'linux' ? path : path.toLowerCase();
}
