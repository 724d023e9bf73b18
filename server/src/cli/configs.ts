// Which `.tderc.yaml` applies to each file, read through the CLI's world.
import * as path from 'node:path';
import { decodeTdeBytes, LineIndex, loadConfigFor, MAX_FILE_BYTES, type ConfigIssue, type FileHost, type TdeConfig } from '../engine';
import { printable } from './commandLine';
import { displayPath } from './findFiles';
import { CliError, describeFsError, type CliIO } from './world';
import { cliTreeRoot, readTreeFile, type TreeFileRead } from './readTdeFile';
import { linePath, terminalSafe } from './terminal';
import { treeFileVerdict } from '../engine/treeFiles';

/** The engine's FileHost, which also says why a configuration it read could not be used. */
interface CliFileHost extends FileHost {
  /** Why readFile(file) answered undefined for a file that is there, if it did. */
  unreadable(file: string): ConfigIssue | undefined;
}

/**
 * The engine reads `.tderc.yaml` files through readFile, and the file
 * `project.previous` names (iteration-chain). Both come with the files (a pull
 * request may bring them), so each is read as a TDE file is: its size checked before a byte is read, then strict UTF-8
 * (decodeTdeBytes). One that is too large, binary, UTF-16 or not UTF-8 is a
 * configuration problem, reported with the others (exit 2), at its line when
 * there is one.
 */
export function fileHost(io: Pick<CliIO, 'fs' | 'cwd'>): CliFileHost {
  const reasons = new Map<string, ConfigIssue>();
  const verdict = (file: string) => treeFileVerdict(file, cliTreeRoot(file, io), io.fs, displayPath(io.cwd, file));
  return {
    fileExists: (file) => verdict(file).kind !== 'missing',
    readFile(file) {
      const read = readConfigText(file, io);
      if (typeof read === 'string') return read;
      if (read) reasons.set(file, read);
      return undefined;
    },
    unreadable: (file) => reasons.get(file),
    treeRoot: (file) => cliTreeRoot(file, io),
    whyNotRead(file) {
      const answer = verdict(file);
      return answer.kind === 'refused' ? answer.why : undefined;
    },
  };
}

/** A configuration's text; an issue saying why it cannot be used; undefined when it is not there. */
function readConfigText(file: string, io: Pick<CliIO, 'fs' | 'cwd'>): string | ConfigIssue | undefined {
  const cannot = (why: string, line?: number): ConfigIssue => ({ message: `This configuration cannot be read: ${why}.`, line });
  let read: TreeFileRead;
  try {
    read = readTreeFile(file, displayPath(io.cwd, file), io);
  } catch (error) {
    const reason = describeFsError(error);
    return reason === 'no such file or folder' ? undefined : cannot(reason);
  }
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'refused') return cannot(read.why);
  if (read.kind === 'too-large') return cannot(tooLarge(read.size));
  const bytes = read.bytes;
  const decoded = decodeTdeBytes(bytes);
  if (decoded.ok) return decoded.text;
  // The line of the bad byte: everything before it is valid UTF-8.
  const prefix = decoded.byteOffset ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, decoded.byteOffset)) : '';
  const line = decoded.byteOffset === undefined ? undefined : new LineIndex(prefix).positionAt(prefix.length).line + 1;
  return cannot(decoded.message.replace('a TDE file is UTF-8 text', 'a configuration is UTF-8 text'), line);
}

function tooLarge(size: number): string {
  return `the file is ${size.toLocaleString('en-US')} bytes, over the ${MAX_FILE_BYTES / 1024 / 1024} MB a configuration may be`;
}

/** `--config FILE` made absolute, after checking that it is a file. */
export function explicitConfigFile(config: string | undefined, io: CliIO): string | undefined {
  if (config === undefined) return undefined;
  const file = path.resolve(io.cwd, config);
  let isFile = false;
  try {
    isFile = io.fs.statSync(file).isFile();
  } catch {
    throw new CliError(`no such configuration file: ${printable(config)}`);
  }
  if (!isFile) throw new CliError(`not a configuration file: ${printable(config)}`);
  return file;
}

/**
 * Each file's configuration, and the problems found in configuration files
 * as `path:line: message` lines (which end the run before any check).
 */
export function loadConfigs(files: readonly string[], host: CliFileHost, configFile: string | undefined, io: CliIO): { configs: Map<string, TdeConfig>; issues: string[] } {
  const byFolder = new Map<string, TdeConfig>();
  const configs = new Map<string, TdeConfig>();
  const issues: string[] = [];
  const reported = new Set<string | undefined>();
  for (const file of files) {
    const folder = path.dirname(file);
    let config = byFolder.get(folder);
    if (!config) {
      config = loadConfigFor(file, host, configFile);
      const unreadable = config.file === undefined ? undefined : host.unreadable(config.file);
      if (unreadable) config = { ...config, issues: [unreadable] };
      byFolder.set(folder, config);
      if (config.issues.length && !reported.has(config.file)) {
        reported.add(config.file);
        const where = config.file ? displayPath(io.cwd, config.file) : '(configuration)';
        for (const issue of config.issues) {
          issues.push(`${linePath(where)}${issue.line ? `:${issue.line}` : ''}: ${terminalSafe(issue.message)}`);
        }
      }
    }
    configs.set(file, config);
  }
  return { configs, issues };
}
