// A problem a check reports, where it is and the changes it offers: plain
// data the engine hands to its doors (CLI, language server, preview).
// Everything is in offsets into the original text; line/column conversion
// happens at the edges through LineIndex.

export type Severity = 'error' | 'warning' | 'info';

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
