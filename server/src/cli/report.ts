// The check report every formatter reads: the engine's problems with their
// offsets turned into 1-based lines and columns, per file, in stable order.
import { ruleDocsUrl, type LineIndex, type CheckResult, type Change, type Problem } from '../engine';
import type { ConfigChange, FileReport, Region, ReportedChange, ReportedProblem, Summary } from './reportTypes';
import { directiveCheckById } from '../engine/review/directives';

/** The page that explains a problem's rule (or a check of inline comments). */
function docsUrlOf(rule: string): string {
  return directiveCheckById(rule)?.docsUrl ?? ruleDocsUrl(rule);
}

export type { CheckReport, FileReport, Region, ReportedChange, ReportedProblem, SuppressedProblem } from './reportTypes';

function regionOf(lines: LineIndex, offset: number, length: number): Region {
  const start = lines.positionAt(offset);
  const end = lines.positionAt(offset + length);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function reportChange(lines: LineIndex, fix: Change): ReportedChange {
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
    docsUrl: docsUrlOf(problem.rule),
  };
  if (problem.fix) reported.fix = reportChange(lines, problem.fix);
  if (problem.suggestions?.length) reported.suggestions = problem.suggestions.map((s) => reportChange(lines, s));
  if (problem.related?.length) {
    reported.related = problem.related.map((r) => ({ message: r.message, ...regionOf(lines, r.offset, r.length) }));
  }
  return reported;
}

/**
 * One file's report; with `quiet`, only errors are kept. With a baseline
 * (`--since`), each problem says whether the base had it (`existing`).
 */
export function reportFile(path: string, result: CheckResult, quiet: boolean, existing?: ReadonlySet<Problem>): FileReport {
  const lines = result.document.lines;
  const shown = (p: Problem) => !quiet || p.severity === 'error';
  const reasons = new Map(result.directives.map((d) => [d.offset, d.reason]));
  return {
    path,
    problems: result.problems.filter(shown).map((p) => {
      const reported = reportProblem(lines, p);
      if (existing) reported.baseline = existing.has(p);
      return reported;
    }),
    suppressed: [...result.suppressions]
      .sort((a, b) => a.problem.offset - b.problem.offset)
      .filter((s) => shown(s.problem))
      .map((s) => {
        const at = lines.positionAt(s.commentOffset);
        const reason = reasons.get(s.commentOffset);
        return { ...reportProblem(lines, s.problem), suppressedBy: { line: at.line + 1, column: at.character + 1, ...(reason ? { reason } : {}) } };
      }),
  };
}

/** Counts over the files; with `since`, also the counts of new problems. */
export function summarize(files: readonly FileReport[], since = false): Summary {
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
  if (since) {
    summary.new = { errors: 0, warnings: 0, infos: 0 };
    for (const problem of files.flatMap((file) => file.problems)) {
      if (problem.baseline) continue;
      if (problem.severity === 'error') summary.new.errors++;
      else if (problem.severity === 'warning') summary.new.warnings++;
      else summary.new.infos++;
    }
  }
  return summary;
}

/** "3 problems (2 errors, 1 warning, 0 infos)" */
export function problemCounts(summary: Summary): string {
  const total = summary.errors + summary.warnings + summary.infos;
  const word = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return `${word(total, 'problem')} (${word(summary.errors, 'error')}, ${word(summary.warnings, 'warning')}, ${word(summary.infos, 'info')})`;
}

/** A configuration change in one plain sentence (without markup). */
export function configChangeText(change: ConfigChange): string {
  const what = change.change === 'added' ? 'adds' : change.change === 'removed' ? 'removes' : 'changes';
  const rules = change.loosened.length
    ? `; it turns ${change.loosened.map((l) => `${l.rule} ${l.to === 'off' ? 'off' : `down to ${l.to}`} (was ${l.from})`).join(', ')}`
    : '; it turns no rule off or down';
  return `This change ${what} the configuration ${change.config}${rules}. It covers ${change.covers.join(', ')}. New problems are judged under the base revision's configuration.`;
}
