// `tde check`: find the files, check (and maybe fix) each, report in the
// chosen format, and say by the exit code whether CI should fail.
import * as path from 'node:path';
import { check, loadConfigFor, rules, type CheckOptions, type CheckResult, type FileHost, type TdeConfig } from '../../engine';
import { parseArgs, printable, type OptionSpec } from '../args';
import { unifiedDiff } from '../diff';
import { displayPath, findFiles } from '../files';
import { fixText, writeFixed } from '../fix';
import { FORMAT_NAMES, isFormatName, isHumanFormat, loadFormatter, type FormatName } from '../formatters';
import { CHECK_HELP } from '../help';
import { CliError, describeFsError, ExitCode, type CliIO } from '../io';
import { reportFile, summarize, type CheckReport, type FileReport } from '../report';
import { colors, noColors, plural, terminalSafe, wantsColor } from '../terminal';
import { VERSION } from '../version';

export const CHECK_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'max-warnings', value: true },
  { name: 'quiet', short: 'q' },
  { name: 'config', short: 'c', value: true },
  { name: 'color' },
  { name: 'no-color' },
  { name: 'fix' },
  { name: 'fix-dry-run' },
  { name: 'help', short: 'h' },
];

interface CheckSettings {
  format: FormatName;
  output?: string;
  maxWarnings?: number;
  quiet: boolean;
  configFile?: string;
  color?: boolean;
  fix: 'write' | 'dry-run' | undefined;
}

function readSettings(options: Map<string, string | true>, io: CliIO): CheckSettings {
  const format = (options.get('format') as string | undefined) ?? 'stylish';
  if (!isFormatName(format)) {
    throw new CliError(`unknown format ${printable(format)}; formats: ${FORMAT_NAMES.join(', ')}`);
  }
  let maxWarnings: number | undefined;
  const max = options.get('max-warnings') as string | undefined;
  if (max !== undefined) {
    if (!/^\d+$/.test(max.trim())) throw new CliError(`--max-warnings needs a whole number of 0 or more, got ${printable(max)}`);
    maxWarnings = Number(max.trim());
  }
  if (options.has('fix') && options.has('fix-dry-run')) throw new CliError('use either --fix or --fix-dry-run, not both');
  if (options.has('color') && options.has('no-color')) throw new CliError('use either --color or --no-color, not both');
  let configFile: string | undefined;
  const config = options.get('config') as string | undefined;
  if (config !== undefined) {
    configFile = path.resolve(io.cwd, config);
    let isFile = false;
    try {
      isFile = io.fs.statSync(configFile).isFile();
    } catch {
      throw new CliError(`no such configuration file: ${printable(config)}`);
    }
    if (!isFile) throw new CliError(`not a configuration file: ${printable(config)}`);
  }
  return {
    format,
    output: options.get('output') as string | undefined,
    maxWarnings,
    quiet: options.has('quiet'),
    configFile,
    color: options.has('color') ? true : options.has('no-color') ? false : undefined,
    fix: options.has('fix') ? 'write' : options.has('fix-dry-run') ? 'dry-run' : undefined,
  };
}

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

/** Each file's configuration; configuration problems end the run before any check. */
function loadConfigs(files: readonly string[], host: FileHost, settings: CheckSettings, io: CliIO): { configs: Map<string, TdeConfig>; issues: string[] } {
  const byFolder = new Map<string, TdeConfig>();
  const configs = new Map<string, TdeConfig>();
  const issues: string[] = [];
  const reported = new Set<string | undefined>();
  for (const file of files) {
    const folder = path.dirname(file);
    let config = byFolder.get(folder);
    if (!config) {
      config = loadConfigFor(file, host, settings.configFile);
      byFolder.set(folder, config);
      if (config.issues.length && !reported.has(config.file)) {
        reported.add(config.file);
        const where = config.file ? displayPath(io.cwd, config.file) : '(configuration)';
        for (const issue of config.issues) {
          issues.push(`${terminalSafe(where)}${issue.line ? `:${issue.line}` : ''}: ${terminalSafe(issue.message)}`);
        }
      }
    }
    configs.set(file, config);
  }
  return { configs, issues };
}

