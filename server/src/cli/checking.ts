// Checking a set of files the way `tde check` does — strict reading, each
// file's configuration, fixes, the checks of inline comments and, with a
// base revision, which problems are new — for the commands that report on it.
import { check, type CheckOptions, type CheckResult, type FileHost, type Problem, type TdeConfig } from '../engine';
import { compareProblems, directiveProblems, type DirectiveChecks } from '../engine/review';
import { printable } from './args';
import type { Baseline } from './baseline';
import { unifiedDiff } from './diff';
import { displayPath } from './files';
import { fixText, writeFixed } from './fix';
import { CliError, describeFsError, type CliIO } from './io';
import { readTdeFile } from './read';
import { reportFile, summarize, type CheckReport, type FileReport } from './report';
import { VERSION } from './version';

export interface CheckSettings {
  quiet: boolean;
  fix?: 'write' | 'dry-run';
  directiveChecks: DirectiveChecks;
}

export interface CheckedFile {
  /** Absolute path. */
  file: string;
  /** As reports show it. */
  shown: string;
  /** The check of the file's final text; undefined when the file could not be decoded. */
  result?: CheckResult;
  report: FileReport;
}

export interface CheckOutcome {
  report: CheckReport;
  files: CheckedFile[];
  /** Unified diffs of `--fix-dry-run`. */
  diffs: string[];
  fixesApplied: number;
  filesFixed: number;
  /** What decides the exit code: every error and warning, shown or not, or only the new ones with a baseline. */
  failing: { errors: number; warnings: number };
}

/** The engine's check plus the checks of the `# tde-disable…` comments. */
export function checkText(text: string, options: CheckOptions, checks: DirectiveChecks): CheckResult {
  const result = check(text, options);
  return withDirectiveProblems(result, checks);
}

function withDirectiveProblems(result: CheckResult, checks: DirectiveChecks): CheckResult {
  const extra = directiveProblems(result, checks);
  if (extra.length) result.problems = [...result.problems, ...extra].sort((a, b) => a.offset - b.offset);
  return result;
}

/**
 * Check each file. Files that cannot be read or written, and rules that
 * fail, are passed to `fail` (the run then ends with exit 2); the other
 * files are still checked.
 */
export function checkFiles(
  files: readonly string[],
  configs: ReadonlyMap<string, TdeConfig>,
  host: FileHost,
  settings: CheckSettings,
  io: CliIO,
  fail: (message: string) => void,
  baseline?: Baseline,
): CheckOutcome {
  const checked: CheckedFile[] = [];
  const diffs: string[] = [];
  const failing = { errors: 0, warnings: 0 };
  let fixesApplied = 0;
  let filesFixed = 0;
  const count = (problem: Pick<Problem, 'severity'>) => {
    if (problem.severity === 'error') failing.errors++;
    else if (problem.severity === 'warning') failing.warnings++;
  };

  for (const file of files) {
    const shown = displayPath(io.cwd, file);
    let read;
    try {
      read = readTdeFile(file, shown, io);
    } catch (error) {
      fail(error instanceof CliError ? error.message : `cannot read ${printable(shown)}: ${describeFsError(error)}`);
      continue;
    }
    if (!read.ok) {
      // Undecodable: one problem on the file, new unless the base could not be read either.
      const problem = { ...read.problem };
      if (baseline) problem.baseline = Boolean(baseline.problemsOf(file)?.some((p) => p.rule === problem.rule && p.path.length === 0));
      if (!problem.baseline) count(problem);
      checked.push({ file, shown, report: { path: shown, problems: [problem], suppressed: [] } });
      continue;
    }
    const text = read.text;
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
      result = withDirectiveProblems(result, settings.directiveChecks);
    } else {
      result = checkText(text, checkOptions, settings.directiveChecks);
    }
    let existing: Set<Problem> | undefined;
    if (baseline) existing = compareProblems(result.problems, baseline.problemsOf(file) ?? []).existing;
    for (const problem of result.problems) if (!existing?.has(problem)) count(problem);
    checked.push({ file, shown, result, report: reportFile(shown, result, settings.quiet, existing) });
  }

  const reports = checked.map((c) => c.report);
  const report: CheckReport = {
    version: VERSION,
    cwd: io.cwd,
    files: reports,
    summary: summarize(reports, baseline !== undefined),
    quiet: settings.quiet,
    ...(settings.fix ? { fixesApplied } : {}),
    ...(baseline ? { since: { revision: baseline.revision, commit: baseline.commit } } : {}),
  };
  return { report, files: checked, diffs, fixesApplied, filesFixed, failing };
}
