// Checking a set of files the way `tde check` does — strict reading, each
// file's configuration, fixes, the checks of inline comments and, with a
// base revision, which problems are new — for the commands that report on it.
import { check, fixAll, type CheckResult, type FileHost, type Problem, type TdeConfig } from '../engine';
import { compareProblems, type DirectiveChecks } from '../engine/review';
import { printable } from './commandLine';
import type { Baseline } from './baseline';
import { checkFile, withDirectiveProblems } from './checkFile';
import { unifiedDiff } from './unifiedDiff';
import { displayPath } from './findFiles';
import { writeFixed } from './writeFixed';
import { CliError, describeFsError, type CliIO } from './world';
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

/** A file `--fix` changed: how many fixes of each rule. */
interface FixedFile {
  shown: string;
  applied: ReadonlyMap<string, number>;
}

export interface CheckOutcome {
  report: CheckReport;
  files: CheckedFile[];
  /** Unified diffs of `--fix-dry-run`. */
  diffs: string[];
  fixesApplied: number;
  /** What `--fix` changed (or would change), file by file. */
  fixed: FixedFile[];
  filesFixed: number;
  /** What decides the exit code: every error and warning, shown or not, or only the new ones with a baseline. */
  failing: { errors: number; warnings: number };
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
  const fixed: FixedFile[] = [];
  const count = (problem: Pick<Problem, 'severity'>) => {
    if (problem.severity === 'error') failing.errors++;
    else if (problem.severity === 'warning') failing.warnings++;
  };

  for (const file of files) {
    const job = checkFile({ file, shown: displayPath(io.cwd, file), severities: configs.get(file)!.rules }, { fs: io.fs, cwd: io.cwd, host }, settings.directiveChecks);
    const { shown, failures } = job;
    if (job.kind === 'unreadable') {
      failures.forEach(fail);
      continue;
    }
    if (job.kind === 'undecodable') {
      // One problem on the file, new unless the base could not be read either.
      const problem = { ...job.problem };
      if (baseline) problem.baseline = Boolean(baseline.problemsOf(file)?.some((p) => p.rule === problem.rule && p.path.length === 0));
      if (!problem.baseline) count(problem);
      checked.push({ file, shown, report: { path: shown, problems: [problem], suppressed: [] } });
      failures.forEach(fail);
      continue;
    }
    let result = job.result;
    if (settings.fix) {
      const { text, options } = job;
      const outcome = fixAll(text, options);
      result = outcome.result;
      if (outcome.text !== text) {
        let applied = true;
        if (settings.fix === 'dry-run') {
          diffs.push(unifiedDiff(text, outcome.text, shown, `${shown} (fixed)`));
        } else {
          try {
            writeFixed(file, shown, text, outcome.text, io);
          } catch (error) {
            failures.push(error instanceof CliError ? error.message : `cannot write ${printable(shown)}: ${describeFsError(error)}`);
            applied = false;
            result = check(text, options); // the file is as it was: report that
          }
        }
        if (applied) {
          for (const count of outcome.applied.values()) fixesApplied += count;
          filesFixed++;
          fixed.push({ shown, applied: outcome.applied });
        }
      }
      result = withDirectiveProblems(result, settings.directiveChecks);
    }
    let existing: Set<Problem> | undefined;
    if (baseline) existing = compareProblems(result.problems, baseline.problemsOf(file) ?? []).existing;
    for (const problem of result.problems) if (!existing?.has(problem)) count(problem);
    checked.push({ file, shown, result, report: reportFile(shown, result, settings.quiet, existing) });
    failures.forEach(fail);
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
  return { report, files: checked, diffs, fixesApplied, filesFixed, fixed, failing };
}
