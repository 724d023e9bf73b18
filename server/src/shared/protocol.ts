// Custom messages between the VS Code client and the tde language server,
// declared once here and imported by both sides. Plain JSON shapes only: no
// imports from vscode or vscode-languageserver, so either side can use it.

interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** `tde/documentInfo`: everything the pitch preview and the status bar show. */
export const DocumentInfoRequest = 'tde/documentInfo';

export interface DocumentInfoParams {
  uri: string;
  /** The reader's locale (\`es\`, \`en-US\`): the pitch's frame, its blanks' labels and the step titles are in its language; English when absent. */
  locale?: string;
}

export interface StepSummary {
  id: 'find' | 'refine' | 'design' | 'implement';
  title: string;
  /** not-started | in-progress | done | skipped, or 'absent' when the step is not in the file. */
  status: string;
  range?: LspRange;
}

interface PitchBlankView {
  key: string;
  label: string;
  value?: string;
  empty: boolean;
  /** Dotted path of the field that fills it, e.g. find.result.focus_area. */
  path: string;
}

interface PitchSegmentView {
  text: string;
  blank?: string;
  empty?: boolean;
}

export interface ProblemView {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: LspRange;
  docsUrl: string;
}

export interface DocumentInfo {
  uri: string;
  /** Document version the info was computed for. */
  version: number;
  title?: string;
  place?: string;
  iteration?: number;
  /** The URI of the file `project.previous` names (whether or not it exists): the TDE Projects view chains iterations by it. */
  previous?: string;
  /** The step the project is at: the last started step, else the first not done. */
  currentStep?: StepSummary;
  steps: StepSummary[];
  pitch: {
    segments: PitchSegmentView[];
    blanks: PitchBlankView[];
    emptyBlanks: string[];
    customTemplate: boolean;
    /** The pitch as Markdown (for "Copy Pitch as Markdown"). */
    markdown: string;
    text: string;
  };
  problems: ProblemView[];
  /** False when the YAML does not parse (the pitch is then empty). */
  parsed: boolean;
}

/**
 * `tde/projectPage`: the public site's page of a TDE file (`tde site`), alone,
 * for the editor's preview: a whole HTML document whose only style is inline
 * under `nonce`, with no script. Null when the file is not a TDE file.
 */
export const ProjectPageRequest = 'tde/projectPage';

export interface ProjectPageParams {
  uri: string;
  /** The editor's display language (`es`, `en-US`, …); English when we do not ship it. */
  locale: string;
  /** A fresh random nonce (base64) for the page's style. */
  nonce: string;
}

export interface ProjectPageResult {
  /** Document version the page was built from (0 for a closed file). */
  version: number;
  title: string;
  html: string;
}

/**
 * `tde/revealBlank`: where to put the cursor to fill a pitch blank. When the
 * field is absent the server returns the minimal edit that creates it (with
 * the document's line endings) and the range to select after applying it.
 */
export const RevealBlankRequest = 'tde/revealBlank';

export interface RevealBlankParams {
  uri: string;
  key: string;
}

/** The response is null when the blank is unknown or the file is not open. */
export interface RevealBlankResult {
  /** Edit to apply first (inserting the missing keys, with a placeholder value), if any. */
  edit?: { range: LspRange; newText: string };
  /** Range to select, in the document after the edit: the value, or the placeholder to type over. */
  selection: LspRange;
  /** A snippet to put in place of the selected placeholder (`${1:text}`, or a choice), for clients that insert snippets. */
  snippet?: string;
}

/**
 * `tde/nextIteration`: the text of the iteration that follows a TDE file
 * (shared/nextIteration.ts, as `tde init --next` writes it) and the names
 * to try for it beside the file, first choice first. The client writes it.
 */
export const NextIterationRequest = 'tde/nextIteration';

export interface NextIterationParams {
  uri: string;
  /** Line ending of the new file. */
  eol: '\n' | '\r\n';
}

export type NextIterationResult =
  | { ok: true; text: string; iteration: number; implementDone: boolean; fileNames: string[] }
  | { ok: false; reason: string };

/**
 * Notification server → client about a `.tderc.yaml` the server read: its
 * problems, or an empty list once they are fixed (so the client can clear them).
 */
export const ConfigurationIssuesNotification = 'tde/configurationIssues';

export interface ConfigurationIssues {
  /** Absolute path of the configuration file. */
  file: string;
  /** 1-based line, when known. */
  issues: { message: string; line?: number }[];
}

/**
 * Notification server → client: the documentInfo of these open documents
 * changed for a reason other than an edit (a `.tderc.yaml` or a setting
 * changed, a file that `project.previous` names appeared or vanished); a
 * preview showing one of them should ask again.
 */
export const DocumentInfoChangedNotification = 'tde/documentInfoChanged';

export interface DocumentInfoChanged {
  uris: string[];
}

/** `initializationOptions` the server understands; every field is optional. */
export interface TdeInitializationOptions {
  /**
   * `auto` (default): serve pull diagnostics to a client that supports them
   * and push to the others; `push`: always push.
   */
  diagnosticMode?: 'auto' | 'push';
  /**
   * The longest wait after an edit before checking, in ms (default 50). A document whose last check
   * was cheap is checked at once; a dearer one waits about as long as its last check took, up to
   * this, so that a burst of edits is checked once.
   */
  validationDelay?: number;
  /**
   * True when the client shows `tde/configurationIssues` itself; otherwise
   * the server also reports them with `window/showMessage`.
   */
  handlesConfigurationIssues?: boolean;
  /**
   * True when the client answers `tde/readFile`. The web extension's server
   * (a browser Worker, no file system of its own) then reads `.tderc.yaml`
   * files and the files `project.previous` names through the client;
   * without it, it checks with the default severities and skips
   * `missing-previous`. The Node server reads the disk and ignores this.
   */
  workspaceFiles?: boolean;
}

/**
 * Request server → client, sent only when the client announced
 * `workspaceFiles`: what is at a URI of the workspace file system (the
 * client reads it with `vscode.workspace.fs`, so virtual workspaces such as
 * github.dev work). Errors count as `missing`.
 */
export const ReadFileRequest = 'tde/readFile';

export interface ReadFileParams {
  uri: string;
  /** Whether to send the text of a file; false when only its existence matters. */
  text: boolean;
}

export interface ReadFileResult {
  type: 'file' | 'directory' | 'missing';
  /** The file's text (UTF-8), when asked for and `type` is `file`. */
  text?: string;
  /**
   * Instead of `text`: why the client will not send it (over MAX_FILE_BYTES,
   * binary, UTF-16, not valid UTF-8; decodeTdeBytes's words). Added later and
   * optional: a server that does not know it finds a file without text, which
   * it cannot read either.
   */
  unreadable?: string;
}
