// Completion from the schema and the method's vocabulary: the keys that fit
// at the cursor and are not there yet, enum values, the tactics of the step
// being edited, a tactic's checklist, use-case ids and Design's collaborators.
// The cursor's place comes from indentation (cursorPath), so half-typed
// lines complete as well as finished ones.
import { stepName, tacticName } from '../engine/rules/messageParts';
import { listWords } from '../engine/prose';
import { message, type Language } from '../shared/l10n';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver';
import { vocabulary, type NodePath, type TdeModel } from '../engine';
import { plannedIntervention } from '../engine/rules/intervention-mismatch';
import { promisingUseCases, selectionConcerns } from '../engine/rules/selected-not-promising';
import type { Analyses } from './analysis';
import { cursorContext, type CursorContext } from './cursorPath';
import { childItems, childKeys, type Entry, type Structure } from './yamlOutline';
import { code, collaboratorMarkdown, criterionMarkdown, enumDescription, escapeMarkdown, formatDocsLink, plainText, tacticMarkdown, useCaseMarkdown } from './documentationMarkdown';
import { description, enumValues, isDate, itemSchema, keysOf, schemaAt, title, types, type KeyInfo, type Schema } from '../engine/schemaNav';
import { placeAt } from './referencePlaces';
import type { Session } from './session';
import { escapeChoice, indentUnit } from './rangesAndEdits';
import { yamlValue } from '../engine/yamlValue';
// Generated with snippets/tde.code-snippets by client/scripts/build-snippets.mjs.
import stepSnippets from './stepSnippets.json';

type StepSnippet = (typeof stepSnippets)['skip'];

const STEP_IDS: readonly string[] = vocabulary.STEP_IDS;

interface Candidate {
  label: string;
  /** Text inserted (plain or snippet). */
  text: string;
  snippet?: boolean;
  kind: CompletionItemKind;
  detail?: string;
  documentation?: string;
  filterText?: string;
}

