// Machine-readable, for scripts: every file checked, with 1-based positions
// (end column exclusive), the problems inline comments silenced (with the
// comment's reason) and, with --since, whether each problem is new.
import type { CheckReport, ReportedProblem } from '../report';
import { jsonText } from '../terminal';
import type { FormatOptions } from './formatter';

/** A problem and where it is, as every JSON report writes it (`tde check`, and `tde diff`'s introduced and fixed). */
export function problemPlaceJson(problem: ReportedProblem) {
  return {
    rule: problem.rule,
    severity: problem.severity,
    message: problem.message,
    line: problem.line,
    column: problem.column,
    endLine: problem.endLine,
    endColumn: problem.endColumn,
    yamlPath: problem.yamlPath,
    docsUrl: problem.docsUrl,
  };
}

function problemJson(problem: ReportedProblem) {
  return {
    ...problemPlaceJson(problem),
    ...(problem.fix ? { fix: problem.fix } : {}),
    ...(problem.suggestions ? { suggestions: problem.suggestions } : {}),
    ...(problem.related ? { related: problem.related } : {}),
    ...(problem.baseline !== undefined ? { baseline: problem.baseline } : {}),
  };
}

export function formatJson(report: CheckReport, _options: FormatOptions): string {
  const json = {
    version: report.version,
    ...(report.since ? { since: report.since } : {}),
    ...(report.configChanges?.length ? { configChanges: report.configChanges } : {}),
    files: report.files.map((file) => ({
      path: file.path,
      problems: file.problems.map(problemJson),
      suppressed: file.suppressed.map((s) => ({ ...problemJson(s), suppressedBy: s.suppressedBy })),
    })),
    summary: {
      ...report.summary,
      ...(report.fixesApplied !== undefined ? { fixesApplied: report.fixesApplied } : {}),
    },
  };
  return jsonText(json);
}
