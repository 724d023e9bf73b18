// Quick fixes from the engine's fixes and suggestions (looked up in the check
// that produced the diagnostic, not recomputed): a fix is the preferred
// action, a suggestion never is, and only fixes go into "Fix all
// auto-fixable problems": a source action (`source.fixAll.tde`, for
// `editor.codeActionsOnSave`) and, beside a problem that has a fix, the same
// action as a quick fix, since editors show only quick fixes in the light
// bulb. Also "disable this rule" comments. Fix all re-checks the fixed
// text, which for a large file takes a while: it is offered without its edit
// to clients that can resolve it later (`codeAction/resolve`), computed on
// the checking thread, and kept per document version.
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllAsync, ruleById, type Problem } from '../engine';
import type { Analyses, Checked } from './analysis';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';
import type { Session } from './session';
import { message } from '../shared/l10n';
import { TDE_LANGUAGE_ID } from '../shared/tdeFiles';
import { minimalEdits, toLspEdit } from './rangesAndEdits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.tde`;
/** For clients without code action literals: the command that applies an edit. */
export const APPLY_EDIT_COMMAND = 'tde.applyWorkspaceEdit';

/** What a "Fix all" offered without its edit carries to `codeAction/resolve`. */
interface FixAllData {
  /** The document's URI (resolved against its current version). */
  fixAll: string;
}

/** Whether the client can fetch a code action's edit later, keeping its `data` until then. */
export function resolvesCodeActionEdits(capabilities: ClientCapabilities): boolean {
  const codeAction = capabilities.textDocument?.codeAction;
  return !!codeAction?.codeActionLiteralSupport && !!codeAction.dataSupport && !!codeAction.resolveSupport?.properties?.includes('edit');
}

export class CodeActions {
  /** Set at initialization: offer "Fix all" without its edit, for `codeAction/resolve` to fill in. */
  resolveFixAll = false;
  /** The "Fix all" edits of each document's last check, computed once (or being computed). */
  private readonly fixAll = new Map<string, { version: number; resultId: string; edits: Promise<LspTextEdit[] | undefined> }>();

  constructor(
    private readonly session: Session,
    private readonly analyses: Analyses,
  ) {}

  provide(params: CodeActionParams): Promise<(CodeAction | Command)[]> {
    return provideCodeActions(this.session, this.analyses, params, this);
  }

  /** Fill in the edit of a "Fix all" offered without one; any other action is returned as it came. */
  async resolve(action: CodeAction): Promise<CodeAction> {
    const data = action.data as Partial<FixAllData> | undefined;
    if (action.edit || typeof data?.fixAll !== 'string') return action;
    const document = this.session.tdeDocument(data.fixAll);
    if (!document) return action;
    // The current version's check (the document may have changed since the action was offered).
    const checked = await this.analyses.check(document);
    const edits = await this.edits(checked);
    if (!edits || this.session.tdeDocument(checked.uri)?.version !== checked.version) return action;
    return { ...action, edit: workspaceEdit(this.session, checked, edits) };
  }

  /** The document closed. */
  forget(uri: string): void {
    this.fixAll.delete(uri);
  }

  /** "Fix all" for this check of a document: computed at most once; undefined when it could not be. */
  edits(checked: Checked): Promise<LspTextEdit[] | undefined> {
    const cached = this.fixAll.get(checked.uri);
    if (cached && cached.version === checked.version && cached.resultId === checked.resultId) return cached.edits;
    const edits = this.compute(checked).catch((error: unknown) => {
      this.session.error(`computing Fix all for ${checked.uri} failed`, error);
      return undefined;
    });
    this.fixAll.set(checked.uri, { version: checked.version, resultId: checked.resultId, edits });
    return edits;
  }