export function provideCompletion(session: Session, analyses: Analyses, params: CompletionParams): CompletionList | null {
  const document = session.tdeDocument(params.textDocument.uri);
  if (!document) return null;
  const parsed = analyses.parsed(document);
  const structure = parsed.structure();
  const context = cursorContext(structure, params.position.line, params.position.character);
  if (!context) return null;
  // A space typed to indent a blank line is not a request for keys (the space trigger is for `- ` and `key: `).
  if (params.context?.triggerCharacter === ' ' && context.kind === 'key' && context.prefix === '' && !context.hasColon) return null;
  const model = analyses.bestModel(document);
  const lineText = structure.lines[context.line] ?? '';
  const lineIndent = /^[ \t]*/.exec(lineText)![0].length;
  const asIs = session.support.insertTextModeAsIs;
  const unit = indentUnit(document.getText());
  const snippets = session.support.snippets;
  const ctx: Ctx = { context, structure, model, unit, snippets, lineIndent, asIs, language: session.language };

  const candidates: Candidate[] = [];
  if (context.kind === 'key') {
    // The mapping's own keys pick its shape in keyCandidates (a tactic by id, or a custom one).
    const container = schemaAt(context.path);
    const containerTypes = types(container);
    if (containerTypes.has('object')) candidates.push(...keyCandidates(ctx, container));
    if (context.path.length === 0 && !context.hasColon) candidates.push(...stepSnippetCandidates(ctx));
    else if (containerTypes.has('array') && !context.hasColon) candidates.push(...newItemCandidates(ctx, container));
  } else if (context.kind === 'item') {
    candidates.push(...valueCandidates(ctx, context.path));
    const item = schemaAt(context.path);
    if (types(item).has('object')) candidates.push(...keyCandidates(ctx, item));
  } else {
    candidates.push(...valueCandidates(ctx, context.path));
  }
  if (candidates.length === 0) return null;

  const range: Range = {
    start: { line: context.line, character: context.tokenStart },
    end: { line: context.line, character: Math.max(context.tokenEnd, params.position.character) },
  };
  const insertRange: Range = { start: range.start, end: params.position };
  const items = candidates.map((candidate, index): CompletionItem => {
    let text = candidate.text;
    // `role:|` — put the space YAML needs between the colon and the value.
    if (context.kind === 'value' && !context.spaceAfterColon && !context.inFlowList && context.tokenStart === params.position.character && lineText[context.tokenStart - 1] === ':') {
      text = ` ${text}`;
    }
    const item: CompletionItem = {
      label: candidate.label,
      kind: candidate.kind,
      sortText: String(index).padStart(4, '0'),
      filterText: candidate.filterText ?? candidate.label,
      textEdit: session.support.insertReplace ? { newText: text, insert: insertRange, replace: range } : { newText: text, range },
      insertTextFormat: candidate.snippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (candidate.snippet && text.includes('\n')) item.insertTextMode = asIs ? InsertTextMode.asIs : InsertTextMode.adjustIndentation;
    if (candidate.detail) item.detail = candidate.detail;
    if (candidate.documentation) item.documentation = documentation(session, candidate.documentation);
    return item;
  });
  return { isIncomplete: false, items };
}

interface Ctx {
  context: CursorContext;
  structure: Structure;
  model: TdeModel | undefined;
  unit: number;
  snippets: boolean;
  lineIndent: number;
  asIs: boolean;
  /** The language of the details and documentation. */
  language: Language;
}

function documentation(session: Session, markdown: string): MarkupContent | string {
  return session.support.completionMarkdown ? { kind: MarkupKind.Markdown, value: markdown } : plainText(markdown);
}

/** Keys of the mapping owned by `owner` (top level when undefined), except those on the cursor's line. */
function presentKeys(structure: Structure, owner: Entry | undefined, line: number): string[] {
  return childKeys(structure, owner).filter((e) => e.line !== line).map((e) => e.key!);
}

/** Indentation for the lines after the first of an inserted snippet, whose first line starts at `col`. */
function nested(ctx: Ctx, col: number, extra: number): string {
  const absolute = col + extra;
  return ' '.repeat(ctx.asIs ? absolute : Math.max(0, absolute - ctx.lineIndent));
}

function keyDocumentation(info: KeyInfo, path: NodePath, language: Language): string {
  const about = description(info.schema, language);
  const parts = [about ? escapeMarkdown(about) : ''];
  const values = schemaEnum(info.schema);
  if (values?.length) parts.push(`${message(language, 'completion.values')} ${values.map((v) => code(String(v))).join(', ')}`);
  const anchor = typeof path[0] === 'string' ? path[0] : info.key;
  parts.push(`[${message(language, 'hover.formatReference')}](${formatDocsLink(anchor)})`);
  return parts.filter(Boolean).join('\n\n');
}

/** A real `enum` (not the open `anyOf` of tactic ids, which completion fills from the vocabulary). */
function schemaEnum(schema: Schema | undefined): string[] | undefined {
  const values = enumValues(schema);
  if (!values.length || values.some((v) => v.title !== undefined)) return undefined;
  return values.map((v) => v.value);
}

const TYPE_WORDS = new Set(['string', 'array', 'object', 'integer', 'number', 'boolean']);

/** What a key's value may be, in short words: "text or list". */
function typesSummary(schema: Schema, language: Language): string {
  return listWords([...types(schema)].map((t) => (TYPE_WORDS.has(t) ? message(language, `completion.type.${t}`) : t)), 'or', language);
}

function keyCandidates(ctx: Ctx, container: Schema | undefined): Candidate[] {
  const { context, structure } = ctx;
  const owner = context.owner;
  const present = new Set(presentKeys(structure, owner, context.line));
  const keys = keysOf(container, [...present]).filter((k) => !present.has(k.key));
  return keys.map((info): Candidate => {
    const detail = [title(info.schema, ctx.language), typesSummary(info.schema, ctx.language)].filter(Boolean).join(' — ') + (info.required ? ` ${message(ctx.language, 'completion.required')}` : '');
    const candidate: Candidate = {
      label: info.key,
      text: info.key,
      kind: STEP_IDS.includes(info.key) && context.path.length === 0 ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail,
      documentation: keyDocumentation(info, context.path, ctx.language),
    };
    if (!context.hasColon) Object.assign(candidate, keyInsertion(ctx, info));
    return candidate;
  });
}

/**
 * At the top level: a whole step (`tde-find`, …) for each step the file
 * lacks, and `tde-skip` with a choice of those steps. A file that has the
 * step is not offered a second one.
 */
function stepSnippetCandidates(ctx: Ctx): Candidate[] {
  if (!ctx.snippets) return [];
  const present = new Set(presentKeys(ctx.structure, ctx.context.owner, ctx.context.line));
  const missing = STEP_IDS.filter((step) => !present.has(step));
  const candidate = (snippet: StepSnippet, body: readonly string[]): Candidate => ({
    label: snippet.prefix,
    text: body.join('\n'),
    snippet: true,
    kind: CompletionItemKind.Snippet,
    detail: snippet.description,
  });
  const candidates = missing.map((step) => {
    const snippet = stepSnippets[step as keyof typeof stepSnippets];
    return candidate(snippet, snippet.body);
  });
  if (missing.length > 0) candidates.push(candidate(stepSnippets.skip, [`\${1|${missing.join(',')}|}:`, ...stepSnippets.skip.body]));
  return candidates;
}

/** `key: ` with a snippet shaped by the value: a choice of enum values, a nested mapping, a list. */
function keyInsertion(ctx: Ctx, info: KeyInfo): Pick<Candidate, 'text' | 'snippet'> {
  const key = info.key;
  const valueTypes = types(info.schema);
  const enumList = schemaEnum(info.schema);
  const scalar = valueTypes.has('string') || valueTypes.has('integer') || valueTypes.has('number') || valueTypes.has('boolean');
  if (key === 'tde' && ctx.context.path.length === 0) return { text: 'tde: 1' };
  if (!ctx.snippets) return { text: scalar || valueTypes.size === 0 ? `${key}: ` : `${key}:` };
  if (enumList?.length && scalar) return { text: `${key}: \${1|${enumList.map((v) => escapeChoice(String(v))).join(',')}|}`, snippet: true };
  if (valueTypes.size === 1 && valueTypes.has('boolean')) return { text: `${key}: \${1|true,false|}`, snippet: true };
  if (isDate(info.schema)) return { text: `${key}: \${1:${today()}}`, snippet: true };
  if (!scalar && valueTypes.has('object')) return { text: `${key}:\n${nested(ctx, ctx.context.col, ctx.unit)}$0`, snippet: true };
  if (!scalar && valueTypes.has('array')) return { text: `${key}:\n${nested(ctx, ctx.context.col, ctx.unit)}- $0`, snippet: true };
  return { text: `${key}: $0`, snippet: true };
}

/** On a new line in a list: `- value`, or a new mapping item with its required keys. */
function newItemCandidates(ctx: Ctx, container: Schema | undefined): Candidate[] {
  const { context } = ctx;
  const itemPath: NodePath = [...context.path, childItems(context.owner, ctx.structure).length];
  const values = valueCandidates(ctx, itemPath).map((c) => ({ ...c, text: `- ${c.text}`, filterText: c.filterText ?? c.label }));
  const item = itemSchema(container);
  if (!types(item).has('object')) return values;
  const keys = keysOf(item);
  const required = keys.filter((k) => k.required);
  const first = required[0] ?? keys[0];
  if (!first) return values;
  const name = title(item, ctx.language) ?? message(ctx.language, 'completion.item');
  let text: string;
  let snippet = false;
  if (ctx.snippets) {
    const lines = (required.length ? required : [first]).map((k, i) => {
      const enumList = schemaEnum(k.schema);
      const placeholder = enumList?.length ? `\${${i + 1}|${enumList.map((v) => escapeChoice(String(v))).join(',')}|}` : `$${i + 1}`;
      return `${i === 0 ? '- ' : nested(ctx, context.col, 2)}${k.key}: ${placeholder}`;
    });
    text = lines.join('\n');
    snippet = true;
  } else {
    text = `- ${first.key}: `;
  }
  return [
    ...values,
    {
      label: `- ${first.key}: …`,
      text,
      snippet,
      filterText: first.key,
      kind: CompletionItemKind.Struct,
      detail: message(ctx.language, 'completion.newItem', { item: name.toLowerCase() }),
      documentation: escapeMarkdown(description(item, ctx.language) ?? ''),
    },
  ];
}

function valueCandidates(ctx: Ctx, path: NodePath): Candidate[] {
  const place = placeAt(path);
  switch (place?.kind) {
    case 'tactic': {
      const candidates = tacticCandidates(place.step, path[1] === 'tactics' ? usedTactics(ctx) : new Set(), ctx.language);
      return path[0] === 'implement' && path[1] === 'intervention' ? plannedFirst(ctx, candidates) : candidates;
    }
    case 'criterion':
      return criterionCandidates(ctx);
    case 'use-case-ref': {
      const candidates = useCaseCandidates(ctx, listedHere(ctx));
      return path[0] === 'design' ? promisingFirst(ctx, candidates) : candidates;
    }
    case 'collaborator-ref':
      return collaboratorCandidates(ctx, place.list ? listedHere(ctx) : new Set());
    default:
      break;
  }
  const p = path;
  const schema = schemaAt(p);
  const out: Candidate[] = [];
  const enumList = schemaEnum(schema);
  if (enumList?.length) {
    for (const value of enumValues(schema)) {
      out.push({ label: value.value, text: value.value, kind: CompletionItemKind.EnumMember, documentation: value.description ? escapeMarkdown(enumDescription(value.value, value.description, ctx.language)) : undefined });
    }
  }
  const valueTypes = types(schema);
  if (valueTypes.size === 1 && valueTypes.has('boolean')) {
    out.push({ label: 'true', text: 'true', kind: CompletionItemKind.Value }, { label: 'false', text: 'false', kind: CompletionItemKind.Value });
  }
  if (isDate(schema)) out.push({ label: today(), text: today(), kind: CompletionItemKind.Value, detail: message(ctx.language, 'completion.today') });
  return out;
}

/** Values already listed next to the one being typed (block or flow list), to offer the others. */
function listedHere(ctx: Ctx): Set<string> {
  const { context } = ctx;
  if (context.inFlowList) return new Set(context.flowItems ?? []);
  const owner = context.owner;
  if (owner?.kind !== 'item') return new Set();
  const siblings = childItems(owner.parent, ctx.structure).filter((e) => e.line !== context.line);
  return new Set(siblings.map((e) => unquote(e.value)).filter((v): v is string => !!v));
}

function usedTactics(ctx: Ctx): Set<string> {
  const { context } = ctx;
  let entry: Entry | undefined = context.owner;
  while (entry && entry.kind !== 'item') entry = entry.parent;
  const list = entry?.parent;
  if (!list) return new Set();
  const used = new Set<string>();
  for (const sibling of childItems(list, ctx.structure)) {
    if (sibling === entry) continue;
    const id = sibling.value !== undefined ? unquote(sibling.value) : unquote(childKeys(ctx.structure, sibling).find((k) => k.key === 'id')?.value);
    if (id) used.add(id);
  }
  return used;
}

function unquote(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^"(.*)"$/.test(trimmed) || /^'(.*)'$/.test(trimmed)) return trimmed.slice(1, -1);
  return trimmed;
}

