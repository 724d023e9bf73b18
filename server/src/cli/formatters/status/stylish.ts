// The projects as an aligned table for the terminal.
import { clip } from '../../../engine/prose';
import { STEP_IDS } from '../../../engine/vocabulary';
import { linePath, lineSafe, terminalSafe, visibleLength, type Palette } from '../../terminal';
import type { StatusReport } from '../../statusReport';
import { countsText, statusWords } from './words';

const MAX_CELL = 40;

function cell(text: string): string {
  return clip(text, MAX_CELL);
}

function stepColor(palette: Palette, status: string | undefined): (text: string) => string {
  switch (status) {
    case 'done': return palette.green;
    case 'in-progress': return palette.yellow;
    case 'skipped':
    case undefined: return palette.dim;
    default: return (text) => text;
  }
}

export function formatStatusStylish(report: StatusReport, palette: Palette): string {
  const header = ['FILE', 'PROJECT', 'PLACE', 'ITER', 'FIND', 'REFINE', 'DESIGN', 'IMPLEMENT', 'PROBLEMS'];
  const rows = report.projects.map((row) => {
    const problems = countsText(row.problems);
    const problemColor = row.problems.errors ? palette.red : row.problems.warnings ? palette.yellow : palette.green;
    return [
      linePath(cell(row.path)),
      row.parses ? terminalSafe(cell(row.status.title ?? '?')) : palette.dim('(does not parse)'),
      terminalSafe(cell(row.status.place ?? '')),
      row.status.iteration === undefined ? '' : String(row.status.iteration),
      ...STEP_IDS.map((step) => stepColor(palette, row.status.steps[step])(terminalSafe(cell(statusWords(row.status.steps[step]))))),
      problemColor(problems),
    ];
  });
  const widths = header.map((title, i) => Math.max(visibleLength(title), ...rows.map((row) => visibleLength(row[i]!))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - visibleLength(cell)))).join('  ').trimEnd();
  return lineSafe(`${[palette.bold(line(header)), ...rows.map(line)].join('\n')}\n`);
}