export async function checkCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { options, positionals } = parseArgs(argv, CHECK_OPTIONS, 'check');
  if (options.has('help')) {
    io.stdout(CHECK_HELP);
    return ExitCode.Clean;
  }
  const settings = readSettings(options, io);
  const files = findFiles(positionals, io);
  const host = fileHost(io);
  const { configs, issues } = loadConfigs(files, host, settings, io);
  if (issues.length) {
    // `path:line: message`, like the problems themselves, so editors can jump there.
    io.stderr(issues.map((issue) => `${issue}\n`).join(''));
    return ExitCode.UsageOrIO;
  }
  const formatter = loadFormatter(settings.format);

  let failed = false;
  const fail = (message: string) => {
    failed = true;
    io.stderr(`tde: ${message}\n`);
  };
  const reports: FileReport[] = [];
  const diffs: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixesApplied = 0;
  let filesFixed = 0;

  for (const file of files) {
    const shown = displayPath(io.cwd, file);
    let text: string;
    try {
      text = io.fs.readFileSync(file, 'utf8');
    } catch (error) {
      fail(`cannot read ${printable(shown)}: ${describeFsError(error)}`);
      continue;
    }
    const crashed = new Set<string>();
    const checkOptions: CheckOptions = {
      fileName: file,
      host,
      severities: configs.get(file)!.rules,
      onRuleError: (rule, error) => {
        if (crashed.has(rule)) return; // once per file, however many fix passes
        crashed.add(rule);
        fail(`rule ${rule} failed on ${printable(shown)}: ${error instanceof Error ? error.message : String(error)} (please report this)`);
      },
    };
    let result: CheckResult;
    if (settings.fix) {
      const outcome = fixText(text, checkOptions);
      result = outcome.result;
      if (outcome.text !== text) {
        let applied = true;
        if (settings.fix === 'dry-run') {
          diffs.push(unifiedDiff(text, outcome.text, shown, `${shown} (fixed)`));
        } else {
          try {
            writeFixed(file, shown, text, outcome.text, io);
          } catch (error) {
            fail(error instanceof CliError ? error.message : `cannot write ${printable(shown)}: ${describeFsError(error)}`);
            applied = false;
            result = check(text, checkOptions); // the file is as it was: report that
          }
        }
        if (applied) {
          fixesApplied += outcome.fixesApplied;
          filesFixed++;
        }
      }
    } else {
      result = check(text, checkOptions);
    }
    for (const problem of result.problems) {
      if (problem.severity === 'error') errors++;
      else if (problem.severity === 'warning') warnings++;
    }
    reports.push(reportFile(shown, result, settings.quiet));
  }

  const report: CheckReport = {
    version: VERSION,
    cwd: io.cwd,
    files: reports,
    summary: summarize(reports),
    quiet: settings.quiet,
    ...(settings.fix ? { fixesApplied } : {}),
  };
  const toFile = settings.output !== undefined;
  const palette = !toFile && wantsColor(settings.color, io.env, io.isTTY) ? colors : noColors;
  const text = formatter(report, { palette, rules });

  if (diffs.length) {
    // A diff would spoil a machine-readable report on the same stream.
    const diff = diffs.map((d) => d.split('\n').map(terminalSafe).join('\n')).join('');
    if (isHumanFormat(settings.format) && !toFile) io.stdout(`${diff}\n`);
    else io.stderr(diff);
  }
  if (toFile) {
    const target = path.resolve(io.cwd, settings.output!);
    try {
      io.fs.writeFileSync(target, text, 'utf8');
    } catch (error) {
      throw new CliError(`cannot write the report to ${printable(settings.output!)}: ${describeFsError(error)}`);
    }
  } else if (text) {
    io.stdout(text);
  }

  if (settings.fix === 'write') {
    io.stderr(fixesApplied ? `tde: applied ${plural(fixesApplied, 'fix', 'fixes')} to ${plural(filesFixed, 'file')}\n` : 'tde: nothing to fix\n');
  } else if (settings.fix === 'dry-run') {
    io.stderr(fixesApplied
      ? `tde: --fix would apply ${plural(fixesApplied, 'fix', 'fixes')} to ${plural(filesFixed, 'file')} (nothing was written)\n`
      : 'tde: nothing to fix\n');
  }
  const tooManyWarnings = settings.maxWarnings !== undefined && warnings > settings.maxWarnings;
  if (tooManyWarnings) {
    const hidden = settings.quiet ? ', not shown because of --quiet' : '';
    io.stderr(`tde: too many warnings: ${warnings}${hidden} (--max-warnings ${settings.maxWarnings})\n`);
  }
  if (failed) return ExitCode.UsageOrIO;
  return errors > 0 || tooManyWarnings ? ExitCode.Problems : ExitCode.Clean;
}
