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

/** A titled change of the text. */
export interface Change {
  title: string;
  edits: TextEdit[];
}

/**
 * A change whose result cannot mean something else (a misspelt id with one
 * clear candidate, a control character, a mechanical repair): applied
 * without asking by `--fix`, "Fix all" and on save.
 */
export type Fix = Change;

/**
 * A change that could mean something else (a value that carries meaning, a
 * person's or group's name, one of several equally near candidates):
 * offered one at a time in the editor and named in the message as "did you
 * mean …", never applied in bulk.
 */
export type Suggestion = Change;

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
  /** At most one fix, applied in bulk. */
  fix?: Fix;
  /** Changes the user may choose one at a time; never applied in bulk. */
  suggestions?: Suggestion[];
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
  /** The folder a file is checked in (its repository, the workspace folder): `previous` may not lead out of it. Without one, the file's own folder. */
  treeRoot?(path: string): string;
  /** Why a file that is there is not read (a symbolic link out of the tree), naming only the path; undefined when it is read or absent. */
  whyNotRead?(path: string): string | undefined;
}

export type RuleSeverities = Record<string, SeveritySetting>;

/** What a rule is, as data: `tde rules --format json` and the package's `rules`. */
export interface RuleSummary {
  id: string;
  defaultSeverity: Severity;
  defaultSeverityText?: string;
  description: string;
  /** Offers fixes, applied in bulk. */
  fixable: boolean;
  /** Offers suggestions, chosen one at a time. */
  suggests: boolean;
  docsUrl: string;
}
