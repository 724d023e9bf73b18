// One line per problem, `path:line:col: severity: message [rule]`, for grep,
// editors' quickfix lists and problem matchers. Nothing at all when clean.
import type { CheckReport } from '../report';
import { terminalSafe } from '../terminal';
import type { FormatOptions } from './index';
import { severityColor } from './stylish';

export function formatCompact(report: CheckReport, { palette }: FormatOptions): string {
  let out = '';
  for (const file of report.files) {
    const path = terminalSafe(file.path);
    for (const problem of file.problems) {
      const severity = severityColor(palette, problem.severity)(problem.severity);
      out += `${palette.bold(path)}:${problem.line}:${problem.column}: ${severity}: ${terminalSafe(problem.message)} ${palette.dim(`[${problem.rule}]`)}\n`;
    }
  }
  return out;
}
