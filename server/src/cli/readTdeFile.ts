// Reading a TDE file's bytes: strict UTF-8 within the size limit, through the
// engine's decoder. A file that cannot be decoded is not an I/O failure of
// the run: it becomes one problem on that file, at the first bad byte, so the
// other files are still checked and CI shows where the trouble is.
import { decodeTdeBytes, LineIndex, ruleDocsUrl } from '../engine';
import { CliError, describeFsError, type CliIO } from './io';
import { printable } from './args';
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
  return {
    ok: false,
    problem: {
      rule: UNREADABLE_RULE,
      severity: 'error',
      message: `This file cannot be checked: ${decoded.message}.`,
      line: end.line + 1,
      column: end.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      offset: prefix.length,
      length: 0,
      yamlPath: [],
      docsUrl: ruleDocsUrl(UNREADABLE_RULE),
    },
  };
}

/** Read and decode a file; a file that cannot be read at all is a CliError. */
export function readTdeFile(file: string, shown: string, io: Pick<CliIO, 'fs'>): TdeText {
  let bytes: Uint8Array;
  try {
    bytes = io.fs.readFileSync(file);
  } catch (error) {
    const reason = describeFsError(error);
    throw new CliError(reason === 'no such file or folder' ? `no such file: ${printable(shown)}` : `cannot read ${printable(shown)}: ${reason}`);
  }
  return decodeTdeFile(bytes);
}
