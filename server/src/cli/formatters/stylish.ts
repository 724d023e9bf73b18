// The default, for people at a terminal: problems grouped under each file,
// columns aligned, then one summary line, and what comments silenced.
import { problemCounts, type CheckReport, type ReportedProblem } from '../report';
import { linePath, lineSafe, plural, terminalSafe, type Palette } from '../terminal';
import type { FormatOptions } from './formatter';

export function severityColor(palette: Palette, severity: ReportedProblem['severity']): (text: string) => string {
  return severity === 'error' ? palette.red : severity === 'warning' ? palette.yellow : palette.cyan;
}

/** "main (1a2b3c4)" */
function sinceLabel(report: CheckReport): string {
  const since = report.since!;
  return since.commit.startsWith(since.revision) ? since.commit.slice(0, 7) : `${since.revision} (${since.commit.slice(0, 7)})`;
}

/** "no reason given" or the reason, for one line. */
export function reasonText(reason: string | undefined): string {
  return reason ? `"${reason}"` : 'no reason given';
}

export function formatStylish(report: CheckReport, { palette }: FormatOptions): string {
  const out: string[] = [];
  const { summary } = report;
  for (const file of report.files) {
    if (file.problems.length === 0) continue;
    const lineWidth = Math.max(...file.problems.map((p) => String(p.line).length));
    const columnWidth = Math.max(...file.problems.map((p) => String(p.column).length));
    const severityWidth = Math.max(...file.problems.map((p) => p.severity.length));
    out.push(palette.underline(linePath(file.path)));
    for (const problem of file.problems) {
      const position = `${String(problem.line).padStart(lineWidth)}:${String(problem.column).padEnd(columnWidth)}`;
      const severity = severityColor(palette, problem.severity)(problem.severity.padEnd(severityWidth));
      const existing = problem.baseline ? ` ${palette.dim('(existing)')}` : '';
      out.push(`  ${position}  ${severity}  ${terminalSafe(problem.message)}  ${palette.dim(`[${problem.rule}]`)}${existing}`);
    }
    out.push('');
  }
  const total = summary.errors + summary.warnings + summary.infos;
  if (total === 0) {
    const what = report.quiet ? 'no errors' : 'no problems';
    out.push(palette.green(`✓ ${plural(summary.files, 'file')} checked, ${what}`));
  } else {
    const failing = summary.new ?? summary;
    const color = failing.errors ? palette.red : failing.warnings ? palette.yellow : palette.cyan;
    out.push(palette.bold(color(`✖ ${problemCounts(summary)}`)));
    if (summary.new) {
      const fresh = summary.new.errors + summary.new.warnings + summary.new.infos;
      out.push(`  ${fresh} new since ${terminalSafe(sinceLabel(report))}, ${total - fresh} existing`);
    }
    if (summary.fixable) out.push(palette.dim(`  ${summary.fixable} fixable with --fix`));
  }
  const silenced = report.files.flatMap((file) => file.suppressed.map((s) => ({ file, s })));
  if (silenced.length) {
    out.push(palette.dim(`${plural(silenced.length, 'problem')} silenced by comments:`));
    for (const { file, s } of silenced) {
      out.push(palette.dim(`  ${linePath(file.path)}:${s.line}:${s.column}  ${s.rule}  (line ${s.suppressedBy.line}: ${terminalSafe(reasonText(s.suppressedBy.reason))})`));
    }
  }
  // Paths lead their lines as `./::…` already; this is for anything else a file could put there.
  return lineSafe(`${out.join('\n')}\n`);
}
