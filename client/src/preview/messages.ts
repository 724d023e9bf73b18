// Messages between the pitch preview webview and the extension. Everything the
// webview sends is untrusted input: it is parsed here into one of a few known
// shapes, or dropped. No vscode import, so it is unit-tested as is.
import { isPitchBlankKey, isStepId, type PitchBlankKey, type PreviewView, type StepId } from './model';

/** The preview's own words (client/src/preview/words.ts), keyed as media/preview.js reads them. */
export interface PreviewWords {
  /** VS Code's display language, for the page's lang attribute. */
  lang: string;
  title: string;
  untitled: string;
  iteration: string;
  pitchActions: string;
  copyMarkdown: string;
  copyMarkdownTitle: string;
  openSource: string;
  openSourceTitle: string;
  steps: string;
  goToStep: string;
  pitch: string;
  notParsed: string;
  ownFrame: string;
  filled: string;
  blankTitle: string;
  stillBlank: string;
  everyBlankFilled: string;
  goToField: string;
  problems: string;
  checkingOff: string;
  noProblems: string;
  error: string;
  warning: string;
  info: string;
  goToProblem: string;
  line: string;
  aboutRule: string;
}

/** Extension → webview. */
export interface RenderMessage {
  type: 'render';
  view: PreviewView;
  words: PreviewWords;
  /** Persisted by the webview (setState) so the serializer can restore the panel. */
  uri?: string;
}

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'revealBlank'; key: PitchBlankKey }
  | { type: 'revealProblem'; index: number }
  | { type: 'revealStep'; step: StepId }
  | { type: 'copyMarkdown' }
  | { type: 'openSource' };

const MAX_INDEX = 100_000;

export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'copyMarkdown':
    case 'openSource':
      return { type: message.type };
    case 'revealBlank':
      return isPitchBlankKey(message.key) ? { type: 'revealBlank', key: message.key } : undefined;
    case 'revealStep':
      return isStepId(message.step) ? { type: 'revealStep', step: message.step } : undefined;
    case 'revealProblem': {
      const index = message.index;
      return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < MAX_INDEX
        ? { type: 'revealProblem', index }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** The webview's persisted state, as handed back to the serializer. */
export function parsePreviewState(raw: unknown): { uri: string } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const uri = (raw as Record<string, unknown>).uri;
  return typeof uri === 'string' && uri.length > 0 && uri.length < 4096 ? { uri } : undefined;
}
