// Which `.tderc.yaml` applies to each file, read through the CLI's world.
import * as path from 'node:path';
import { loadConfigFor, type FileHost, type TdeConfig } from '../engine';
import { printable } from './args';
import { displayPath } from './files';
import { CliError, type CliIO } from './io';
import { linePath, terminalSafe } from './terminal';

export function fileHost(io: CliIO): FileHost {
  return {
    fileExists(file) {
      try {
        return io.fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    readFile(file) {
      try {
        return io.fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
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
export function loadConfigs(files: readonly string[], host: FileHost, configFile: string | undefined, io: CliIO): { configs: Map<string, TdeConfig>; issues: string[] } {
  const byFolder = new Map<string, TdeConfig>();
  const configs = new Map<string, TdeConfig>();
  const issues: string[] = [];
  const reported = new Set<string | undefined>();
  for (const file of files) {
    const folder = path.dirname(file);
    let config = byFolder.get(folder);
    if (!config) {
      config = loadConfigFor(file, host, configFile);
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
