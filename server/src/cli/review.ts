// `tde diff` and the CI summary: pair the files of two sides, check both
// versions of each with today's configuration, and compare them in TDE terms.
import * as path from 'node:path';
import type { CheckResult, FileHost, Problem, TdeConfig } from '../engine';
import { diffProjects, hasProjectChanges, projectStatus, type ProjectSide } from '../engine/review';
import { unreadableProblem } from './baseline';
import { checkText } from './checkFile';
import type { ProjectChangeKind, ProjectDiff } from './diffReport';
import type { TdeText } from './readTdeFile';
import { reportProblem, type ReportedProblem } from './report';

/** One version of a file, checked. */
interface CheckedVersion {
  result?: CheckResult;
  /** The problem that stands for a file that could not be decoded. */
  unreadable?: ReportedProblem;
  side: ProjectSide;
}

export function checkVersion(text: TdeText, fileName: string, host: FileHost, config: TdeConfig): CheckedVersion {
  if (!text.ok) {
    return { unreadable: text.problem, side: { problems: [unreadableProblem()] } };
  }
  const result = checkText(text.text, { fileName, host, severities: config.rules }, {});
  const parses = result.document.syntaxIssues.length === 0;
  return { result, side: { model: parses ? result.model : undefined, problems: result.problems } };
}

function reported(version: CheckedVersion | undefined, problems: readonly Problem[]): ReportedProblem[] {
  if (!version) return [];
  return problems.map((p) => (version.result ? reportProblem(version.result.document.lines, p) : version.unreadable!));
}

function statusOf(version: CheckedVersion | undefined) {
  if (!version) return undefined;
  return { ...projectStatus(version.side.model), parses: version.side.model !== undefined };
}

/** Compare two checked versions of one project (either may be missing). */
export function projectDiff(
  change: ProjectChangeKind,
  shown: { path: string; previousPath?: string },
  before: CheckedVersion | undefined,
  after: CheckedVersion | undefined,
): ProjectDiff {
  const changes = diffProjects(before?.side, after?.side);
  const introduced = reported(after, changes.problems.introduced);
  const fixed = reported(before, changes.problems.fixed);
  return {
    change,
    path: shown.path,
    ...(shown.previousPath !== undefined ? { previousPath: shown.previousPath } : {}),
    ...(before ? { before: statusOf(before) } : {}),
    ...(after ? { after: statusOf(after) } : {}),
    changes,
    introduced,
    fixed,
    meaningful: change !== 'modified' || hasProjectChanges(changes) || introduced.length > 0 || fixed.length > 0,
  };
}

export function summarizeDiff(projects: readonly ProjectDiff[]) {
  const summary = { added: 0, removed: 0, modified: 0, renamed: 0, problemsIntroduced: 0, problemsFixed: 0 };
  for (const project of projects) {
    summary[project.change]++;
    summary.problemsIntroduced += project.introduced.length;
    summary.problemsFixed += project.fixed.length;
  }
  return summary;
}

/** An absolute path under the top of a repository. */
export function underTop(top: string, repoPath: string): string {
  return path.join(top, ...repoPath.split('/'));
}
