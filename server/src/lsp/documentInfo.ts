// `tde/documentInfo`: what the pitch preview and the status bar show — the
// pitch with its blanks, the four steps and the current one, and the file's
// problems — computed by the same engine and configuration as the diagnostics.
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildPitch, pitchParagraphMarkdown, ruleDocsUrl, vocabulary, type TdeModel } from '../engine';
import { isScalar, mapAt, stringAt, valueOf } from '../engine/document';
import type { DocumentInfo, DocumentInfoParams, ProblemView, StepSummary } from '../shared/protocol';
import { languageOfLocale, vocabularyText, type Language } from '../shared/l10n';
import type { Analyses } from './analysis';
import { markdownText } from '../engine/markdownText';
import { isTdeFileName, type Session } from './session';
import { rangeAt } from './rangesAndEdits';

const STATUSES = ['not-started', 'in-progress', 'done', 'skipped'];

export async function provideDocumentInfo(session: Session, analyses: Analyses, params: DocumentInfoParams): Promise<DocumentInfo | null> {
  const open = session.tdeDocument(params.uri);
  const document = open ?? (await readTdeFile(session, params.uri));
  if (!document) return null;
  const checked = open ? await analyses.check(open) : await analyses.checkDetached(document);
  const { parsed, result } = checked;
  const lines = parsed.document.lines;
  const model = parsed.clean ? parsed.model : undefined;
  const language = languageOfLocale(params.locale);
  const pitch = buildPitch(model, language);
  const steps = stepSummaries(model, lines, language);
  const project = mapAt(model?.root, 'project');
  const iterationNode = valueOf(project, 'iteration');
  const iteration = isScalar(iterationNode) ? Number(iterationNode.value) : NaN;
  const problems: ProblemView[] = result.problems.map((p) => ({
    rule: p.rule,
    severity: p.severity,
    message: p.message,
    range: rangeAt(lines, p.offset, p.length),
    docsUrl: ruleDocsUrl(p.rule),
  }));
  const info: DocumentInfo = {
    uri: params.uri,
    version: checked.version,
    steps,
    pitch: {
      segments: pitch.segments.map((s) => ({ text: s.text, ...(s.blank ? { blank: s.blank, empty: !!s.empty } : {}) })),
      blanks: pitch.blanks.map((b) => ({ key: b.key, label: b.label, ...(b.value !== undefined ? { value: b.value } : {}), empty: b.empty, path: b.path.join('.') })),
      emptyBlanks: pitch.emptyBlanks,
      customTemplate: pitch.customTemplate,
      // For the clipboard: it must read as written where Markdown is not rendered too.
      markdown: pitchParagraphMarkdown(pitch, (text) => markdownText(text, { lineBreak: ' ', escapes: 'backslashes' })),
      text: pitch.text,
    },
    problems,
    parsed: parsed.clean,
  };
  const title = stringAt(project, 'title')?.trim();
  const place = stringAt(project, 'place')?.trim();
  if (title) info.title = title;
  if (place) info.place = place;
  if (Number.isInteger(iteration) && iteration > 0) info.iteration = iteration;
  const previous = stringAt(project, 'previous')?.trim();
  // A path, not a URL: each segment is escaped (`%20` in a name stays literal).
  const relative = previous?.split('/').map(encodeURIComponent).join('/');
  if (relative && URL.canParse(relative, params.uri)) info.previous = new URL(relative, params.uri).toString();
  const current = currentStep(steps);
  if (current) info.currentStep = current;
  return info;
}

/** A closed TDE file's text, read from the disk (or through the web client). */
export async function readTdeFile(session: Session, uri: string): Promise<TextDocument | undefined> {
  const file = session.files.pathOf(uri);
  if (!file || !isTdeFileName(uri)) return undefined;
  // The web build reads it through the client (nothing to wait for on Node).
  const loading = session.files.load(file);
  if (loading) await loading;
  const text = session.files.host.readFile(file);
  if (text === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `Cannot read ${session.files.reference(file)}.`);
  return TextDocument.create(uri, 'tde-yaml', 0, text);
}

function stepSummaries(model: TdeModel | undefined, lines: Parameters<typeof rangeAt>[0], language: Language): StepSummary[] {
  return vocabulary.STEP_IDS.map((id) => {
    const step = model?.step(id);
    const summary: StepSummary = { id, title: vocabularyText(language, `step.${id}.title`, vocabulary.stepTitle(id)), status: 'absent' };
    if (step?.present) {
      summary.status = step.status && STATUSES.includes(step.status) ? step.status : 'not-started';
      const key = step.key?.range;
      if (key) summary.range = rangeAt(lines, key[0], key[1] - key[0]);
    }
    return summary;
  });
}

/** The last started step; else the first that is neither done nor skipped. */
function currentStep(steps: StepSummary[]): StepSummary | undefined {
  const started = steps.filter((s) => s.status === 'in-progress' || s.status === 'done');
  if (started.length) return started[started.length - 1];
  return steps.find((s) => s.status !== 'done' && s.status !== 'skipped');
}

