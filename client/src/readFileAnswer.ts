// How the web extension answers `tde/readFile` (workspaceFiles.ts is the
// vscode.workspace.fs side). The files come from wherever the workspace came
// from (a pull request on github.dev), so they are read as the Node server
// reads the disk (server/src/lsp/workspaceFiles.ts): the size checked before a byte is
// read, then strict UTF-8 (decodeTdeBytes). Text decoded leniently would turn
// invalid bytes into U+FFFD, which the server cannot tell from a file that
// holds U+FFFD; a file it must not read is sent as `unreadable`, with why.
import { decodeTdeBytes, MAX_FILE_BYTES } from '../../server/src/engine/bytes';
import type { ReadFileParams, ReadFileResult } from '../../server/src/shared/protocol';

export interface WorkspaceFileStat {
  kind: 'file' | 'directory' | 'other';
  size: number;
  mtime: number;
}

/** What the answer needs of the editor's file system; errors (not found, no permission, an unknown scheme) are thrown. */
export interface WorkspaceFs {
  stat(uri: string): PromiseLike<WorkspaceFileStat>;
  readFile(uri: string): PromiseLike<Uint8Array>;
  /** Whether the URI is inside one of the open workspace folders (same scheme and authority, below its path). */
  isInWorkspace(uri: string): boolean;
}

function isReadFileParams(value: unknown): value is ReadFileParams {
  if (typeof value !== 'object' || value === null) return false;
  const params = value as Record<string, unknown>;
  return typeof params.uri === 'string' && typeof params.text === 'boolean';
}

/** Refusals remembered per URI while the file is unchanged: a server may ask again before each check. */
const MAX_REMEMBERED = 64;

/** The `tde/readFile` handler over a file system; any failure is `missing`. */
export function readFileAnswerer(fs: WorkspaceFs): (params: unknown) => Promise<ReadFileResult> {
  const refused = new Map<string, { size: number; mtime: number; why: string }>();
  return async (params) => {
    if (!isReadFileParams(params)) return { type: 'missing' };
    // The server asks for what a file names (`previous`): never outside the
    // workspace, whatever the path climbs to, and never another scheme or repository.
    if (!isConfined(params.uri) || !fs.isInWorkspace(params.uri)) return { type: 'missing' };
    try {
      const stat = await fs.stat(params.uri);
      if (stat.kind === 'directory') return { type: 'directory' };
      if (stat.kind !== 'file') return { type: 'missing' };
      if (!params.text) return { type: 'file' };
      const known = refused.get(params.uri);
      if (known && known.size === stat.size && known.mtime === stat.mtime) return { type: 'file', unreadable: known.why };
      const why = stat.size > MAX_FILE_BYTES ? `it is ${stat.size} bytes, over the ${MAX_FILE_BYTES} bytes a file may be` : undefined;
      const answer = why === undefined ? fileText(await fs.readFile(params.uri)) : { type: 'file' as const, unreadable: why };
      if (answer.unreadable === undefined) {
        refused.delete(params.uri);
      } else {
        if (refused.size >= MAX_REMEMBERED) refused.clear();
        refused.set(params.uri, { size: stat.size, mtime: stat.mtime, why: answer.unreadable });
      }
      return answer;
    } catch {
      return { type: 'missing' };
    }
  };
}

/** A URI with no `..` or `.` segment and no encoded separator, so what it names is what it says. */
function isConfined(uri: string): boolean {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?$/i.exec(uri);
  if (!match) return false;
  return (match[1] ?? '/').split('/').every((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    return decoded !== '..' && decoded !== '.' && !/[/\\]/.test(decoded);
  });
}

/** A file's bytes as the server may take them: its text, or why not (a byte order mark is kept, as on Node). */
export function fileText(bytes: Uint8Array): ReadFileResult & { type: 'file' } {
  const decoded = decodeTdeBytes(bytes);
  return decoded.ok ? { type: 'file', text: decoded.text } : { type: 'file', unreadable: decoded.message };
}
