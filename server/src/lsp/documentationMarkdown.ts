// Markdown shown in hovers and completion documentation. User text (names,
// titles, stories) is always escaped: it is data, never markup.
import { ruleDocsUrl, vocabulary, type Collaborator, type Step, type TdeModel, type UseCase } from '../engine';
import { isMap, isScalar, isSeq, mapAt, scalarText, seqItems, stringAt, valueOf } from '../engine/document';
import { markdownCodeSpan, markdownText, markdownTextAsPlain } from '../engine/markdownText';
import { clip } from '../engine/prose';
import { stepName, tacticName } from '../engine/rules/messageParts';
import { message, vocabularyText, type Language } from '../shared/l10n';

/** The format reference, next to the rule pages. */
const FORMAT_DOCS_URL = ruleDocsUrl('x').replace(/rules\/x\.md$/, 'format.md');

export function formatDocsLink(anchor?: string): string {
  return `${FORMAT_DOCS_URL}${anchor ? `#${anchor}` : ''}`;
}

/** File text that Markdown shows literally, on one line (hovers render no HTML, so no `<br>`). */
export function escapeMarkdown(text: string): string {
  return markdownText(text, { lineBreak: ' ' });
}

/** File text as inline code, on one line, whatever backticks it holds. */
export function code(text: string): string {
  return markdownCodeSpan(text);
}

/** A listed value's description in the language: the vocabulary's list that has this very value and description. */
export function enumDescription(value: string, english: string, language: Language): string {
  if (language === 'en') return english;
  const list = Object.entries(vocabulary.enums).find(([, values]) => values.some((v) => String(v.value) === value && v.description === english))?.[0];
  return list ? vocabularyText(language, `enum.${list}.${value}`, english) : english;
}

/** A word of the tactic's in the language (its summary, description, …), English where none is written. */
function tacticText(tactic: vocabulary.Tactic, field: 'summary' | 'description' | 'worksWellWhen', language: Language): string {
  return vocabularyText(language, `tactic.${tactic.id}.${field}`, tactic[field]);
}

export function tacticMarkdown(tactic: vocabulary.Tactic, options: { long?: boolean } = {}, language: Language = 'en'): string {
  const step = stepName({ id: tactic.step }, language);
  const say = (key: string, values: Record<string, string> = {}) => message(language, key, values);
  const parts = [say('hover.tactic.heading', { name: `**${escapeMarkdown(tacticName(tactic, language))}**`, step, id: code(tactic.id) }), escapeMarkdown(tacticText(tactic, 'summary', language))];
  if (options.long) parts.push(escapeMarkdown(tacticText(tactic, 'description', language)));
  parts.push(say('hover.tactic.whenToUse', { text: escapeMarkdown(tacticText(tactic, 'worksWellWhen', language)) }));
  if (options.long && tactic.criteria?.length) {
    const items = tactic.criteria.map((c) => `* ${code(c.id)} — ${escapeMarkdown(criterionText(c, tactic, language))}`).join('\n');
    parts.push(`${say('hover.tactic.checklist', { key: code('criteria') })}\n\n${items}`);
  }
  parts.push(`[${say('hover.tactic.docsLink', { step })}](${formatDocsLink(tactic.step)})`);
  return parts.join('\n\n');
}

function criterionText(criterion: vocabulary.Criterion, tactic: vocabulary.Tactic, language: Language): string {
  return vocabularyText(language, `tactic.${tactic.id}.criterion.${criterion.id}`, criterion.description);
}

export function criterionMarkdown(criterion: vocabulary.Criterion, tactic: vocabulary.Tactic, language: Language = 'en'): string {
  return [
    message(language, 'hover.criterion.heading', { id: code(criterion.id), tactic: `**${escapeMarkdown(tacticName(tactic, language))}**` }),
    escapeMarkdown(criterionText(criterion, tactic, language)),
    message(language, 'hover.criterion.listing', { key: code('criteria') }),
  ].join('\n\n');
}

