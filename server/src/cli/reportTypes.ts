// The shape of a check report: what `--format json` writes, what every
// formatter reads and what the package's API returns. Types only, free of the
// YAML parser's, so the published type declarations stand on their own.
import type { NodePath, Severity } from '../engine/problem';

/** A 1-based range; the end column is exclusive (the column after the last character). */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportedEdit extends Region {
  offset: number;
  length: number;
  newText: string;
}

/** A fix or a suggestion, with its edits placed in lines and columns. */
export interface ReportedChange {
  title: string;
  edits: ReportedEdit[];
}

export interface ReportedProblem extends Region {
  rule: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  /** Where in the YAML the problem is, e.g. ['refine', 'tactics', 0]. */
  yamlPath: NodePath;
  docsUrl: string;
  /** Applied by `--fix`. */
  fix?: ReportedChange;
  /** Offered, never applied: each could mean something else ("did you mean …"). */
  suggestions?: ReportedChange[];
  related?: (Region & { message: string })[];
  /** With `--since`: true when the base revision had this problem already. */
  baseline?: boolean;
}

export interface SuppressedProblem extends ReportedProblem {
  /** Where the `# tde-disable…` comment that silenced it is, and the reason it gives. */
  suppressedBy: { line: number; column: number; reason?: string };
}

export interface FileReport {
  /** Relative to the working folder, with `/`. */
  path: string;
  problems: ReportedProblem[];
  suppressed: SuppressedProblem[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Problems shown that `--fix` can fix. */
  fixable: number;
  suppressed: number;
  /** With `--since`: the problems shown that the base did not have. */
  new?: { errors: number; warnings: number; infos: number };
}

export interface CheckReport {
  /** The version of tde that made the report. */
  version: string;
  /** Absolute working folder the paths are relative to. */
  cwd: string;
  files: FileReport[];
  summary: Summary;
  /** Only errors are shown (`--quiet`). */
  quiet: boolean;
  /** Fixes written (`--fix`) or that would be (`--fix-dry-run`). */
  fixesApplied?: number;
  /** With `--since`: the revision problems are compared with. */
  since?: { revision: string; commit: string };
  /** With `--since`: what the change does to the configuration (new problems are judged under the base's). */
  configChanges?: ConfigChange[];
}

/** A `.tderc.yaml` the change adds, edits or removes. */
export interface ConfigChange {
  /** The configuration file, relative to the working folder. */
  config: string;
  change: 'added' | 'changed' | 'removed';
  /** The rules it turns off or down, with their severity before and after. */
  loosened: { rule: string; from: 'off' | Severity; to: 'off' | Severity }[];
  /** The checked files it applies to. */
  covers: string[];
}
