// `--fix` writes the engine's fixed text (engine/fixAll.ts) atomically; `--fix-dry-run` only shows it.
import { CliError, describeFsError, type CliIO } from './world';
import { printable } from './commandLine';
import { replaceFile } from './writeFile';

/**
 * Replace a file's content through a temporary file in the same folder and a
 * rename, so a reader never sees half a file; the file's mode is kept. A
 * symbolic link is never written through (nor replaced by a plain file), and
 * a file that changed since it was read is left alone.
 */
export function writeFixed(file: string, shown: string, original: string, fixed: string, io: CliIO): void {
  const stat = io.fs.lstatSync(file);
  if (stat.isSymbolicLink()) throw new CliError(`not fixing ${printable(shown)}: it is a symbolic link (fix the file it points to)`);
  // The text was decoded strictly, so encoding it again gives the file's bytes (a BOM included).
  if (!Buffer.from(original, 'utf8').equals(io.fs.readFileSync(file))) throw new CliError(`not fixing ${printable(shown)}: it changed while tde was checking it`);
  try {
    replaceFile(file, Buffer.from(fixed, 'utf8'), io, stat.mode);
  } catch (error) {
    throw new CliError(`cannot write ${printable(shown)}: ${describeFsError(error)}`);
  }
}