function tacticCandidates(step: vocabulary.StepId, used: Set<string>, language: Language): Candidate[] {
  return vocabulary.tacticsOfStep(step)
    .filter((tactic) => !used.has(tactic.id))
    .map((tactic) => ({
      label: tactic.id,
      text: tactic.id,
      kind: CompletionItemKind.Function,
      detail: message(language, 'completion.tactic', { name: tacticName(tactic, language), step: stepName({ id: step }, language) }),
      documentation: tacticMarkdown(tactic, {}, language),
    }));
}

function criterionCandidates(ctx: Ctx): Candidate[] {
  const { context, structure } = ctx;
  // The tactic item holding this `criteria` list, and its `id`.
  let entry: Entry | undefined = context.owner;
  while (entry && !(entry.kind === 'key' && entry.key === 'criteria')) entry = entry.parent;
  const tacticItem = entry?.parent;
  const id = unquote(childKeys(structure, tacticItem).find((k) => k.key === 'id')?.value);
  const listed = listedHere(ctx);
  const tactic = id ? vocabulary.tacticById(id) : undefined;
  const tactics = tactic?.criteria ? [tactic] : vocabulary.tacticsOfStep('find');
  return tactics.flatMap((t) =>
    (t.criteria ?? [])
      .filter((c) => !listed.has(c.id))
      .map((c) => ({
        label: c.id,
        text: c.id,
        kind: CompletionItemKind.EnumMember,
        detail: message(ctx.language, 'completion.criterion', { tactic: tacticName(t, ctx.language) }),
        documentation: criterionMarkdown(c, t, ctx.language),
      })),
  );
}