  /**
   * The engine's fix loop (as `tde check --fix` runs it), each pass
   * re-checked here; then the change expressed as minimal
   * edits to the original text. Each result is re-checked before it is
   * offered, on the checking thread and within its budget; one that cannot
   * be re-checked is not offered (the last one that was is).
   */
  private async compute(checked: Checked): Promise<LspTextEdit[]> {
    const started = Date.now();
    const { lines } = checked;
    const original = lines.text;
    const { text, applied, passes } = await fixAllAsync(original, checked.result.problems, (next) => this.recheck(checked, next));
    const edits = minimalEdits(original, text).map((e) => toLspEdit(lines, e));
    const count = [...applied.values()].reduce((a, b) => a + b, 0);
    this.session.log(`Fix all for ${checked.uri} (version ${checked.version}): fixes applied: ${count}, passes: ${passes}, edits: ${edits.length}, ${Date.now() - started} ms`);
    return edits;
  }

  /** The problems of the fixed text, from the checking thread; undefined when the check did not run to the end. */
  private async recheck(checked: Checked, text: string): Promise<Problem[] | undefined> {
    let result: Checked;
    try {
      result = await this.analyses.checkDetached(TextDocument.create(checked.uri, TDE_LANGUAGE_ID, checked.version, text));
    } catch (error) {
      this.session.log(`Fix all for ${checked.uri}: the fixed text could not be checked (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
    if (result.stopped || !result.enabled) {
      this.session.log(`Fix all for ${checked.uri}: the fixed text could not be checked${result.stopped ? ' within the budget' : ' (validation is off)'}; offering the fixes checked so far`);
      return undefined;
    }
    return result.result.problems;
  }
}

async function provideCodeActions(session: Session, analyses: Analyses, params: CodeActionParams, fixAll: CodeActions): Promise<(CodeAction | Command)[]> {
  const document = session.tdeDocument(params.textDocument.uri);
  if (!document) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const checked = await analyses.check(document);
  if (checked.version !== document.version) return [];
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const disabled = new Set<string>();
    for (const diagnostic of ours) {
      const problem = problemOf(checked, diagnostic);
      if (problem?.fix) {
        actions.push({
          title: problem.fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          diagnostics: [diagnostic],
          edit: workspaceEdit(session, checked, problem.fix.edits.map((e) => toLspEdit(checked.lines, e))),
        });
      }
      // A suggestion could mean something else: offered, never preferred (so never applied by a "fix" key or on save).
      for (const suggestion of problem?.suggestions ?? []) {
        actions.push({
          title: suggestion.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: false,
          diagnostics: [diagnostic],
          edit: workspaceEdit(session, checked, suggestion.edits.map((e) => toLspEdit(checked.lines, e))),
        });
      }
    }
    for (const diagnostic of ours) {
      const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
      if (!rule || rule === 'yaml-syntax') continue;
      const key = `${rule}@${diagnostic.range.start.line}`;
      if (disabled.has(key)) continue;
      disabled.add(key);
      const lineEdit = disableLineEdit(checked, rule, diagnostic.range.start.line);
      actions.push({
        title: message(session.language, 'codeAction.disableLine', { rule }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(session, checked, [lineEdit]),
      });
    }
    for (const rule of new Set(ours.map((d) => (typeof d.code === 'string' ? d.code : '')).filter((r) => r && r !== 'yaml-syntax'))) {
      actions.push({
        title: message(session.language, 'codeAction.disableFile', { rule }),
        kind: CodeActionKind.QuickFix,
        diagnostics: ours.filter((d) => d.code === rule),
        edit: workspaceEdit(session, checked, [disableFileEdit(checked, rule)]),
      });
    }
  }

  if (checked.result.problems.some((p) => p.fix)) {
    // In the light bulb: beside a problem that has a fix.
    const lightBulb = wants(CodeActionKind.QuickFix)
      && params.context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE && problemOf(checked, d)?.fix);
    // For save and "Source Action…"; a client that asked for no kind gets one "Fix all", not two.
    const source = only ? wants(FIX_ALL_KIND) : !lightBulb;
    const kinds = [...(lightBulb ? [CodeActionKind.QuickFix] : []), ...(source ? [FIX_ALL_KIND] : [])];
    if (kinds.length > 0 && fixAll.resolveFixAll) {
      // Offered at no cost; the edit is computed if it is chosen (codeAction/resolve).
      const data: FixAllData = { fixAll: checked.uri };
      for (const kind of kinds) actions.push({ title: message(session.language, 'codeAction.fixAll'), kind, data });
    } else if (kinds.length > 0) {
      const edits = await fixAll.edits(checked);
      // The document may have changed meanwhile: then the request is out of date.
      if (edits?.length && session.tdeDocument(checked.uri)?.version === checked.version) {
        for (const kind of kinds) actions.push({ title: message(session.language, 'codeAction.fixAll'), kind, edit: workspaceEdit(session, checked, edits) });
      }
    }
  }

  if (session.support.codeActionLiterals) return actions;
  return actions.filter((a) => a.edit).map((a) => ({ title: a.title, command: APPLY_EDIT_COMMAND, arguments: [a.edit] }));
}

/** The problem behind a diagnostic: by the index it carries, else by rule and range. */
function problemOf(checked: Checked, diagnostic: Diagnostic): Problem | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const problems = checked.result.problems;
  if (data && data.resultId === checked.resultId && typeof data.index === 'number') {
    const problem = problems[data.index];
    if (problem && problem.rule === diagnostic.code) return problem;
  }
  const { lines } = checked;
  const start = lines.offsetAt(diagnostic.range.start);
  const end = lines.offsetAt(diagnostic.range.end);
  return problems.find((p) => p.rule === diagnostic.code && p.offset === start && p.offset + p.length === end && p.message === diagnostic.message)
    ?? problems.find((p) => p.rule === diagnostic.code && p.offset === start && p.offset + p.length === end);
}

/** An edit of the text that was checked (versioned for clients that take versions). */
function workspaceEdit(session: Session, checked: Pick<Checked, 'uri' | 'version'>, edits: LspTextEdit[]): WorkspaceEdit {
  if (session.support.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: checked.uri, version: checked.version }, edits }] };
  }
  return { changes: { [checked.uri]: edits } };
}

/** `# tde-disable-next-line RULE` above the line (or the rule added to such a comment already there). */
function disableLineEdit(checked: Checked, rule: string, line: number): LspTextEdit {
  const { lines } = checked;
  const existing = checked.result.directives.find((d) => d.kind === 'next-line' && d.targetLine === line && d.rules);
  if (existing) return appendRule(checked, existing, rule);
  const bom = line === 0 && lines.text.startsWith('\ufeff') ? 1 : 0;
  const lineText = lines.lineText(line).slice(bom);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const start = lines.lineStart(line) + bom;
  return toLspEdit(lines, { offset: start, length: 0, newText: `${indent}# tde-disable-next-line ${rule}${reasonBlank(rule)}${lines.eol}` });
}

/** `# tde-disable RULE` at the top of the file (or the rule added to such a comment in the file's header). */
function disableFileEdit(checked: Checked, rule: string): LspTextEdit {
  const { lines } = checked;
  const firstContent = firstContentLine(checked);
  const existing = checked.result.directives.find((d) => d.kind === 'rest-of-file' && d.rules && d.line < firstContent);
  if (existing) return appendRule(checked, existing, rule);
  const start = lines.text.startsWith('\ufeff') ? 1 : 0; // after a byte order mark
  return toLspEdit(lines, { offset: start, length: 0, newText: `# tde-disable ${rule}${reasonBlank(rule)}${lines.eol}` });
}

/** ` -- …` for a rule whose silencing should say why (personal-contact: the address stays in public history). */
function reasonBlank(rule: string): string {
  return ruleById(rule)?.disableAsksReason ? ' -- …' : '';
}

function firstContentLine(checked: Checked): number {
  const { lines } = checked;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line).trim();
    if (text && !text.startsWith('#')) return line;
  }
  return lines.lineCount;
}

/** Add a rule to a directive's list, before its `-- reason` if it has one. */
function appendRule(checked: Checked, directive: Checked['result']['directives'][number], rule: string): LspTextEdit {
  const { lines } = checked;
  const { text } = lines;
  const comment = text.slice(directive.offset, directive.offset + directive.length);
  const reason = comment.indexOf('--');
  const body = reason >= 0 ? comment.slice(0, reason) : comment;
  const insertAt = directive.offset + body.trimEnd().length;
  return toLspEdit(lines, { offset: insertAt, length: 0, newText: `, ${rule}` });
}