export function useCaseMarkdown(useCase: UseCase, language: Language = 'en'): string {
  const map = useCase.node;
  const say = (key: string, values: Record<string, string> = {}) => message(language, key, values);
  const title = `**${escapeMarkdown(useCase.title ?? useCase.id ?? say('hover.useCase.untitled'))}**`;
  const parts = [useCase.id ? say('hover.useCase.heading', { title, id: code(useCase.id) }) : title];
  const persona = mapAt(map, 'persona');
  const personaName = stringAt(persona, 'name');
  if (personaName) {
    const about = stringAt(persona, 'description');
    parts.push(`*${say('hover.useCase.persona')}* ${escapeMarkdown(personaName.trim())}${about ? ` — ${escapeMarkdown(about.trim())}` : ''}`);
  }
  const story = stringAt(map, 'user_story');
  if (story) parts.push(`> ${escapeMarkdown(story.trim()).replace(/\r?\n/g, ' ')}`);
  const support = stringAt(map, 'support');
  if (support) parts.push(`*${say('hover.useCase.support')}* ${escapeMarkdown(support)}`);
  return parts.join('\n\n');
}

export function collaboratorMarkdown(collaborator: Collaborator, step: Step, language: Language = 'en'): string {
  const say = (key: string, values: Record<string, string> = {}) => message(language, key, values);
  const facts: string[] = [];
  if (collaborator.role) facts.push(say('hover.collaborator.role', { role: code(collaborator.role) }));
  const organization = stringAt(collaborator.node, 'organization');
  if (organization) facts.push(escapeMarkdown(organization));
  if (collaborator.intendedUser) facts.push(say('hover.collaborator.intendedUser'));
  const represents = stringAt(collaborator.node, 'represents');
  const heading = say('hover.collaborator.heading', { name: `**${escapeMarkdown(collaborator.name ?? '')}**`, step: stepName(step, language) });
  const lines = [`${heading}${facts.length ? ` (${facts.join(', ')})` : ''}`];
  if (represents) lines.push(`*${say('hover.collaborator.represents')}* ${escapeMarkdown(represents)}`);
  return lines.join('\n\n');
}

const STATUSES = new Set(['not-started', 'in-progress', 'done', 'skipped']);

/** A step at one glance: status, action, engagement, collaborators and result. */
export function stepMarkdown(model: TdeModel, step: Step, language: Language = 'en'): string {
  const info = vocabulary.stepInfo(step.id);
  const say = (key: string, values: Record<string, string | number> = {}) => message(language, key, values);
  const status = step.status ? (STATUSES.has(step.status) ? say(`status.${step.status}`) : escapeMarkdown(step.status)) : say('hover.step.noStatus');
  const summary = vocabularyText(language, `step.${step.id}.summary`, info.summary);
  const parts = [`**${say('hover.step.heading', { number: step.index + 1, step: stepName(step, language) })}** — ${status}`, `*${escapeMarkdown(summary)}*`];
  const rows: string[] = [];
  const action = stringAt(step.map, 'action');
  if (action) rows.push(`**${say('hover.step.action')}** ${escapeMarkdown(oneLine(action))}`);
  const engagement = valueOf(step.map, 'engagement');
  if (isScalar(engagement) && scalarText(engagement)) rows.push(`**${say('hover.step.engagement')}** ${escapeMarkdown(oneLine(scalarText(engagement)!))}`);
  else if (isSeq(engagement)) {
    const modes = seqItems(engagement).map((e) => (isMap(e) ? stringAt(e, 'mode') : scalarText(e))).filter((m): m is string => !!m);
    if (modes.length) rows.push(`**${say('hover.step.engagement')}** ${modes.map((m) => escapeMarkdown(oneLine(m))).join('; ')}`);
  }
  const collaborators = model.collaborators(step);
  if (collaborators.length) {
    const about = (c: Collaborator) => [c.role, c.intendedUser ? say('hover.collaborator.intendedUser') : undefined].filter((w): w is string => !!w).map(escapeMarkdown).join(', ');
    rows.push(`**${say('hover.step.collaborators')}** ${collaborators.map((c) => `${escapeMarkdown(c.name ?? '?')}${about(c) ? ` (${about(c)})` : ''}`).join('; ')}`);
  } else {
    rows.push(`**${say('hover.step.collaborators')}** ${say('hover.step.noneYet')}`);
  }
  const tactics = model.tacticUses(step).map((t) => { const known = t.id ? vocabulary.tacticById(t.id) : undefined; return known ? tacticName(known, language) : t.id ?? t.custom; }).filter((n): n is string => !!n);
  if (tactics.length) rows.push(`**${say('hover.step.tactics')}** ${tactics.map(escapeMarkdown).join(', ')}`);
  rows.push(`**${say('hover.step.result')}** ${resultSummary(model, step, language)}`);
  parts.push(rows.join('  \n'));
  parts.push(`*${say('hover.step.keyResult')}* ${escapeMarkdown(vocabularyText(language, `step.${step.id}.keyResult`, info.keyResult))}`);
  return parts.join('\n\n');
}

