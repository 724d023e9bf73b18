// What `tde diff` reports: for each project file a change touched, what the
// change means in TDE terms and which problems it brought or took away.
import type { ProjectChanges, ProjectStatus } from '../engine/review';
import type { ReportedProblem } from './report';

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
