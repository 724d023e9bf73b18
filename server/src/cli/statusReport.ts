// What `tde status` reports: where each project stands, one row a file.
import type { ProjectStatus } from '../engine/review';

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