function useCaseCandidates(ctx: Ctx, listed: Set<string>): Candidate[] {
  const useCases = ctx.model?.useCases() ?? [];
  return useCases
    .filter((u) => u.id && !listed.has(u.id))
    .map((u) => ({
      label: u.id!,
      text: u.id!,
      kind: CompletionItemKind.Reference,
      detail: u.title ? message(ctx.language, 'completion.useCase', { title: u.title }) : message(ctx.language, 'hover.useCase.untitled'),
      documentation: useCaseMarkdown(u, ctx.language),
    }));
}

/** For Design's selection: the use cases Refine found promising first, those it set aside or that have weak support last, and said so. */
function promisingFirst(ctx: Ctx, candidates: Candidate[]): Candidate[] {
  const model = ctx.model;
  if (!model) return candidates;
  const ranked = candidates.map((candidate) => {
    const { notAmong, weak } = selectionConcerns(model, candidate.label);
    const promising = !notAmong && promisingUseCases(model).includes(candidate.label);
    const say = (key: string) => message(ctx.language, key);
    const note = promising && !weak ? say('completion.promising') : [notAmong ? say('completion.notPromising') : '', weak ? say('completion.weak') : ''].filter(Boolean).join(', ');
    return { candidate: note ? { ...candidate, detail: `${candidate.detail} (${note})` } : candidate, rank: notAmong || weak ? 2 : promising ? 0 : 1 };
  });
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.candidate);
}

