// The projects as a Markdown table: a dashboard for a README, a wiki or a
// pull request. Text from the files is escaped.
import { STEP_IDS } from '../../../engine/vocabulary';
import { ESCAPED_COLON, lineSafe } from '../../terminal';
import { escapeMarkdown } from '../markdown';
import type { StatusReport, StatusRow } from '../../statusReport';
import { countsText } from './words';

const STEP_BADGES: Record<string, string> = {
  done: '✅ done',
  'in-progress': '🔄 in progress',
  'not-started': '⬜ not started',
  skipped: '⏭️ skipped',
};

function stepBadge(status: string | undefined): string {
  if (status === undefined) return '—';
  return STEP_BADGES[status] ?? escapeMarkdown(status);
}

function problemsCell(counts: StatusRow['problems']): string {
  const icon = counts.errors ? '❌ ' : counts.warnings ? '⚠️ ' : counts.infos ? 'ℹ️ ' : '✅ ';
  return `${icon}${countsText(counts)}`;
}

/** The table's lines; `mark` may flag rows (e.g. the projects a pull request changed). */
export function statusTable(projects: readonly StatusRow[], mark?: (row: StatusRow) => string): string[] {
  const lines = [
    '| File | Project | Place | Iteration | Find | Refine | Design | Implement | Problems |',
    '| --- | --- | --- | ---: | --- | --- | --- | --- | --- |',
  ];
  for (const row of projects) {
    const title = row.parses ? escapeMarkdown(row.status.title ?? '?') : '*does not parse*';
    const cells = [
      `${mark?.(row) ?? ''}${escapeMarkdown(row.path)}`,
      title,
      escapeMarkdown(row.status.place ?? ''),
      row.status.iteration === undefined ? '' : String(row.status.iteration),
      ...STEP_IDS.map((step) => stepBadge(row.status.steps[step])),
      problemsCell(row.problems),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

export function formatStatusMarkdown(report: StatusReport): string {
  const out = ['## TDE projects', ''];
  if (!report.projects.length) out.push('No TDE project files.');
  else out.push(...statusTable(report.projects));
  return lineSafe(`${out.join('\n')}\n`, ESCAPED_COLON.markup);
}
