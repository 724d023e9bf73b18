// Reading a TDE file's bytes: strict UTF-8 within the size limit, through the
// engine's decoder. A file that cannot be decoded is not an I/O failure of
// the run: it becomes one problem on that file, at the first bad byte, so the
// other files are still checked and CI shows where the trouble is.
import { decodeTdeBytes, LineIndex, MAX_FILE_BYTES, oversizeMessage, ruleDocsUrl } from '../engine';
import { treeFileVerdict, treeRootOf } from '../engine/treeFiles';
import { CliError, describeFsError, type CliIO } from './world';
import { printable } from './commandLine';
import type { ReportedProblem } from './report';

export type TdeText =
  | { ok: true; text: string }
  | { ok: false; problem: ReportedProblem };

/** The rule an undecodable file is reported under: its YAML cannot even be read. */
export const UNREADABLE_RULE = 'yaml-syntax';

export function decodeTdeFile(bytes: Uint8Array): TdeText {
  const decoded = decodeTdeBytes(bytes);
  if (decoded.ok) return decoded;
  // Place the problem where the bad byte is: everything before it is valid UTF-8.
  const prefix = decoded.byteOffset ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, decoded.byteOffset)) : '';
  const end = new LineIndex(prefix).positionAt(prefix.length);
  return unreadable(decoded.message, end.line + 1, end.character + 1, prefix.length);
}

/** One problem at the top of a file that cannot be checked. */
function unreadable(reason: string, line = 1, column = 1, offset = 0): TdeText {
  return {
    ok: false,
    problem: {
      rule: UNREADABLE_RULE,
      severity: 'error',
      message: `This file cannot be checked: ${reason}.`,
      line,
      column,
      endLine: line,
      endColumn: column,
      offset,
      length: 0,
      yamlPath: [],
      docsUrl: ruleDocsUrl(UNREADABLE_RULE),
    },
  };
}

export type TreeFileRead =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'missing' }
  /** There, and not read: `why` names the path as shown, never what a link points to. */
  | { kind: 'refused'; why: string }
  /** Over the size limit: not read at all. */
  | { kind: 'too-large'; size: number };

/** The tree a file the CLI reads belongs to: its repository, else the working folder (when inside it). */
export function cliTreeRoot(file: string, io: Pick<CliIO, 'fs' | 'cwd'>): string {
  return treeRootOf(file, io.fs, io.cwd);
}

/**
 * The bytes of a file that came with the files checked (a TDE file,
 * `.tderc.yaml`, `.gitignore`): read only when the shared decision allows it
 * (treeFiles.ts: no link out of the tree or into `.git`), only a regular
 * file, its size checked before a byte is read. File-system errors other
 * than "not there" are thrown.
 */
export function readTreeFile(file: string, shown: string, io: Pick<CliIO, 'fs' | 'cwd'>, maxBytes = MAX_FILE_BYTES): TreeFileRead {
  const verdict = treeFileVerdict(file, cliTreeRoot(file, io), io.fs, shown);
  if (verdict.kind !== 'file') return verdict;
  if (verdict.size > maxBytes) return { kind: 'too-large', size: verdict.size };
  const bytes = io.fs.readFileSync(verdict.real);
  return bytes.length > maxBytes ? { kind: 'too-large', size: bytes.length } : { kind: 'bytes', bytes };
}

/** Read and decode a file; a file that cannot be read at all is a CliError. */
export function readTdeFile(file: string, shown: string, io: Pick<CliIO, 'fs' | 'cwd'>): TdeText {
  let read: TreeFileRead;
  try {
    read = readTreeFile(file, shown, io);
  } catch (error) {
    const reason = describeFsError(error);
    throw new CliError(reason === 'no such file or folder' ? `no such file: ${printable(shown)}` : `cannot read ${printable(shown)}: ${reason}`);
  }
  if (read.kind === 'missing') {
    let folder = false;
    try {
      folder = io.fs.statSync(file).isDirectory();
    } catch {
      // not there at all
    }
    throw new CliError(folder ? `cannot read ${printable(shown)}: is a folder` : `no such file: ${printable(shown)}`);
  }
  if (read.kind === 'refused') return unreadable(read.why);
  if (read.kind === 'too-large') return unreadable(oversizeMessage(read.size));
  return decodeTdeFile(read.bytes);
}
