// `tde diff` formats: what a change means for each project, in TDE terms.
import type { ProjectChanges, ProjectStatus } from '../../../engine/review';
import type { ReportedProblem } from '../../report';
import type { Palette } from '../../terminal';

export type ProjectChangeKind = 'added' | 'removed' | 'modified' | 'renamed';

export interface DiffSideInfo {
  /** How reports name the side: `main (1a2b3c4)`, `the working tree`, a file's path. */
  label: string;
  revision?: string;
  commit?: string;
  file?: string;
}

export interface ProjectDiff {
  change: ProjectChangeKind;
  /** The file as reports show it: its new path, or its old one when removed. */
  path: string;
  /** For a renamed file, its path at the base. */
  previousPath?: string;
  /** Where the project stands on each side (absent on the side without the file). */
  before?: ProjectStatus & { parses: boolean };
  after?: ProjectStatus & { parses: boolean };
  changes: ProjectChanges;
  /** The problems the change introduced, placed in the new file. */
  introduced: ReportedProblem[];
  /** The problems it fixed, placed in the old file. */
  fixed: ReportedProblem[];
  /** Whether anything changed in TDE terms or in the problems. */
  meaningful: boolean;
}

export interface DiffReport {
  version: string;
  base: DiffSideInfo;
  head: DiffSideInfo;
  projects: ProjectDiff[];
  summary: { added: number; removed: number; modified: number; renamed: number; problemsIntroduced: number; problemsFixed: number };
}

export type DiffFormatter = (report: DiffReport, palette: Palette) => string;

export const DIFF_FORMATS = ['stylish', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function loadDiffFormatter(name: DiffFormat): DiffFormatter {
  switch (name) {
    case 'stylish': return (require('./stylish') as typeof import('./stylish')).formatDiffStylish;
    case 'markdown': return (require('./markdown') as typeof import('./markdown')).formatDiffMarkdown;
    case 'json': return (require('./json') as typeof import('./json')).formatDiffJson;
  }
}

/** The project's title, from the side that has one. */
export function projectTitle(project: ProjectDiff): string | undefined {
  return project.after?.title ?? project.before?.title;
}

/** "1 project added, 2 changed; 2 problems introduced, 1 fixed" */
export function diffSummaryText(summary: DiffReport['summary']): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const projects: string[] = [];
  if (summary.added) projects.push(`${n(summary.added, 'project')} added`);
  if (summary.removed) projects.push(`${projects.length ? summary.removed : n(summary.removed, 'project')} removed`);
  if (summary.renamed) projects.push(`${projects.length ? summary.renamed : n(summary.renamed, 'project')} renamed`);
  if (summary.modified) projects.push(`${projects.length ? summary.modified : n(summary.modified, 'project')} changed`);
  if (!projects.length) return 'No TDE project changed';
  return `${projects.join(', ')}; ${n(summary.problemsIntroduced, 'problem')} introduced, ${summary.problemsFixed} fixed`;
}
