// Plain data the engine hands to its doors (CLI, language server, preview).
// Everything is in offsets into the original text; line/column conversion
// happens at the edges through LineIndex.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A path into the YAML document, as keys and sequence indexes. */
export type NodePath = (string | number)[];

/** Replace `length` UTF-16 code units at `offset` with `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** A machine-applicable change: safe to apply without asking (`--fix`, "Fix all"). */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Another place in the same file that a problem is about. */
export interface RelatedLocation {
  message: string;
  offset: number;
  length: number;
}

export interface Problem {
  rule: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  /** YAML path of the node the problem is on (stable across line shifts). */
  path: NodePath;
  fix?: Fix;
  related?: RelatedLocation[];
}

/** A problem that an inline `# tde-disable…` comment silenced. */
export interface Suppression {
  rule: string;
  /** The problem that was silenced. */
  problem: Problem;
  /** Offset of the comment that silenced it. */
  commentOffset: number;
}

/** The file-system look-ups the engine needs; the doors supply them. */
export interface FileHost {
  /** Whether a regular file exists at this absolute path. */
  fileExists(path: string): boolean;
  /** The text of a file, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
}

export type RuleSeverities = Record<string, SeveritySetting>;

/** What a rule is, as data: `tde rules --format json` and the package's `rules`. */
export interface RuleSummary {
  id: string;
  defaultSeverity: Severity;
  defaultSeverityText?: string;
  description: string;
  fixable: boolean;
  docsUrl: string;
}
