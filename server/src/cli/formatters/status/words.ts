// The words `tde status` formats share: a step's status, a count of problems.
import type { StatusRow } from '../../statusReport';

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
