// How the language server reaches files other than the open documents: the
// `.tderc.yaml` in force, the files `project.previous` names, a closed file
// the preview shows. On Node it reads the disk. The web build (esbuild.mjs)
// swaps in workspaceFiles.browser.ts, which asks the client instead; the
// hooks that are no-ops here (prepare, load, refresh) exist for it. Each
// session creates its own, with its own log (so do tests).
//
// These files come from wherever the workspace came from (a pull request):
// each is read as strictly as the CLI reads a TDE file (decodeTdeBytes), and
// never more than MAX_FILE_BYTES of it. One that is too large, binary, UTF-16
// or not UTF-8 is unreadable: a log line says why (never what it holds), and
// the caller reports it as it reports any unreadable file.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeTdeBytes, MAX_FILE_BYTES, type FileHost } from '../engine';
import { isInsideFolder, treeFileVerdict, treeRootOf, type TreeFileVerdict } from '../engine/treeFiles';
import type { FileLog, WorkspaceFiles } from './fileSession';

/** The file-system path of a `file:` URI, else undefined. */
function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The disk, read as strictly as the CLI reads it, with the reasons a file was not read in `log`. */
export function createWorkspaceFiles(log: FileLog): WorkspaceFiles {
  /** Workspace folders as paths, where the session knows them (the checking thread does not: there the repository or the file's folder is the tree). */
  const workspaceFolders = () => (log.workspaceFolders ?? []).map((f) => fsPathOf(f.uri)).filter((p): p is string => p !== undefined);
  /** The tree a file belongs to: its repository, else the workspace folder holding it, else its own folder. */
  const treeRootFor = (path: string): string => {
    const folder = workspaceFolders().filter((f) => isInsideFolder(path, f)).sort((a, b) => b.length - a.length)[0];
    return treeRootOf(path, fs, folder);
  };
  const verdictOf = (path: string): TreeFileVerdict => treeFileVerdict(path, treeRootFor(path), fs, path);
  const warn = (message: string) => log.warn(message);
  const host: FileHost = {
    fileExists: (path) => verdictOf(path).kind !== 'missing',
    readFile(path) {
      const verdict = verdictOf(path);
      if (verdict.kind !== 'file') {
        if (verdict.kind === 'refused') warn(`not reading ${verdict.why}`);
        return undefined;
      }
      const bytes = readBounded(verdict.real, MAX_FILE_BYTES, warn);
      if (bytes === undefined) return undefined;
      const decoded = decodeTdeBytes(bytes);
      if (decoded.ok) return decoded.text;
      warn(`not reading ${path}: ${decoded.message}`);
      return undefined;
    },
    treeRoot: treeRootFor,
    whyNotRead(path) {
      const verdict = verdictOf(path);
      return verdict.kind === 'refused' ? verdict.why : undefined;
    },
  };
  return {
    host,
    pathOf: fsPathOf,
    // Nothing to fetch on Node: the disk answers synchronously.
    prepare: () => undefined,
    load: () => undefined,
    refresh: () => undefined,
    // A file is named by its path.
    reference: (path) => path,
    // macOS and Windows file systems usually ignore case.
    foldCase: (path) => (process.platform === 'linux' ? path : path.toLowerCase()),
  };
}

/**
 * The bytes of a regular file, or undefined when it is missing, not a file,
 * unreadable, or over `maxBytes`: its size is checked before anything is
 * read, and a file that grows while read is read no further than the limit.
 */
function readBounded(path: string, maxBytes: number, warn: (message: string) => void): Uint8Array | undefined {
  let fd: number;
  try {
    // Only a regular file is opened (a FIFO would block the open, a device might never end);
    // without blocking, should the path become a FIFO in between.
    if (!fs.statSync(path).isFile()) return undefined;
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (stat.size > maxBytes) {
      warn(`not reading ${path}: it is ${stat.size} bytes, over the ${maxBytes} bytes a file may be`);
      return undefined;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    // All of it in one read, as a rule; one byte more tells whether it grew past the limit.
    let want = stat.size + 1;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      want = 64 * 1024;
    }
    if (total > maxBytes) {
      warn(`not reading ${path}: it grew past the ${maxBytes} bytes a file may be while it was read`);
      return undefined;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
