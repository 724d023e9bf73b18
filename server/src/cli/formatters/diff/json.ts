// The change for scripts: each project with its changes as data, problems
// with 1-based positions (introduced: in the new file; fixed: in the old).
import { jsonText } from '../../terminal';
import type { DiffReport } from '../../diffReport';
import { problemPlaceJson } from '../json';

export function formatDiffJson(report: DiffReport): string {
  const json = {
    version: report.version,
    base: report.base,
    head: report.head,
    projects: report.projects.map((project) => {
      const { changes } = project;
      return {
        change: project.change,
        path: project.path,
        ...(project.previousPath !== undefined ? { previousPath: project.previousPath } : {}),
        before: project.before ?? null,
        after: project.after ?? null,
        project: changes.project,
        steps: changes.steps.map((s) => ({ step: s.step, before: s.before ?? null, after: s.after ?? null, move: s.move })),
        collaborators: changes.collaborators,
        useCases: changes.useCases,
        tactics: changes.tactics,
        pitch: {
          changed: changes.pitch.changed,
          before: changes.pitch.before?.text ?? null,
          after: changes.pitch.after?.text ?? null,
          emptyBlanksBefore: changes.pitch.before?.emptyBlanks ?? null,
          emptyBlanksAfter: changes.pitch.after?.emptyBlanks ?? null,
        },
        problems: { introduced: project.introduced.map(problemPlaceJson), fixed: project.fixed.map(problemPlaceJson) },
      };
    }),
    summary: report.summary,
  };
  return jsonText(json);
}
