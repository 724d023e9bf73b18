// `tde status` formats: one row per project file.
import type { ProjectStatus } from '../../../engine/review';
import type { Palette } from '../../terminal';

export interface StatusRow {
  /** As reports show it. */
  path: string;
  /** False when the file could not be decoded or does not parse: nothing to show but its problems. */
  parses: boolean;
  status: ProjectStatus;
  problems: { errors: number; warnings: number; infos: number };
}

export interface StatusReport {
  version: string;
  projects: StatusRow[];
}

export type StatusFormatter = (report: StatusReport, palette: Palette) => string;

export const STATUS_FORMATS = ['stylish', 'markdown', 'json'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

/** A step's status in words: "in progress", "not started"; "—" for a step not in the file. */
export function statusWords(status: string | undefined): string {
  if (status === undefined) return '—';
  return status === 'in-progress' ? 'in progress' : status === 'not-started' ? 'not started' : status;
}

/** "1 error, 2 warnings" (zeros left out); "none" when clean. */
export function countsText(counts: StatusRow['problems']): string {
  const parts: string[] = [];
  if (counts.errors) parts.push(`${counts.errors} error${counts.errors === 1 ? '' : 's'}`);
  if (counts.warnings) parts.push(`${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`);
  if (counts.infos) parts.push(`${counts.infos} info${counts.infos === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'none';
}

export function loadStatusFormatter(name: StatusFormat): StatusFormatter {
  switch (name) {
    case 'stylish': return (require('./stylish') as typeof import('./stylish')).formatStatusStylish;
    case 'markdown': return (require('./markdown') as typeof import('./markdown')).formatStatusMarkdown;
    case 'json': return (require('./json') as typeof import('./json')).formatStatusJson;
  }
}
