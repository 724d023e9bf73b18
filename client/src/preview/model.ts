// What the pitch preview shows, as plain data: built from the server's
// `tde/documentInfo`, posted to the webview, rendered there with textContent.
// No vscode import, so it is unit-tested as is.
import type { DocumentInfo, LspRange, StepSummary } from '../../../server/src/shared/protocol';
import { message, vocabularyText, type Language } from '../../../server/src/shared/l10n';

const STEP_IDS = ['find', 'refine', 'design', 'implement'] as const;
export type StepId = (typeof STEP_IDS)[number];

const PITCH_BLANK_KEYS = ['focus_area', 'impact', 'refining_tactic', 'data_requesters', 'data_supply', 'next_steps'] as const;
export type PitchBlankKey = (typeof PITCH_BLANK_KEYS)[number];

const STEP_TITLES: Record<StepId, string> = { find: 'Find', refine: 'Refine', design: 'Design', implement: 'Implement' };

type StepStatus = 'absent' | 'not-started' | 'in-progress' | 'done' | 'skipped';

interface PreviewStep {
  id: StepId;
  title: string;
  status: StepStatus;
  /** "in progress", "not started", …: for people, not machines. */
  statusLabel: string;
  current: boolean;
  /** Whether clicking it can jump to the step's key. */
  revealable: boolean;
}

interface PreviewSegment {
  text: string;
  blank?: PitchBlankKey;
  empty?: boolean;
}

interface PreviewBlank {
  key: PitchBlankKey;
  label: string;
  value?: string;
  empty: boolean;
  /** The field that fills it, e.g. find.result.focus_area. */
  field: string;
}

interface PreviewProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  rule: string;
  /** 1-based, for display. */
  line: number;
  /** Only ever an https: address. */
  docsUrl?: string;
}

interface PreviewDocument {
  kind: 'document';
  fileName: string;
  title?: string;
  place?: string;
  iteration?: number;
  parsed: boolean;
  steps: PreviewStep[];
  pitch: { segments: PreviewSegment[]; blanks: PreviewBlank[]; customTemplate: boolean };
  problems: PreviewProblem[];
  /** `tde.validate.enable` is off for this file. */
  problemsHidden: boolean;
}

interface PreviewNotice {
  kind: 'notice';
  fileName?: string;
  text: string;
}

export type PreviewView = PreviewDocument | PreviewNotice;

/** Where clicks in the preview lead, kept on the extension side only. */
export interface PreviewTargets {
  problems: LspRange[];
  steps: Partial<Record<StepId, LspRange>>;
  blanks: PitchBlankKey[];
}

/** A step's status as people read it ("in progress"), in their language; an absent step reads as not started. */
export function statusLabel(status: string, language: Language = 'en'): string {
  const known = status === 'absent' ? 'not-started' : status;
  return isStepStatus(known) ? message(language, `value.status.${known}`) : status.replace(/-/g, ' ');
}

/** A step's title in the reader's language: the method's vocabulary, or what the server gave when the id is unknown. */
export function stepTitle(id: string, given: string | undefined, language: Language = 'en'): string {
  return isStepId(id) ? vocabularyText(language, `step.${id}.title`, STEP_TITLES[id]) : (given ?? id);
}

function isStepStatus(value: string): value is Exclude<StepStatus, 'absent'> {
  return value === 'not-started' || value === 'in-progress' || value === 'done' || value === 'skipped';
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function isPitchBlankKey(value: unknown): value is PitchBlankKey {
  return typeof value === 'string' && (PITCH_BLANK_KEYS as readonly string[]).includes(value);
}

/** The address itself when it is https:, else undefined (no javascript:, data:, file:, …). */
export function httpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function severityOf(value: string): PreviewProblem['severity'] {
  return value === 'error' || value === 'warning' ? value : 'info';
}

function toStatus(value: string | undefined): StepStatus {
  return value !== undefined && isStepStatus(value) ? value : 'absent';
}

export function buildPreview(
  info: DocumentInfo,
  fileName: string,
  options: { showProblems: boolean; language?: Language },
): { view: PreviewDocument; targets: PreviewTargets } {
  const language = options.language ?? 'en';
  const targets: PreviewTargets = { problems: [], steps: {}, blanks: [] };

  const byId = new Map<string, StepSummary>(info.steps.map((step) => [step.id, step]));
  const steps = STEP_IDS.map((id): PreviewStep => {
    const summary = byId.get(id);
    const status = toStatus(summary?.status);
    if (summary?.range) targets.steps[id] = summary.range;
    return {
      id,
      title: stepTitle(id, summary?.title, language),
      status,
      statusLabel: statusLabel(status, language),
      current: info.currentStep?.id === id,
      revealable: Boolean(summary?.range),
    };
  });

  const blanks: PreviewBlank[] = [];
  for (const blank of info.pitch.blanks) {
    if (!isPitchBlankKey(blank.key)) continue;
    targets.blanks.push(blank.key);
    blanks.push({ key: blank.key, label: blank.label, value: blank.value, empty: blank.empty, field: blank.path });
  }
  const segments = info.pitch.segments.map((segment): PreviewSegment => {
    const blank = isPitchBlankKey(segment.blank) ? segment.blank : undefined;
    return blank ? { text: segment.text, blank, empty: Boolean(segment.empty) } : { text: segment.text };
  });

  const ordered = options.showProblems
    ? [...info.problems].sort(
        (a, b) =>
          a.range.start.line - b.range.start.line ||
          a.range.start.character - b.range.start.character ||
          SEVERITY_ORDER[severityOf(a.severity)] - SEVERITY_ORDER[severityOf(b.severity)],
      )
    : [];
  const problems = ordered.map((problem): PreviewProblem => {
    targets.problems.push(problem.range);
    return {
      severity: severityOf(problem.severity),
      message: problem.message,
      rule: problem.rule,
      line: problem.range.start.line + 1,
      docsUrl: httpsUrl(problem.docsUrl),
    };
  });

  return {
    view: {
      kind: 'document',
      fileName,
      title: info.title,
      place: info.place,
      iteration: info.iteration,
      parsed: info.parsed,
      steps,
      pitch: { segments, blanks, customTemplate: info.pitch.customTemplate },
      problems,
      problemsHidden: !options.showProblems,
    },
    targets,
  };
}