/** For Implement's intervention: the tactic the Design plan intends first. */
function plannedFirst(ctx: Ctx, candidates: Candidate[]): Candidate[] {
  const planned = ctx.model ? plannedIntervention(ctx.model) : undefined;
  const index = planned ? candidates.findIndex((c) => c.label === planned.tactic) : -1;
  if (index < 0) return candidates;
  const first = { ...candidates[index]!, detail: `${candidates[index]!.detail} (${message(ctx.language, 'completion.planned')})` };
  return [first, ...candidates.slice(0, index), ...candidates.slice(index + 1)];
}

function collaboratorCandidates(ctx: Ctx, listed: Set<string>): Candidate[] {
  const model = ctx.model;
  if (!model) return [];
  const design = model.step('design');
  const quotedAlready = /["']/.test(ctx.structure.lines[ctx.context.line]?.[ctx.context.tokenStart - 1] ?? '');
  return model
    .collaborators(design)
    .filter((c) => c.name && !listed.has(c.name))
    .map((c) => ({
      label: c.name!,
      text: quotedAlready ? c.name! : yamlValue(c.name!),
      filterText: c.name!,
      kind: CompletionItemKind.Reference,
      detail: `${message(ctx.language, 'completion.collaborator', { step: stepName(design, ctx.language) })}${c.role ? ` (${c.role})` : ''}${c.intendedUser ? `, ${message(ctx.language, 'hover.collaborator.intendedUser')}` : ''}`,
      documentation: collaboratorMarkdown(c, design, ctx.language),
    }));
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
