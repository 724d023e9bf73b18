// `tde check`: find the files, check (and maybe fix) each, report in the
// chosen format, and say by the exit code whether CI should fail.
import * as path from 'node:path';
import { describeFixes, rules } from '../../engine';
import type { DirectiveChecks } from '../../engine/review';
import { printable } from '../commandLine';
import { checkFiles } from '../checkFilesSerially';
import { canCheckInParallel, checkFilesInParallel } from '../checkFilesInParallel';
import { explicitConfigFile, fileHost, loadConfigs } from '../configs';
import { findFiles } from '../findFiles';
import { isHumanFormat, loadFormatter } from '../formatters';
import type { FormatName } from '../formatters/names';
import type { InputOf } from '../help';
import { chosenLanguage } from '../language';
import { replaceFile } from '../writeFile';
import { baseConfigs } from '../baseConfig';
import { configChangeText } from '../report';
import { CliError, describeFsError, ExitCode, type CliIO } from '../world';
import { colors, linePath, noColors, lineSafe, plural, terminalSafe, wantsColor } from '../terminal';

interface CheckCommandSettings {
  format: FormatName;
  output?: string;
  maxWarnings?: number;
  quiet: boolean;
  configFile?: string;
  color?: boolean;
  fix: 'write' | 'dry-run' | undefined;
  since?: string;
  directiveChecks: DirectiveChecks;
}

function readSettings(options: InputOf<'check'>['options'], io: CliIO): CheckCommandSettings {
  if (options.fix && options.fixDryRun) throw new CliError('use either --fix or --fix-dry-run, not both');
  if (options.since !== undefined && !options.since.trim()) throw new CliError('--since needs a git revision (a branch, tag or commit)');
  return {
    format: options.format,
    output: options.output,
    maxWarnings: options.maxWarnings,
    quiet: options.quiet,
    configFile: explicitConfigFile(options.config, io),
    color: options.color,
    fix: options.fix ? 'write' : options.fixDryRun ? 'dry-run' : undefined,
    since: options.since?.trim(),
    directiveChecks: { requireReason: options.requireReason, reportUnused: options.reportUnusedDisable, language: chosenLanguage(options.lang, io.env) },
  };
}

export async function checkCommand({ options, operands }: InputOf<'check'>, io: CliIO): Promise<ExitCode> {
  const settings = readSettings(options, io);
  const files = findFiles(operands, io, options.noErrorOnUnmatchedPattern);
  const host = fileHost(io);
  const { configs, issues } = loadConfigs(files, host, settings.configFile, io);
  if (issues.length) {
    // `path:line: message`, like the problems themselves, so editors can jump there.
    io.stderr(issues.map((issue) => `${issue}\n`).join(''));
    return ExitCode.UsageOrIO;
  }
  const formatter = loadFormatter(settings.format);
  // With a base revision, new problems are judged under the base's configuration, not the change's own.
  const base = settings.since === undefined || settings.configFile !== undefined ? undefined : baseConfigs(files, configs, settings.since, io);
  if (base) {
    for (const [file, config] of base.configs) configs.set(file, config);
    for (const change of base.changes) io.stderr(`tde: ${terminalSafe(configChangeText(change))}\n`);
  }
  const baseline = settings.since === undefined
    ? undefined
    : (require('../baseline') as typeof import('../baseline')).loadBaseline(
      io,
      settings.since,
      files,
      (file) => ({ severities: configs.get(file)!.rules }),
      settings.directiveChecks,
    );

  let failed = false;
  const fail = (message: string) => {
    failed = true;
    io.stderr(`tde: ${message}\n`);
  };
  const checkSettings = { quiet: settings.quiet, fix: settings.fix, directiveChecks: settings.directiveChecks };
  // Many files, no fixes, no base revision: on every core (the same report, in the same order).
  const parallel = !baseline && canCheckInParallel(files, checkSettings, io)
    ? await checkFilesInParallel(files, configs, checkSettings, io, fail).catch((error: unknown) => {
      io.stderr(`tde: checking on several threads failed (${error instanceof Error ? error.message : String(error)}); checking the files one after another\n`);
      return undefined;
    })
    : undefined;
  const outcome = parallel ?? checkFiles(files, configs, host, checkSettings, io, fail, baseline);
  const { report, diffs, fixesApplied, filesFixed, fixed, failing } = outcome;
  if (base?.changes.length) report.configChanges = base.changes;

  const toFile = settings.output !== undefined;
  const palette = !toFile && wantsColor(settings.color, io.env, io.isTTY) ? colors : noColors;
  const text = formatter(report, { palette, rules, warn: (message) => io.stderr(`tde: ${message}\n`) });

  if (diffs.length) {
    // A diff would spoil a machine-readable report on the same stream. Its
    // context lines are the file's own: one could start with `::` after the space.
    const diff = diffs.map((d) => lineSafe(d.split('\n').map(terminalSafe).join('\n'))).join('');
    if (isHumanFormat(settings.format) && !toFile) io.stdout(`${diff}\n`);
    else io.stderr(diff);
  }
  if (toFile) writeReport(settings.output!, text, io);
  else if (text) io.stdout(text);

  // File by file, on stderr: stdout may be a machine-readable report.
  for (const file of fixed) {
    io.stderr(`${linePath(file.shown)}: ${settings.fix === 'write' ? 'fixed' : 'would fix'} ${describeFixes(file.applied)}\n`);
  }
  if (settings.fix === 'write') {
    io.stderr(fixesApplied ? `tde: applied ${plural(fixesApplied, 'fix', 'fixes')} to ${plural(filesFixed, 'file')}\n` : 'tde: nothing to fix\n');
  } else if (settings.fix === 'dry-run') {
    io.stderr(fixesApplied
      ? `tde: --fix would apply ${plural(fixesApplied, 'fix', 'fixes')} to ${plural(filesFixed, 'file')} (nothing was written)\n`
      : 'tde: nothing to fix\n');
  }
  const tooManyWarnings = settings.maxWarnings !== undefined && failing.warnings > settings.maxWarnings;
  if (tooManyWarnings) {
    const hidden = settings.quiet ? ', not shown because of --quiet' : '';
    const which = baseline ? 'new warnings' : 'warnings';
    io.stderr(`tde: too many ${which}: ${failing.warnings}${hidden} (--max-warnings ${settings.maxWarnings})\n`);
  }
  if (failed) return ExitCode.UsageOrIO;
  return failing.errors > 0 || tooManyWarnings ? ExitCode.Problems : ExitCode.Clean;
}

/** Write a report to a file named on the command line: a new file, never through a link. */
export function writeReport(output: string, text: string, io: CliIO): void {
  const target = path.resolve(io.cwd, output);
  try {
    replaceFile(target, text, io);
  } catch (error) {
    throw new CliError(`cannot write the report to ${printable(output)}: ${describeFsError(error)}`);
  }
}
