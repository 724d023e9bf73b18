// Hover: every key explains itself with the schema's description, enum
// values with theirs; tactics, checklist items, use cases and collaborators
// say what they are; a step's key shows the step at one glance.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { vocabulary, type NodePath, type TdeModel } from '../engine';
import { designNameRefs, sameName } from '../engine/designFeedback';
import { stepName } from '../engine/rules/messageParts';
import { listWords } from '../engine/prose';
import { message, type Language } from '../shared/l10n';
import { departsFromPlan, plannedIntervention } from '../engine/rules/intervention-mismatch';
import { selectionConcerns } from '../engine/rules/selected-not-promising';
import { useCaseRefs } from '../engine/useCaseRefs';
import type { Analyses } from './analysis';
import { entryAt } from './cursorPath';
import { childKeys, pathOfEntry, type Entry, type Structure } from './yamlOutline';
import { code, collaboratorMarkdown, criterionMarkdown, enumDescription, escapeMarkdown, formatDocsLink, plainText, stepMarkdown, tacticMarkdown, useCaseMarkdown } from './documentationMarkdown';
import { placeAt } from './referencePlaces';
import { description, enumValues, schemaAt, title, types } from '../engine/schemaNav';
import type { Session } from './session';

const STEP_IDS: readonly string[] = vocabulary.STEP_IDS;

export function provideHover(session: Session, analyses: Analyses, params: HoverParams): Hover | null {
  const document = session.tdeDocument(params.textDocument.uri);
  if (!document) return null;
  const structure = analyses.parsed(document).structure();
  const { line, character } = params.position;
  const at = entryAt(structure, line, character);
  if (!at) return null;
  const model = analyses.bestModel(document);
  const found = at.on === 'key' ? keyHover(at.entry, model, session.language) : valueHover(structure, at.entry, character, model, session.language);
  if (!found) return null;
  return {
    contents: session.support.hoverMarkdown ? { kind: MarkupKind.Markdown, value: found.markdown } : { kind: MarkupKind.PlainText, value: plainText(found.markdown) },
    range: { start: { line, character: found.start }, end: { line, character: found.end } },
  };
}

interface Found {
  markdown: string;
  start: number;
  end: number;
}

function keyHover(entry: Entry, model: TdeModel | undefined, language: Language): Found | undefined {
  const say = (key: string, values: Record<string, string> = {}) => message(language, key, values);
  const path = pathOfEntry(entry);
  const range = { start: entry.keyStart!, end: entry.keyEnd! };
  const key = entry.key!;
  if (path.length === 1 && STEP_IDS.includes(key) && model) {
    const step = model.step(key as vocabulary.StepId);
    if (step.present) return { markdown: `${stepMarkdown(model, step, language)}\n\n[${say('hover.step.docsLink', { step: stepName(step, language) })}](${formatDocsLink(step.id)})`, ...range };
  }
  if (key.startsWith('x-')) {
    return { markdown: say('hover.extensionKey', { key: code(key) }), ...range };
  }
  const schema = schemaAt(path, presentKeysAlong(entry));
  const about = description(schema, language);
  if (!about) return undefined;
  const heading = title(schema, language);
  const parts = [`${code(key)}${heading ? ` — **${escapeMarkdown(heading)}**` : ''}`, escapeMarkdown(about)];
  const values = enumValues(schema).filter((v) => v.title === undefined);
  if (values.length > 1) parts.push(values.map((v) => `* ${code(v.value)}${v.description ? ` — ${escapeMarkdown(v.description)}` : ''}`).join('\n'));
  else if (values.length === 0 && types(schema).size) parts.push(`*${listWords([...types(schema)].map((type) => typeWord(type, language)), 'or', language)}*`);
  parts.push(`[${say('hover.formatReference')}](${formatDocsLink(typeof path[0] === 'string' ? path[0] : undefined)})`);
  return { markdown: parts.join('\n\n'), ...range };
}

/** For picking the right schema branch (a tactic by id or a custom one): the keys beside each key on the way. */
function presentKeysAlong(entry: Entry): (depth: number) => readonly string[] {
  const chain: Entry[] = [];
  for (let e: Entry | undefined = entry; e; e = e.parent) chain.unshift(e);
  return (depth) => {
    const owner = chain[depth - 1];
    return owner ? owner.children.filter((c) => c.kind === 'key').map((c) => c.key!) : [];
  };
}

const TYPES = new Set(['string', 'array', 'object', 'integer', 'boolean', 'number']);

function typeWord(type: string, language: Language): string {
  return TYPES.has(type) ? message(language, `hover.type.${type}`) : type;
}

