// Markdown shown in hovers and completion documentation. User text (names,
// titles, stories) is always escaped: it is data, never markup.
import { ruleDocsUrl, vocabulary, type Collaborator, type Step, type TdeModel, type UseCase } from '../engine';
import { isMap, isScalar, isSeq, mapAt, scalarText, seqItems, stringAt, valueOf } from '../engine/document';
import { markdownCodeSpan, markdownText, markdownTextAsPlain } from '../engine/markdownText';
import { clip } from '../engine/prose';

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

export function tacticMarkdown(tactic: vocabulary.Tactic, options: { long?: boolean } = {}): string {
  const step = vocabulary.stepTitle(tactic.step);
  const parts = [`**${escapeMarkdown(tactic.name)}** — ${step} tactic ${code(tactic.id)}`, escapeMarkdown(tactic.summary)];
  if (options.long) parts.push(escapeMarkdown(tactic.description));
  parts.push(`*When to use it:* ${escapeMarkdown(tactic.worksWellWhen)}`);
  if (options.long && tactic.criteria?.length) {
    parts.push(`Checklist (\`criteria\`):\n\n${tactic.criteria.map((c) => `* ${code(c.id)} — ${escapeMarkdown(c.description)}`).join('\n')}`);
  }
  parts.push(`[Tactics of ${step}](${formatDocsLink(tactic.step)})`);
  return parts.join('\n\n');
}

export function criterionMarkdown(criterion: vocabulary.Criterion, tactic: vocabulary.Tactic): string {
  return [
    `${code(criterion.id)} — a checklist item of **${escapeMarkdown(tactic.name)}**`,
    escapeMarkdown(criterion.description),
    `Listing it under \`criteria\` records that it holds for your city.`,
  ].join('\n\n');
}

export function useCaseMarkdown(useCase: UseCase): string {
  const map = useCase.node;
  const parts = [`**${escapeMarkdown(useCase.title ?? useCase.id ?? 'Use case')}**${useCase.id ? ` — use case ${code(useCase.id)}` : ''}`];
  const persona = mapAt(map, 'persona');
  const personaName = stringAt(persona, 'name');
  if (personaName) {
    const about = stringAt(persona, 'description');
    parts.push(`*Persona:* ${escapeMarkdown(personaName.trim())}${about ? ` — ${escapeMarkdown(about.trim())}` : ''}`);
  }
  const story = stringAt(map, 'user_story');
  if (story) parts.push(`> ${escapeMarkdown(story.trim()).replace(/\r?\n/g, ' ')}`);
  const support = stringAt(map, 'support');
  if (support) parts.push(`*Support:* ${escapeMarkdown(support)}`);
  return parts.join('\n\n');
}

export function collaboratorMarkdown(collaborator: Collaborator, step: Step): string {
  const facts: string[] = [];
  if (collaborator.role) facts.push(`role ${code(collaborator.role)}`);
  const organization = stringAt(collaborator.node, 'organization');
  if (organization) facts.push(escapeMarkdown(organization));
  if (collaborator.intendedUser) facts.push('intended user');
  const represents = stringAt(collaborator.node, 'represents');
  const lines = [`**${escapeMarkdown(collaborator.name ?? '')}** — ${vocabulary.stepTitle(step.id)} collaborator${facts.length ? ` (${facts.join(', ')})` : ''}`];
  if (represents) lines.push(`*Represents:* ${escapeMarkdown(represents)}`);
  return lines.join('\n\n');
}

const STATUS_WORDS: Record<string, string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  done: 'done',
  skipped: 'skipped',
};

