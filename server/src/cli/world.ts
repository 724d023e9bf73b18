// The CLI's world and how a command leaves it: what run() is given (the
// working folder, the environment, the terminal, the file system), passed in
// so tests can run it in-process with a fake terminal (and, where they must,
// a fake file system); the exit codes; the usage or I/O error that ends a
// command with a one-line message; and file-system errors in plain words.
import type * as nodeFs from 'node:fs';

/** The synchronous file-system calls the CLI makes; `node:fs` satisfies it. */
type CliFs = Pick<
  typeof nodeFs,
  | 'readFileSync'
  | 'writeFileSync'
  | 'readdirSync'
  | 'statSync'
  | 'lstatSync'
  | 'realpathSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'chmodSync'
  | 'mkdirSync'
>;

export interface CliIO {
  /** Absolute working folder: relative arguments and report paths start here. */
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colors by default). */
  isTTY: boolean;
  fs: CliFs;
  /**
   * True when `fs` is the disk itself, as in the `tde` process: then worker
   * threads, which read the disk on their own, may share the files of a run.
   */
  fsIsDisk?: boolean;
}

export enum ExitCode {
  /** Nothing failed: no errors, warnings within --max-warnings. */
  Clean = 0,
  /** An error remains, or more warnings than --max-warnings. */
  Problems = 1,
  /** Bad usage, or a file or folder that could not be read or written. */
  UsageOrIO = 2,
}

/** A failure that ends the command with exit code 2 and a one-line message. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Node's error code (ENOENT, EACCES, …) of a caught error, if any. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** A short human reason for a file-system error. */
export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ENOTDIR': return 'not a folder';
    case 'EEXIST': return 'already exists';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENOSPC': return 'no space left on the device';
    case 'EROFS': return 'read-only file system';
    default: return error instanceof Error ? error.message : String(error);
  }
}
