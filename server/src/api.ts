// The npm package's programmatic API, `require('@tde-tools/tde')`: the checks
// and reports of `tde check`, as functions. A thin door like the CLI's: it
// finds files, reads configuration and formats reports with the CLI's own
// modules, so a script sees what `tde check` prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules as allRules, summarizeRule } from './engine';
import type { RuleSeverities } from './engine/ruleSeverities';
import type { RuleSummary } from './engine/ruleSummary';
import { checkText } from './cli/checkFile';
import { checkFiles as checkFileList } from './cli/checkFilesSerially';
import { explicitConfigFile, fileHost, loadConfigs } from './cli/configs';
import { findFiles } from './cli/findFiles';
import { loadFormatter } from './cli/formatters';
import { FORMAT_NAMES, type FormatName } from './cli/formatters/names';
import { CliError, type CliIO } from './cli/world';
import { reportFile } from './cli/report';
import type { CheckReport, FileReport } from './cli/reportTypes';
import { colors, noColors } from './cli/terminal';
import { VERSION } from './cli/version';

export type { CheckReport, FileReport, ReportedProblem, ReportedEdit, SuppressedProblem, Summary, Region } from './cli/reportTypes';
// Types from the modules that hold them, so the declarations the package ships stay few (none of the YAML parser's).
export type { NodePath, Severity } from './engine/problem';
export type { RuleSeverities, SeveritySetting } from './engine/ruleSeverities';
export type { RuleSummary } from './engine/ruleSummary';
export { FORMAT_NAMES, type FormatName, VERSION as version };

/** Every rule: its id, default severity, what it flags, whether it fixes, its docs page. */
export const rules: readonly RuleSummary[] = allRules.map((rule) => summarizeRule(rule));

export interface CheckTextOptions {
  /** The file's path, as the report shows it and to find `project.previous` next to it. Default `untitled.tde.yaml` in the working folder. */
  fileName?: string;
  /** Severity per rule id (`off`, `info`, `warning`, `error`), as in `.tderc.yaml`. */
  rules?: RuleSeverities;
  /** A `# tde-disable…` comment without ` -- reason` is an error (`--require-reason`). */
  requireReason?: boolean;
  /** A `# tde-disable…` comment that silences nothing is a warning (`--report-unused-disable`). */
  reportUnusedDisable?: boolean;
}

/** Check the text of one TDE file; no configuration file is read. */
export function check(text: string, options: CheckTextOptions = {}): FileReport {
  const fileName = path.resolve(options.fileName ?? 'untitled.tde.yaml');
  const result = checkText(text, { fileName, host: fileHost(world(process.cwd(), [])), severities: options.rules ?? {} }, directiveChecks(options));
  return reportFile(path.relative(process.cwd(), fileName).split(path.sep).join('/') || path.basename(fileName), result, false);
}

export interface CheckFilesOptions {
  /** Where relative paths start and what report paths are relative to. Default `process.cwd()`. */
  cwd?: string;
  /** A configuration file to use instead of the nearest `.tderc.yaml` (`--config`). */
  config?: string;
  /** Report errors only (`--quiet`). */
  quiet?: boolean;
  requireReason?: boolean;
  reportUnusedDisable?: boolean;
  /** Finding no TDE file (or a glob matching nothing) gives an empty report instead of an error (`--no-error-on-unmatched-pattern`). */
  allowUnmatched?: boolean;
}

/** A check over files, and what could not be done (a file that could not be read, a rule that failed). */
export interface CheckFilesResult extends CheckReport {
  failures: string[];
}

/**
 * Check files, folders and globs as `tde check` does (default: every TDE file
 * below `cwd`, honouring .gitignore). Throws an Error, with the message the
 * CLI prints, when a path names nothing or a configuration is unusable.
 */
export function checkFiles(paths: readonly string[] = [], options: CheckFilesOptions = {}): CheckFilesResult {
  const notes: string[] = [];
  const io = world(path.resolve(options.cwd ?? process.cwd()), notes);
  try {
    const files = findFiles(paths, io, options.allowUnmatched ?? false);
    const host = fileHost(io);
    const { configs, issues } = loadConfigs(files, host, explicitConfigFile(options.config, io), io);
    if (issues.length) throw new Error(issues.map(String).join('\n'));
    const failures: string[] = [];
    const { report } = checkFileList(files, configs, host, { quiet: options.quiet ?? false, directiveChecks: directiveChecks(options) }, io, (message) => failures.push(message));
    return { ...report, failures };
  } catch (error) {
    if (error instanceof CliError) throw new Error(error.message);
    throw error;
  }
}

export interface FormatReportOptions {
  /** Terminal colors in `stylish` and `compact`. Default false. */
  color?: boolean;
}

/** A report as `tde check --format NAME` writes it. */
export function formatReport(report: CheckReport, format: FormatName = 'stylish', options: FormatReportOptions = {}): string {
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) throw new Error(`unknown format ${String(format)}; formats: ${FORMAT_NAMES.join(', ')}`);
  return loadFormatter(format)(report, { palette: options.color ? colors : noColors, rules: allRules });
}

function directiveChecks(options: { requireReason?: boolean; reportUnusedDisable?: boolean }) {
  return { requireReason: options.requireReason ?? false, reportUnused: options.reportUnusedDisable ?? false };
}

/** The CLI's world for a library call: the real disk, no terminal; notes are kept, not printed. */
function world(cwd: string, notes: string[]): CliIO {
  return { cwd, env: {}, stdout: () => undefined, stderr: (text) => void notes.push(text), isTTY: false, fs };
}
