// The change for people at a terminal: each project with its changes in
// plain sentences, its pitch before and after, the problems introduced and
// fixed, then one summary line.
import type { Pitch } from '../../../engine';
import type { ReportedProblem } from '../../report';
import { linePath, lineSafe, terminalSafe, type Palette } from '../../terminal';
import { severityColor } from '../stylish';
import type { DiffReport, ProjectDiff } from '../../diffReport';
import { diffSummaryText } from './words';
import { changeSentences, projectPhrase, stepsPhrase, type Renderer } from './words';

const KIND_WORDS = { added: 'added', removed: 'removed', modified: 'changed', renamed: 'renamed' } as const;

function problemLines(title: string, problems: readonly ReportedProblem[], palette: Palette): string[] {
  if (!problems.length) return [];
  const positionWidth = Math.max(...problems.map((p) => `${p.line}:${p.column}`.length));
  const severityWidth = Math.max(...problems.map((p) => p.severity.length));
  return [
    `  ${title}`,
    ...problems.map((p) => {
      const severity = severityColor(palette, p.severity)(p.severity.padEnd(severityWidth));
      return `    ${`${p.line}:${p.column}`.padEnd(positionWidth)}  ${severity}  ${terminalSafe(p.message)}  ${palette.dim(`[${p.rule}]`)}`;
    }),
  ];
}

function pitchText(pitch: Pitch | undefined): string {
  return pitch ? terminalSafe(pitch.text) : '(none: the file does not parse)';
}

function projectLines(project: ProjectDiff, palette: Palette, r: Renderer): string[] {
  const out: string[] = [];
  const previous = project.previousPath !== undefined ? ` from ${terminalSafe(project.previousPath)}` : '';
  out.push(`${palette.underline(linePath(project.path))}  ${palette.dim(`${KIND_WORDS[project.change]}${previous}`)}`);
  const { pitch } = project.changes;
  if (project.change === 'added') {
    out.push(`  New project: ${projectPhrase(project.after, r)}; ${stepsPhrase(project.after, r)}.`);
    out.push(`  Pitch: ${pitchText(pitch.after)}`);
  } else if (project.change === 'removed') {
    out.push(`  Removed project: ${projectPhrase(project.before, r)}; it stood at ${stepsPhrase(project.before, r)}.`);
  } else {
    out.push(`  ${projectPhrase(project.after, r)}`);
    for (const sentence of changeSentences(project, r)) out.push(`  • ${sentence}`);
    if (pitch.changed) {
      out.push(`  Pitch before: ${pitchText(pitch.before)}`);
      out.push(`  Pitch now:    ${pitchText(pitch.after)}`);
    }
  }
  out.push(...problemLines('Problems introduced:', project.introduced, palette));
  out.push(...problemLines('Problems fixed (lines of the old file):', project.fixed, palette));
  return out;
}

export function formatDiffStylish(report: DiffReport, palette: Palette): string {
  const r: Renderer = { text: terminalSafe, code: (text) => `\`${terminalSafe(text)}\``, strong: palette.bold };
  const out: string[] = [palette.dim(`Comparing ${terminalSafe(report.base.label)} with ${terminalSafe(report.head.label)}`), ''];
  const quiet = report.projects.filter((p) => !p.meaningful);
  for (const project of report.projects.filter((p) => p.meaningful)) out.push(...projectLines(project, palette, r), '');
  if (quiet.length) out.push(palette.dim(`Also edited, with no change in TDE terms: ${quiet.map((p) => terminalSafe(p.path)).join(', ')}`), '');
  const { summary } = report;
  const color = summary.problemsIntroduced ? palette.red : palette.green;
  out.push(palette.bold(color(diffSummaryText(summary))));
  // A project's title leads a line; `::` there would be a workflow command.
  return lineSafe(`${out.join('\n')}\n`);
}
