// `tde ci-summary`: the GitHub Action's one step, here so it can be run and
// tested anywhere. It checks the files (against the pull request's base when
// there is one), prints annotations, writes SARIF, appends a Markdown review
// to the job summary (and a copy for a pull-request comment), sets the step's
// outputs, and fails on the new problems at the chosen level.
import * as path from 'node:path';
import { rules } from '../../engine';
import { printable } from '../commandLine';
import { loadBaseline } from '../baseline';
import { checkFiles } from '../checkFilesSerially';
import { explicitConfigFile, fileHost, loadConfigs } from '../configs';
import { findFiles } from '../findFiles';
import type { DiffReport } from '../diffReport';
import { diffMarkdown } from '../formatters/diff/markdown';
import { formatGithub } from '../formatters/github';
import { problemsMarkdown, revisionMarkdown } from '../formatters/markdown';
import { formatSarif } from '../formatters/sarif';
import type { StatusRow } from '../statusReport';
import { statusTable } from '../formatters/status/markdown';
import type { InputOf } from '../help';
import { CliError, describeFsError, ExitCode, type CliIO } from '../world';
import { existingText, replaceFile } from '../writeFile';
import { baseConfigs } from '../baseConfig';
import { configChangeText } from '../report';
import type { CheckReport } from '../report';
import { ESCAPED_COLON, lineSafe, noColors, plural, terminalSafe } from '../terminal';
import { writeReport } from './check';
import { gitDiff } from './diff';
import { statusRows } from './status';

/** GitHub's limits: a step summary up to 1 MiB, a comment up to 65,536 characters. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 4096;
const COMMENT_LIMIT_CHARS = 65_000;
const MAX_STATUS_ROWS = 100;

/** The base of the pull request the workflow runs for, from its event payload. */
function pullRequestBase(io: CliIO): string | undefined {
  const eventPath = io.env.GITHUB_EVENT_PATH;
  if (!eventPath) return undefined;
  let event: unknown;
  try {
    event = JSON.parse(io.fs.readFileSync(path.resolve(io.cwd, eventPath), 'utf8'));
  } catch (error) {
    io.stderr(`tde: cannot read the event payload ${printable(eventPath)} (${error instanceof SyntaxError ? 'not JSON' : describeFsError(error)}); checking without a base\n`);
    return undefined;
  }
  const sha = (event as { pull_request?: { base?: { sha?: unknown } } } | null)?.pull_request?.base?.sha;
  return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/** Cut Markdown at a line so that it fits, saying where it was cut. */
export function fitMarkdown(markdown: string, limit: number, measure: (text: string) => number): string {
  if (measure(markdown) <= limit) return markdown;
  const note = '\n\n*… the review is cut here: it is longer than GitHub allows. Run `tde check`, `tde diff` and `tde status` for the rest.*\n';
  let low = 0;
  let high = markdown.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (measure(markdown.slice(0, mid) + note) <= limit) low = mid;
    else high = mid - 1;
  }
  const cut = markdown.lastIndexOf('\n', low);
  return `${markdown.slice(0, cut > 0 ? cut : low)}${note}`;
}

function verdict(report: CheckReport, failOn: 'error' | 'warning', maxWarnings: number | undefined, counts: { errors: number; warnings: number }): { fails: boolean; line: string } {
  const failsOnErrors = counts.errors > 0;
  const failsOnWarnings = (failOn === 'warning' && counts.warnings > 0) || (maxWarnings !== undefined && counts.warnings > maxWarnings);
  const fails = failsOnErrors || failsOnWarnings;
  const what = report.since ? ` new since ${revisionMarkdown(report.since)}` : '';
  const counted = `${plural(counts.errors, 'error')} and ${plural(counts.warnings, 'warning')}${what}`;
  if (fails) return { fails, line: `❌ **The check fails:** ${counted}.` };
  return { fails, line: `✅ **The check passes:** ${counted}.` };
}

function reviewMarkdown(report: CheckReport, rows: readonly StatusRow[], diff: DiffReport | undefined, verdictLine: string): string {
  const out: string[] = ['## TDE review', '', verdictLine];
  const changed = new Set(diff?.projects.filter((p) => p.change !== 'removed').map((p) => p.path));
  const shown = diff ? rows.filter((row) => changed.has(row.path)) : rows;
  if (shown.length) {
    out.push('', diff ? '### Projects this change touches' : '### Projects', '', ...statusTable(shown.slice(0, MAX_STATUS_ROWS)));
    if (shown.length > MAX_STATUS_ROWS) out.push('', `…and ${shown.length - MAX_STATUS_ROWS} more; run \`tde status\` for all.`);
  }
  if (diff) out.push('', ...diffMarkdown(diff, 3));
  out.push('', '### Problems', '', ...problemsMarkdown(report, 4));
  // Not for the log, but a later step may print the file there.
  return lineSafe(`${out.join('\n')}\n`, ESCAPED_COLON.markup);
}

