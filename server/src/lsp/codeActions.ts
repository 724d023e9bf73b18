// Quick fixes from the engine's fixes (looked up in the check that produced
// the diagnostic, not recomputed), "disable this rule" comments, and the
// source action "Fix all auto-fixable problems".
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, checkDocument, compatibleFixes, parseTde, type Problem, type TextEdit } from '../engine';
import type { Analyses, Checked } from './analysis';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';
import { fsPathOf, nodeFileHost, type Session } from './session';
import { minimalEdits, toLspEdit } from './text';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.tde`;
/** For clients without code action literals: the command that applies an edit. */
export const APPLY_EDIT_COMMAND = 'tde.applyWorkspaceEdit';
const MAX_FIX_PASSES = 10;

export async function provideCodeActions(session: Session, analyses: Analyses, params: CodeActionParams): Promise<(CodeAction | Command)[]> {
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
          edit: workspaceEdit(session, document, problem.fix.edits.map((e) => toLspEdit(checked.parsed.document.lines, e))),
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
        title: `Disable ${rule} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(session, document, [lineEdit]),
      });
    }
    for (const rule of new Set(ours.map((d) => (typeof d.code === 'string' ? d.code : '')).filter((r) => r && r !== 'yaml-syntax'))) {
      actions.push({
        title: `Disable ${rule} for the file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: ours.filter((d) => d.code === rule),
        edit: workspaceEdit(session, document, [disableFileEdit(checked, rule)]),
      });
    }
  }

  if (wants(FIX_ALL_KIND) && (only || checked.result.problems.some((p) => p.fix))) {
    const edits = fixAllEdits(checked);
    if (edits.length) {
      actions.push({
        title: 'Fix all auto-fixable problems',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(session, document, edits.map((e) => toLspEdit(checked.parsed.document.lines, e))),
      });
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
  const { lines } = checked.parsed.document;
  const start = lines.offsetAt(diagnostic.range.start);
  const end = lines.offsetAt(diagnostic.range.end);
  return problems.find((p) => p.rule === diagnostic.code && p.offset === start && p.offset + p.length === end && p.message === diagnostic.message)
    ?? problems.find((p) => p.rule === diagnostic.code && p.offset === start && p.offset + p.length === end);
}

function workspaceEdit(session: Session, document: TextDocument, edits: LspTextEdit[]): WorkspaceEdit {
  if (session.support.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: edits } };
}

/** `# tde-disable-next-line RULE` above the line (or the rule added to such a comment already there). */
function disableLineEdit(checked: Checked, rule: string, line: number): LspTextEdit {
  const { lines } = checked.parsed.document;
  const existing = checked.result.directives.find((d) => d.kind === 'next-line' && d.targetLine === line && d.rules);
  if (existing) return appendRule(checked, existing, rule);
  const bom = line === 0 && lines.text.startsWith('\ufeff') ? 1 : 0;
  const lineText = lines.lineText(line).slice(bom);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const start = lines.lineStart(line) + bom;
  return toLspEdit(lines, { offset: start, length: 0, newText: `${indent}# tde-disable-next-line ${rule}${lines.eol}` });
}

/** `# tde-disable RULE` at the top of the file (or the rule added to such a comment in the file's header). */
function disableFileEdit(checked: Checked, rule: string): LspTextEdit {
  const { lines } = checked.parsed.document;
  const firstContent = firstContentLine(checked);
  const existing = checked.result.directives.find((d) => d.kind === 'rest-of-file' && d.rules && d.line < firstContent);
  if (existing) return appendRule(checked, existing, rule);
  const start = lines.text.startsWith('\ufeff') ? 1 : 0; // after a byte order mark
  return toLspEdit(lines, { offset: start, length: 0, newText: `# tde-disable ${rule}${lines.eol}` });
}

function firstContentLine(checked: Checked): number {
  const { lines } = checked.parsed.document;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line).trim();
    if (text && !text.startsWith('#')) return line;
  }
  return lines.lineCount;
}

/** Add a rule to a directive's list, before its `-- reason` if it has one. */
function appendRule(checked: Checked, directive: Checked['result']['directives'][number], rule: string): LspTextEdit {
  const { lines, text } = checked.parsed.document;
  const comment = text.slice(directive.offset, directive.offset + directive.length);
  const reason = comment.indexOf('--');
  const body = reason >= 0 ? comment.slice(0, reason) : comment;
  const insertAt = directive.offset + body.trimEnd().length;
  return toLspEdit(lines, { offset: insertAt, length: 0, newText: `, ${rule}` });
}

/**
 * Apply the compatible fixes, check again and repeat (as `tde check --fix`
 * does) until nothing is left to fix; then express the change as minimal
 * edits to the original text.
 */
export function fixAllEdits(checked: Checked): TextEdit[] {
  const original = checked.parsed.document.text;
  let text = original;
  let problems = checked.result.problems;
  const fileName = fsPathOf(checked.uri);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = compatibleFixes(problems.flatMap((p) => (p.fix ? [p.fix] : [])));
    if (fixes.length === 0) break;
    const next = applyEdits(text, fixes.flatMap((f) => f.edits));
    if (next === text) break;
    text = next;
    problems = checkDocument(parseTde(text), { fileName, host: fileName ? nodeFileHost : undefined, severities: checked.severities }).problems;
  }
  return minimalEdits(original, text);
}