/** A step at one glance: status, action, engagement, collaborators and result. */
export function stepMarkdown(model: TdeModel, step: Step): string {
  const info = vocabulary.stepInfo(step.id);
  const status = step.status ? STATUS_WORDS[step.status] ?? escapeMarkdown(step.status) : 'no status';
  const parts = [`**Step ${step.index + 1}, ${info.title}** — ${status}`, `*${escapeMarkdown(info.summary)}*`];
  const rows: string[] = [];
  const action = stringAt(step.map, 'action');
  if (action) rows.push(`**Action:** ${escapeMarkdown(oneLine(action))}`);
  const engagement = valueOf(step.map, 'engagement');
  if (isScalar(engagement) && scalarText(engagement)) rows.push(`**Engagement:** ${escapeMarkdown(oneLine(scalarText(engagement)!))}`);
  else if (isSeq(engagement)) {
    const modes = seqItems(engagement).map((e) => (isMap(e) ? stringAt(e, 'mode') : scalarText(e))).filter((m): m is string => !!m);
    if (modes.length) rows.push(`**Engagement:** ${modes.map((m) => escapeMarkdown(oneLine(m))).join('; ')}`);
  }
  const collaborators = model.collaborators(step);
  if (collaborators.length) {
    const about = (c: Collaborator) => [c.role, c.intendedUser ? 'intended user' : undefined].filter((w): w is string => !!w).map(escapeMarkdown).join(', ');
    rows.push(`**Collaborators:** ${collaborators.map((c) => `${escapeMarkdown(c.name ?? '?')}${about(c) ? ` (${about(c)})` : ''}`).join('; ')}`);
  } else {
    rows.push('**Collaborators:** none yet');
  }
  const tactics = model.tacticUses(step).map((t) => (t.id ? vocabulary.tacticById(t.id)?.name ?? t.id : t.custom)).filter((n): n is string => !!n);
  if (tactics.length) rows.push(`**Tactics:** ${tactics.map(escapeMarkdown).join(', ')}`);
  rows.push(`**Result:** ${resultSummary(model, step)}`);
  parts.push(rows.join('  \n'));
  parts.push(`*Key result:* ${escapeMarkdown(info.keyResult)}`);
  return parts.join('\n\n');
}

function resultSummary(model: TdeModel, step: Step): string {
  const result = mapAt(step.map, 'result');
  switch (step.id) {
    case 'find': {
      const focus = stringAt(result, 'focus_area');
      return focus ? `focus area “${escapeMarkdown(oneLine(focus))}”` : 'no focus area yet';
    }
    case 'refine': {
      const ids = model.useCases().map((u) => u.id).filter((id): id is string => !!id);
      const promising = seqItems(valueOf(result, 'promising_use_cases')).map(scalarText).filter((id): id is string => !!id);
      if (!ids.length) return 'no use cases yet';
      return `${ids.length} use case${ids.length === 1 ? '' : 's'} (${ids.map(code).join(', ')})${promising.length ? `; promising: ${promising.map(code).join(', ')}` : ''}`;
    }
    case 'design': {
      const selected = scalarText(valueOf(step.map, 'selected_use_case'));
      const plan = mapAt(step.map, 'plan');
      const summary = stringAt(plan, 'summary');
      const parts = [selected ? `selected use case ${code(selected)}` : 'no use case selected', plan ? (summary ? `plan: ${escapeMarkdown(oneLine(summary))}` : 'a plan') : 'no plan yet'];
      const approved = seqItems(valueOf(result, 'approved_by')).map(scalarText).filter((n): n is string => !!n);
      if (approved.length) parts.push(`approved by ${approved.map(escapeMarkdown).join(', ')}`);
      return parts.join('; ');
    }
    case 'implement': {
      const intervention = mapAt(step.map, 'intervention');
      const name = stringAt(intervention, 'name');
      const state = stringAt(result, 'state');
      const product = stringAt(result, 'product');
      const parts = [name ? `intervention “${escapeMarkdown(oneLine(name))}”` : 'no intervention yet'];
      if (product) parts.push(`product: ${escapeMarkdown(oneLine(product))}`);
      if (state) parts.push(`state: ${escapeMarkdown(state)}`);
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
