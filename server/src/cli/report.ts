// The check report every formatter reads: the engine's problems with their
// offsets turned into 1-based lines and columns, per file, in stable order.
import { ruleDocsUrl, type LineIndex, type CheckResult, type Fix, type NodePath, type Problem, type Severity } from '../engine';

/** A 1-based range; the end column is exclusive (the column after the last character). */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportedEdit extends Region {
  offset: number;
  length: number;
  newText: string;
}

export interface ReportedProblem extends Region {
  rule: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  /** Where in the YAML the problem is, e.g. ['refine', 'tactics', 0]. */
  yamlPath: NodePath;
  docsUrl: string;
  fix?: { title: string; edits: ReportedEdit[] };
  related?: (Region & { message: string })[];
}

export interface SuppressedProblem extends ReportedProblem {
  /** Where the `# tde-disable…` comment that silenced it is. */
  suppressedBy: { line: number; column: number };
}

export interface FileReport {
  /** Relative to the working folder, with `/`. */
  path: string;
  problems: ReportedProblem[];
  suppressed: SuppressedProblem[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Problems shown that `--fix` can fix. */
  fixable: number;
  suppressed: number;
}

export interface CheckReport {
  /** The version of tde that made the report. */
  version: string;
  /** Absolute working folder the paths are relative to. */
  cwd: string;
  files: FileReport[];
  summary: Summary;
  /** Only errors are shown (`--quiet`). */
  quiet: boolean;
  /** Fixes written (`--fix`) or that would be (`--fix-dry-run`). */
  fixesApplied?: number;
}

export function regionOf(lines: LineIndex, offset: number, length: number): Region {
  const start = lines.positionAt(offset);
  const end = lines.positionAt(offset + length);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function reportFix(lines: LineIndex, fix: Fix): ReportedProblem['fix'] {
  return {
    title: fix.title,
    edits: fix.edits.map((edit) => ({ ...regionOf(lines, edit.offset, edit.length), offset: edit.offset, length: edit.length, newText: edit.newText })),
  };
}

export function reportProblem(lines: LineIndex, problem: Problem): ReportedProblem {
  const reported: ReportedProblem = {
    rule: problem.rule,
    severity: problem.severity,
    message: problem.message,
    ...regionOf(lines, problem.offset, problem.length),
    offset: problem.offset,
    length: problem.length,
    yamlPath: problem.path,
    docsUrl: ruleDocsUrl(problem.rule),
  };
  if (problem.fix) reported.fix = reportFix(lines, problem.fix);
  if (problem.related?.length) {
    reported.related = problem.related.map((r) => ({ message: r.message, ...regionOf(lines, r.offset, r.length) }));
  }
  return reported;
}

/** One file's report; with `quiet`, only errors are kept. */
export function reportFile(path: string, result: CheckResult, quiet: boolean): FileReport {
  const lines = result.document.lines;
  const shown = (p: Problem) => !quiet || p.severity === 'error';
  return {
    path,
    problems: result.problems.filter(shown).map((p) => reportProblem(lines, p)),
    suppressed: result.suppressions
      .filter((s) => shown(s.problem))
      .map((s) => {
        const at = lines.positionAt(s.commentOffset);
        return { ...reportProblem(lines, s.problem), suppressedBy: { line: at.line + 1, column: at.character + 1 } };
      }),
  };
}

export function summarize(files: readonly FileReport[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0, fixable: 0, suppressed: 0 };
  for (const file of files) {
    for (const problem of file.problems) {
      if (problem.severity === 'error') summary.errors++;
      else if (problem.severity === 'warning') summary.warnings++;
      else summary.infos++;
      if (problem.fix) summary.fixable++;
    }
    summary.suppressed += file.suppressed.length;
  }
  return summary;
}

/** "3 problems (2 errors, 1 warning, 0 infos)" */
export function problemCounts(summary: Summary): string {
  const total = summary.errors + summary.warnings + summary.infos;
  const word = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return `${word(total, 'problem')} (${word(summary.errors, 'error')}, ${word(summary.warnings, 'warning')}, ${word(summary.infos, 'info')})`;
}
