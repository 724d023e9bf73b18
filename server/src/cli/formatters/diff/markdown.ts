// The change for a pull request: each project under its own heading, its
// changes as plain sentences, what the pitch now says (and said), and the
// problems introduced and fixed. Text from the files is escaped.
import { pitchParagraphMarkdown, type Pitch } from '../../../engine';
import { clip } from '../../../engine/prose';
import { pitchStatusMarkdown } from '../../commands/pitch';
import { ESCAPED_COLON, lineSafe } from '../../terminal';
import { escapeCode, escapeMarkdown, problemTable } from '../markdown';
import type { DiffReport, DiffSideInfo, ProjectDiff } from '../../diffReport';
import { diffSummaryText, projectTitle } from './words';
import { changeSentences, projectPhrase, stepsPhrase, type Renderer } from './words';

const MAX_BLANK = 600;

const r: Renderer = {
  text: escapeMarkdown,
  code: (text) => `<code>${escapeCode(text)}</code>`,
  strong: (rendered) => `**${rendered}**`,
};

/** A side as a reviewer reads it: <code>main</code> (1a2b3c4), the working tree, a file. */
function sideMarkdown(side: DiffSideInfo): string {
  if (side.file !== undefined) return `<code>${escapeCode(side.file)}</code>`;
  if (side.commit === undefined) return escapeMarkdown(side.label);
  const short = side.commit.slice(0, 7);
  return side.revision === undefined || side.commit.startsWith(side.revision) ? `<code>${short}</code>` : `<code>${escapeCode(side.revision)}</code> (${short})`;
}

/** The pitch as one quoted paragraph, each blank cut to a readable length. */
function pitchQuote(pitch: Pitch): string[] {
  const clipped: Pitch = {
    ...pitch,
    segments: pitch.segments.map((s) => ({ ...s, text: clip(s.text, MAX_BLANK) })),
  };
  return [`> ${pitchParagraphMarkdown(clipped, escapeMarkdown)}`, '>', `> *${pitchStatusMarkdown(pitch)}*`];
}

function projectSection(project: ProjectDiff, hashes: string): string[] {
  const title = projectTitle(project);
  const out: string[] = ['', `${hashes} ${title ? `${escapeMarkdown(title)} · ` : ''}<code>${escapeCode(project.path)}</code>`, ''];
  const { pitch } = project.changes;
  if (project.change === 'added') {
    out.push(`🆕 **New project:** ${projectPhrase(project.after, r)}; ${stepsPhrase(project.after, r)}.`);
  } else if (project.change === 'removed') {
    out.push(`🗑️ **Removed project:** ${projectPhrase(project.before, r)}; it stood at ${stepsPhrase(project.before, r)}.`);
  } else {
    const renamed = project.previousPath !== undefined ? `*Renamed from <code>${escapeCode(project.previousPath)}</code>.* ` : '';
    out.push(`${renamed}${projectPhrase(project.after, r)}; ${stepsPhrase(project.after, r)}.`);
    const sentences = changeSentences(project, r);
    if (sentences.length) out.push('', ...sentences.map((s) => `- ${s}`));
  }
  if (pitch.after) {
    out.push('', pitch.changed && project.change !== 'added' ? '**The pitch now says:**' : '**The pitch:**', '', ...pitchQuote(pitch.after));
    if (pitch.changed && pitch.before && project.change !== 'added') {
      out.push('', '<details><summary>The pitch before this change</summary>', '', ...pitchQuote(pitch.before), '', '</details>');
    }
  } else if (project.change !== 'removed') {
    out.push('', '*No pitch: the file does not parse.*');
  }
  if (project.introduced.length) out.push('', `**New problems (${project.introduced.length}):**`, '', ...problemTable(project.introduced, false));
  if (project.fixed.length) out.push('', `**Problems fixed (${project.fixed.length}):**`, '', ...problemTable(project.fixed, false, 'Old line'));
  return out;
}

/** The diff's body, the report's title at `level`, projects one level below. */
export function diffMarkdown(report: DiffReport, level = 2): string[] {
  const hashes = '#'.repeat(level + 1);
  const out: string[] = [
    `${'#'.repeat(level)} What changed in the TDE projects`,
    '',
    `Comparing ${sideMarkdown(report.base)} with ${sideMarkdown(report.head)}: **${escapeMarkdown(diffSummaryText(report.summary))}.**`,
  ];
  for (const project of report.projects.filter((p) => p.meaningful)) out.push(...projectSection(project, hashes));
  const quiet = report.projects.filter((p) => !p.meaningful);
  if (quiet.length) out.push('', `Also edited, with no change in TDE terms: ${quiet.map((p) => `<code>${escapeCode(p.path)}</code>`).join(', ')}.`);
  return out;
}

export function formatDiffMarkdown(report: DiffReport): string {
  // A project's title can lead a line; `::` there would be a workflow command.
  return lineSafe(`${diffMarkdown(report).join('\n')}\n`, ESCAPED_COLON.markup);
}