/** `name<<DELIMITER … DELIMITER` lines, which no value can end early. */
function outputLines(outputs: Record<string, string>): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      let delimiter = 'tde_output_eof';
      while (value.includes(delimiter)) delimiter += '_';
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}

/** Add to a file the runner reads after the step: a link there is replaced, never read or written through. */
function appendTo(file: string, text: string, what: string, io: CliIO): void {
  const target = path.resolve(io.cwd, file);
  let before = '';
  try {
    before = existingText(target, io);
  } catch (error) {
    throw new CliError(`cannot read the ${what} ${printable(file)}: ${describeFsError(error)}`);
  }
  try {
    replaceFile(target, before + text, io);
  } catch (error) {
    throw new CliError(`cannot write the ${what} ${printable(file)}: ${describeFsError(error)}`);
  }
}

export async function ciSummaryCommand({ options, operands }: InputOf<'ci-summary'>, io: CliIO): Promise<ExitCode> {
  // A workflow passes its inputs through as they are: an empty one is one not given (declared in help.ts).
  const { failOn, maxWarnings } = options;
  const since = options.since ?? pullRequestBase(io);
  const targets = [...operands, ...(options.paths?.split(/\s+/).filter(Boolean) ?? [])];
  const directiveChecks = { requireReason: options.requireReason, reportUnused: options.reportUnusedDisable };

  const files = findFiles(targets, io, options.noErrorOnUnmatchedPattern);
  const host = fileHost(io);
  const configFile = explicitConfigFile(options.config, io);
  const { configs, issues } = loadConfigs(files, host, configFile, io);
  if (issues.length) {
    io.stderr(issues.map((issue) => `${issue}\n`).join(''));
    return ExitCode.UsageOrIO;
  }
  // With a base revision, new problems are judged under the base's configuration, not the change's own.
  const base = since === undefined || configFile !== undefined ? undefined : baseConfigs(files, configs, since, io);
  if (base) {
    for (const [file, config] of base.configs) configs.set(file, config);
    for (const change of base.changes) io.stderr(`tde: ${terminalSafe(configChangeText(change))}\n`);
  }
  const baseline = since === undefined
    ? undefined
    : loadBaseline(io, since, files, (file) => ({ severities: configs.get(file)!.rules }), directiveChecks);
  let failed = false;
  const outcome = checkFiles(files, configs, host, { quiet: false, directiveChecks }, io, (message) => {
    failed = true;
    io.stderr(`tde: ${message}\n`);
  }, baseline);
  const { report, failing } = outcome;
  if (base?.changes.length) report.configChanges = base.changes;

  // Annotations go to stdout, where the runner reads workflow commands.
  io.stdout(formatGithub(report, { palette: noColors, rules }));
  const { sarifFile, commentFile } = options;
  if (sarifFile) writeReport(sarifFile, formatSarif(report, { palette: noColors, rules, warn: (message) => io.stderr(`tde: ${message}\n`) }), io);

  // The same files as the check: what the paths name, else the working folder (not the whole repository).
  const diff = since === undefined ? undefined : gitDiff({ base: since, paths: targets.length ? targets : ['.'], configFile }, io);
  const result = verdict(report, failOn, maxWarnings, failing);
  const markdown = reviewMarkdown(report, statusRows(outcome.files), diff, result.line);

  const summaryFile = options.summaryFile ?? io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) appendTo(summaryFile, fitMarkdown(markdown, SUMMARY_LIMIT_BYTES, (t) => Buffer.byteLength(t)), 'job summary', io);
  if (commentFile) writeReport(commentFile, fitMarkdown(markdown, COMMENT_LIMIT_CHARS, (t) => t.length), io);
  if (!summaryFile && !commentFile) io.stderr('tde: no GITHUB_STEP_SUMMARY and no --comment-file: the Markdown review is not written anywhere\n');
  if (io.env.GITHUB_OUTPUT) {
    const totals = report.summary;
    appendTo(io.env.GITHUB_OUTPUT, outputLines({
      errors: String(totals.errors),
      warnings: String(totals.warnings),
      'new-errors': String(report.summary.new?.errors ?? totals.errors),
      'new-warnings': String(report.summary.new?.warnings ?? totals.warnings),
      'comment-file': commentFile ? path.resolve(io.cwd, commentFile) : '',
    }), 'step outputs file', io);
  }

  const what = baseline ? ` new since ${printable(since!)}` : '';
  io.stderr(`tde: ${plural(failing.errors, 'error')} and ${plural(failing.warnings, 'warning')}${what} in ${plural(report.summary.files, 'file')}; ${result.fails ? 'failing' : 'passing'} (--fail-on ${failOn}${maxWarnings !== undefined ? `, --max-warnings ${maxWarnings}` : ''})\n`);
  if (failed) return ExitCode.UsageOrIO;
  return result.fails ? ExitCode.Problems : ExitCode.Clean;
}
