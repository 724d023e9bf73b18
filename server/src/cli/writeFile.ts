// Every file the CLI writes (a report, the step summary, a fixed TDE file) is
// a new file: created exclusively in the target's folder, then renamed over
// the name. A symbolic link at that name (a pull request may commit
// `tde.sarif -> ../victim/file`) is replaced by the report, never written
// through, and a reader never sees half a file.
import * as path from 'node:path';
import { errorCode, type CliIO } from './world';

/**
 * Put `data` at `target` as a new file. The mode of a regular file already
 * there is kept unless `mode` is given. Errors are the file system's, for the
 * caller to word.
 */
export function replaceFile(target: string, data: string | Uint8Array, io: CliIO, mode?: number): void {
  const kept = mode ?? regularFileMode(target, io);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tde-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  try {
    io.fs.writeFileSync(temporary, data, { flag: 'wx', mode: kept === undefined ? 0o666 : kept & 0o777 });
    if (kept !== undefined) io.fs.chmodSync(temporary, kept & 0o7777);
    io.fs.renameSync(temporary, target);
  } catch (error) {
    try {
      io.fs.unlinkSync(temporary);
    } catch {
      // it was never created, or is gone already
    }
    throw error;
  }
}

/** The text of a file that is to be added to, read only when it is a regular file (never through a link); '' when there is none. */
export function existingText(target: string, io: CliIO): string {
  if (regularFileMode(target, io) === undefined) return '';
  return io.fs.readFileSync(target, 'utf8');
}

function regularFileMode(target: string, io: CliIO): number | undefined {
  try {
    const stat = io.fs.lstatSync(target);
    return stat.isFile() ? stat.mode : undefined;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}
