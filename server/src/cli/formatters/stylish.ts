// The default, for people at a terminal: problems grouped under each file,
// columns aligned, then one summary line.
import { problemCounts, type CheckReport, type ReportedProblem } from '../report';
import { plural, terminalSafe, type Palette } from '../terminal';
import type { FormatOptions } from './index';

export function severityColor(palette: Palette, severity: ReportedProblem['severity']): (text: string) => string {
  return severity === 'error' ? palette.red : severity === 'warning' ? palette.yellow : palette.cyan;
}

export function formatStylish(report: CheckReport, { palette }: FormatOptions): string {
  const out: string[] = [];
  const { summary } = report;
  for (const file of report.files) {
    if (file.problems.length === 0) continue;
    const lineWidth = Math.max(...file.problems.map((p) => String(p.line).length));
    const columnWidth = Math.max(...file.problems.map((p) => String(p.column).length));
    const severityWidth = Math.max(...file.problems.map((p) => p.severity.length));
    out.push(palette.underline(terminalSafe(file.path)));
    for (const problem of file.problems) {
      const position = `${String(problem.line).padStart(lineWidth)}:${String(problem.column).padEnd(columnWidth)}`;
      const severity = severityColor(palette, problem.severity)(problem.severity.padEnd(severityWidth));
      out.push(`  ${position}  ${severity}  ${terminalSafe(problem.message)}  ${palette.dim(`[${problem.rule}]`)}`);
    }
    out.push('');
  }
  const total = summary.errors + summary.warnings + summary.infos;
  if (total === 0) {
    const what = report.quiet ? 'no errors' : 'no problems';
    out.push(palette.green(`✓ ${plural(summary.files, 'file')} checked, ${what}`));
  } else {
    const color = summary.errors ? palette.red : summary.warnings ? palette.yellow : palette.cyan;
    out.push(palette.bold(color(`✖ ${problemCounts(summary)}`)));
    if (summary.fixable) out.push(palette.dim(`  ${summary.fixable} fixable with --fix`));
  }
  return `${out.join('\n')}\n`;
}