function valueHover(structure: Structure, entry: Entry, character: number, model: TdeModel | undefined, language: Language): Found | undefined {
  const say = (key: string, values: Record<string, string> = {}) => message(language, key, values);
  let path: NodePath = pathOfEntry(entry);
  const raw = entry.value!;
  let start = entry.valueStart!;
  let end = entry.valueEnd!;
  if (raw.startsWith('[')) {
    // A flow list: the item under the cursor.
    const lineText = structure.lines[entry.line]!;
    let s = character;
    while (s > start + 1 && !/[,[]/.test(lineText[s - 1]!)) s--;
    let e = character;
    while (e < end && !/[,\]]/.test(lineText[e]!)) e++;
    const before = lineText.slice(start + 1, s);
    path = [...path, (before.match(/,/g) ?? []).length];
    start = s;
    end = e;
    while (start < end && /\s/.test(lineText[start]!)) start++;
    while (end > start && /\s/.test(lineText[end - 1]!)) end--;
  }
  const lineText = structure.lines[entry.line]!;
  let text = lineText.slice(start, end);
  if (/^(["']).*\1$/.test(text)) text = text.slice(1, -1);
  if (!text) return undefined;
  const range = { start, end };
  const place = placeAt(path);
  switch (place?.kind) {
    case 'tactic': {
      const tactic = vocabulary.tacticById(text);
      if (!tactic) return undefined;
      let note = tactic.step !== place.step ? `\n\n⚠ ${say('hover.tactic.otherStep', { step: stepName({ id: tactic.step }, language), expected: stepName({ id: place.step }, language) })}` : '';
      const planned = model && path[0] === 'implement' && path[1] === 'intervention' ? plannedIntervention(model) : undefined;
      if (planned && departsFromPlan(planned.tactic, text)) note += `\n\n⚠ ${say('hover.tactic.planned', { tactic: code(planned.tactic), key: code('design.plan.intervention') })}`;
      return { markdown: tacticMarkdown(tactic, { long: true }, language) + note, ...range };
    }
    case 'criterion': {
      const tacticId = tacticIdOf(structure, entry);
      const tactics = vocabulary.tacticsOfStep('find');
      const owner = tactics.find((t) => t.id === tacticId && t.criteria?.some((c) => c.id === text)) ?? tactics.find((t) => t.criteria?.some((c) => c.id === text));
      const criterion = owner?.criteria?.find((c) => c.id === text);
      return owner && criterion ? { markdown: criterionMarkdown(criterion, owner, language), ...range } : undefined;
    }
    case 'use-case-ref':
    case 'use-case-id': {
      const useCase = model?.useCases().find((u) => u.id === text);
      if (!useCase) return undefined;
      let markdown = useCaseMarkdown(useCase, language);
      if (place.kind === 'use-case-ref' && model && path[0] === 'design') {
        const { notAmong, weak } = selectionConcerns(model, text);
        const promising = `${notAmong?.slice(0, 20).map(code).join(', ')}${notAmong && notAmong.length > 20 ? ', …' : ''}`;
        const reasons = [...(notAmong ? [say('hover.useCase.notAmong', { promising })] : []), ...(weak ? [say('hover.useCase.weak')] : [])];
        if (reasons.length) markdown += `\n\n⚠ ${say('hover.useCase.concerns', { reasons: listWords(reasons, 'and', language) })}`;
      }
      if (place.kind === 'use-case-id' && model) {
        const refs = useCaseRefs(model).filter((r) => r.id === text);
        const where = [...new Set(refs.map((r) => r.where))].map(code).join(', ');
        markdown += `\n\n${refs.length ? message(language, refs.length === 1 ? 'hover.useCase.referredOnce' : 'hover.useCase.referred', { count: refs.length, where }) : say('hover.useCase.notReferred')}`;
      }
      return { markdown, ...range };
    }
    case 'collaborator-ref':
    case 'collaborator-name': {
      if (!model) return undefined;
      const step = model.step(place.kind === 'collaborator-name' ? place.step : 'design');
      const collaborator = model.collaborators(step).find((c) => c.name !== undefined && sameName(c.name, text));
      if (!collaborator) return undefined;
      let markdown = collaboratorMarkdown(collaborator, step, language);
      if (step.id === 'design') {
        const refs = designNameRefs(model).filter((r) => sameName(r.name, text));
        if (refs.length) markdown += `\n\n${say('hover.collaborator.namedIn', { places: listWords([...new Set(refs.map((r) => r.where))].map((w) => code(`design.${w}`)), 'and', language) })}`;
      }
      return { markdown, ...range };
    }
    default:
      break;
  }
  const schema = schemaAt(path);
  const value = enumValues(schema).find((v) => v.value === text && v.title === undefined);
  if (value?.description) return { markdown: `${code(value.value)} — ${escapeMarkdown(enumDescription(value.value, value.description, language))}`, ...range };
  return undefined;
}

/** The `id` of the Find tactic item that holds a `criteria` entry. */
function tacticIdOf(structure: Structure, entry: Entry): string | undefined {
  let e: Entry | undefined = entry;
  while (e && !(e.kind === 'key' && e.key === 'criteria')) e = e.parent;
  const id = childKeys(structure, e?.parent).find((k) => k.key === 'id')?.value;
  return id?.replace(/^["']|["']$/g, '');
}
