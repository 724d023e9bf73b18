// The projects for scripts: one object per file.
import { jsonText } from '../../terminal';
import type { StatusReport } from '../../statusReport';

export function formatStatusJson(report: StatusReport): string {
  const json = {
    version: report.version,
    projects: report.projects.map((row) => ({
      path: row.path,
      parses: row.parses,
      title: row.status.title ?? null,
      place: row.status.place ?? null,
      iteration: row.status.iteration ?? null,
      steps: Object.fromEntries(Object.entries(row.status.steps).map(([step, status]) => [step, status ?? null])),
      problems: row.problems,
    })),
  };
  return jsonText(json);
}
