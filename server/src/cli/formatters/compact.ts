// One line per problem, `path:line:col: severity: message [rule]`, for grep,
// editors' quickfix lists and problem matchers; problems comments silenced
// follow as `silenced` lines. Nothing at all when clean.
import type { CheckReport } from '../report';
import { linePath, lineSafe, terminalSafe } from '../terminal';
import type { FormatOptions } from './formatter';
import { reasonText, severityColor } from './stylish';

export function formatCompact(report: CheckReport, { palette }: FormatOptions): string {
  let out = '';
  for (const file of report.files) {
    const path = linePath(file.path);
    for (const problem of file.problems) {
      const severity = severityColor(palette, problem.severity)(problem.severity);
      const existing = problem.baseline ? ` ${palette.dim('(existing)')}` : '';
      out += `${palette.bold(path)}:${problem.line}:${problem.column}: ${severity}: ${terminalSafe(problem.message)} ${palette.dim(`[${problem.rule}]`)}${existing}\n`;
    }
  }
  for (const file of report.files) {
    const path = linePath(file.path);
    for (const s of file.suppressed) {
      const why = `silenced by line ${s.suppressedBy.line}: ${reasonText(s.suppressedBy.reason)}`;
      out += palette.dim(`${path}:${s.line}:${s.column}: silenced: ${terminalSafe(s.message)} [${s.rule}] (${terminalSafe(why)})`) + '\n';
    }
  }
  return lineSafe(out);
}