function resultSummary(model: TdeModel, step: Step, language: Language): string {
  const say = (key: string, values: Record<string, string | number> = {}) => message(language, `hover.step.summary.${key}`, values);
  const result = mapAt(step.map, 'result');
  switch (step.id) {
    case 'find': {
      const focus = stringAt(result, 'focus_area');
      return focus ? say('focusArea', { focusArea: escapeMarkdown(oneLine(focus)) }) : say('noFocusArea');
    }
    case 'refine': {
      const ids = model.useCases().map((u) => u.id).filter((id): id is string => !!id);
      const promising = seqItems(valueOf(result, 'promising_use_cases')).map(scalarText).filter((id): id is string => !!id);
      if (!ids.length) return say('noUseCases');
      const useCases = say(ids.length === 1 ? 'useCase' : 'useCases', { count: ids.length, ids: ids.map(code).join(', ') });
      return promising.length ? `${useCases}; ${say('promising', { ids: promising.map(code).join(', ') })}` : useCases;
    }
    case 'design': {
      const selected = scalarText(valueOf(step.map, 'selected_use_case'));
      const plan = mapAt(step.map, 'plan');
      const summary = stringAt(plan, 'summary');
      const parts = [selected ? say('selected', { id: code(selected) }) : say('noneSelected'), plan ? (summary ? say('plan', { plan: escapeMarkdown(oneLine(summary)) }) : say('aPlan')) : say('noPlan')];
      const approved = seqItems(valueOf(result, 'approved_by')).map(scalarText).filter((n): n is string => !!n);
      if (approved.length) parts.push(say('approvedBy', { names: approved.map(escapeMarkdown).join(', ') }));
      return parts.join('; ');
    }
    case 'implement': {
      const intervention = mapAt(step.map, 'intervention');
      const name = stringAt(intervention, 'name');
      const state = stringAt(result, 'state');
      const product = stringAt(result, 'product');
      const parts = [name ? say('intervention', { name: escapeMarkdown(oneLine(name)) }) : say('noIntervention')];
      if (product) parts.push(say('product', { product: escapeMarkdown(oneLine(product)) }));
      if (state) parts.push(say('state', { state: escapeMarkdown(state) }));
      return parts.join('; ');
    }
  }
}

function oneLine(text: string, max = 160): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}

/** Markdown to plain text, for clients without Markdown support. */
export function plainText(markdown: string): string {
  return markdownTextAsPlain(
    markdown
      .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
      .replace(/\*\*/g, '')
      .replace(/(?<![\w])\*(\S(?:[^*]*\S)?)\*/g, '$1')
      .replace(/`+/g, ''),
  );
}
