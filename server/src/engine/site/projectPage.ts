// A project's public page: the pitch, the four steps as the team recorded
// them, the chosen use case, the plan and what its users said, how to take
// part, the other iterations, and when the file last changed.
import { vocabularyText } from '../../shared/l10n';
import { pitchBlanks, STEP_IDS, type StepId } from '../vocabulary';
import {
  dateText,
  href,
  own,
  page,
  projectPath,
  safeUrl,
  say,
  sheetPath,
  stepName,
  stepRow,
  stepSummary,
  tacticName,
  tacticSummary,
  valueLabel,
  type PageContext,
} from './layout';
import { collaboratorItem, mentionedName, privateNames } from './people';
import { isRecord, listAt, recordAt, textAt, textOf, textsAt, type Data, type SiteProject } from './projects';

type Context = PageContext;

/** The pitch as a paragraph: the team's words in bold, a blank still open as its name. */
function pitchHtml(context: Pick<PageContext, 'language'>, project: SiteProject): string {
  const body = project.pitch(context.language).segments.map((segment) => {
    if (!segment.blank) return own(segment.text);
    if (!segment.empty) return `<strong>${own(segment.text)}</strong>`;
    const info = pitchBlanks.find((blank) => blank.key === segment.blank)!;
    const label = vocabularyText(context.language, `pitchBlank.${info.key}.label`, info.label);
    return `<span class="blank-open">${say(context, 'pitch.open', { blank: label })}</span>`;
  });
  return `<p class="pitch">${body.join('')}</p>`;
}

/** A heading and its content, or nothing when there is no content. */
function part(heading: string, content: string, level = 3): string {
  return content ? `<section class="part"><h${level}>${heading}</h${level}>${content}</section>` : '';
}

const paragraph = (text: string | undefined): string => (text ? `<p class="written">${own(text)}</p>` : '');

function list(items: readonly string[], className = 'plain'): string {
  const shown = items.filter(Boolean);
  return shown.length ? `<ul class="${className}">${shown.map((item) => (item.startsWith('<li') ? item : `<li>${item}</li>`)).join('')}</ul>` : '';
}

/** Label–value pairs, those with a value. */
function facts(context: Context, pairs: readonly [string, string | undefined][]): string {
  const shown = pairs.filter((pair): pair is [string, string] => Boolean(pair[1]));
  return shown.length ? `<dl class="facts">${shown.map(([key, value]) => `<dt>${say(context, key)}</dt><dd>${value}</dd>`).join('')}</dl>` : '';
}

function engagementHtml(step: unknown): string {
  const engagement = isRecord(step) ? step.engagement : undefined;
  if (typeof engagement === 'string') return paragraph(engagement);
  return list(listAt(step, 'engagement').map((entry) => {
    if (!isRecord(entry)) return own(textOf(entry) ?? '');
    const when = dateText(textAt(entry, 'date'));
    return [textAt(entry, 'mode') ? own(textAt(entry, 'mode')!) : '', when ? `(${when})` : '', textAt(entry, 'notes') ? `— ${own(textAt(entry, 'notes')!)}` : ''].filter(Boolean).join(' ');
  }));
}

function tacticsHtml(context: Context, step: unknown): string {
  return list(listAt(step, 'tactics').map((use) => {
    const id = textOf(use) ?? textAt(use, 'id');
    const custom = textAt(use, 'custom');
    const name = custom ? own(custom) : id ? tacticName(context, id) : '';
    if (!name) return '';
    const about = custom ? (textAt(use, 'description') ? own(textAt(use, 'description')!) : '') : id ? tacticSummary(context, id) ?? '' : '';
    const notes = textAt(use, 'notes');
    const when = dateText(textAt(use, 'date'));
    return `<li><strong>${name}</strong>${when ? ` (${when})` : ''}${about ? `<br><span class="about">${about}</span>` : ''}${notes ? `<br>${own(notes)}` : ''}</li>`;
  }), 'tactics');
}

/** Each file's use cases by id, made once: a file may list thousands, each named again as promising. */
const useCasesOfFile = new WeakMap<Data, Map<string, Data>>();

export function useCaseById(data: Data, id: string | undefined): Data | undefined {
  if (!id) return undefined;
  let byId = useCasesOfFile.get(data);
  if (!byId) {
    byId = new Map();
    for (const useCase of listAt(data.refine, 'use_cases')) {
      const key = textAt(useCase, 'id');
      // The first of two with one id, as a search from the top would find.
      if (key !== undefined && isRecord(useCase) && !byId.has(key)) byId.set(key, useCase);
    }
    useCasesOfFile.set(data, byId);
  }
  return byId.get(id);
}

function resultHtml(context: Context, project: SiteProject, step: StepId): string {
  const result = recordAt(project.data[step], 'result');
  const hidden = privateNames(project.data);
  switch (step) {
    case 'find':
      return facts(context, [
        ['project.focusArea', textAt(result, 'focus_area') && own(textAt(result, 'focus_area')!)],
        ['project.rationale', textAt(result, 'rationale') && own(textAt(result, 'rationale')!)],
        ['project.priorities', list(textsAt(result, 'priorities').map(own))],
        ['project.dataHoldings', list(textsAt(result, 'data_holdings').map(own))],
      ]);
    case 'refine':
      return facts(context, [
        ['project.promising', list(textsAt(result, 'promising_use_cases').map((id) => own(textAt(useCaseById(project.data, id), 'title') ?? id)))],
      ]);
    case 'design':
      return facts(context, [['project.approvedBy', list(textsAt(result, 'approved_by').map((name) => mentionedName(context, name, hidden)))]]);
    case 'implement':
      return facts(context, [
        ['project.product', textAt(result, 'product') && own(textAt(result, 'product')!)],
        ['project.state', textAt(result, 'state') && valueLabel(context, 'state', textAt(result, 'state')!)],
      ]);
  }
}

function useCaseHtml(context: Context, useCase: Data | undefined): string {
  if (!useCase) return '';
  const persona = recordAt(useCase, 'persona');
  const personaText = [textAt(persona, 'name'), textAt(persona, 'description')].filter(Boolean).map((text) => own(text!)).join(': ');
  return `<div class="use-case"><p class="use-case-title"><strong>${own(textAt(useCase, 'title') ?? textAt(useCase, 'id') ?? '')}</strong></p>${facts(context, [
    ['project.persona', personaText],
    ['project.userStory', textAt(useCase, 'user_story') && `<q>${own(textAt(useCase, 'user_story')!)}</q>`],
    ['project.dataNeeded', list(textsAt(useCase, 'data_needed').map(own))],
    ['project.impact', textAt(useCase, 'impact') && own(textAt(useCase, 'impact')!)],
  ])}</div>`;
}

function planHtml(context: Context, plan: Data | undefined, hidden: ReadonlySet<string>): string {
  if (!plan) return '';
  const intervention = textAt(plan, 'intervention');
  const timeline = listAt(plan, 'timeline').map((entry) => {
    const milestone = textAt(entry, 'milestone');
    const when = dateText(textAt(entry, 'date'));
    return milestone || when ? `${when ? `${when}: ` : ''}${own(milestone ?? '')}` : '';
  });
  return paragraph(textAt(plan, 'summary')) + facts(context, [
    ['project.intervention', intervention && tacticName(context, intervention)],
    ['project.roles', list(textsAt(plan, 'roles').map(own))],
    ['project.timeline', list(timeline)],
    ['project.steward', textAt(plan, 'steward') && mentionedName(context, textAt(plan, 'steward')!, hidden)],
    ['project.formality', textAt(plan, 'formality') && valueLabel(context, 'formality', textAt(plan, 'formality')!)],
  ]);
}

function feedbackHtml(context: Context, project: SiteProject): string {
  const hidden = privateNames(project.data);
  return list(listAt(project.data.design, 'feedback').map((entry) => {
    if (!isRecord(entry)) return '';
    const from = textAt(entry, 'from');
    const via = textAt(entry, 'via');
    const incorporated = textAt(entry, 'incorporated') ?? (entry.incorporated === true ? 'yes' : entry.incorporated === false ? 'no' : undefined);
    const who = [from ? mentionedName(context, from, hidden) : '', via ? `(${valueLabel(context, 'via', via)})` : '', dateText(textAt(entry, 'date'))].filter(Boolean).join(' ');
    const summary = textAt(entry, 'summary');
    return `<li>${who ? `<span class="who">${who}</span>` : ''}${summary ? `<blockquote>${own(summary)}</blockquote>` : ''}${incorporated ? `<span class="taken-up">${say(context, 'project.incorporated', { answer: valueLabel(context, 'incorporated', incorporated) })}</span>` : ''}</li>`;
  }), 'feedback');
}

/** How a resident can reach the project: the feedback channels, with their owner and address. */
export function channelItems(context: Pick<PageContext, 'language'>, data: Data, hidden: ReadonlySet<string>): string[] {
  return listAt(data.implement, 'feedback_channels').map((entry) => {
    const channel = textAt(entry, 'channel');
    const owner = textAt(entry, 'owner');
    const url = textAt(entry, 'url');
    const link = safeUrl(url);
    const address = link ? `<a href="${own(link)}" rel="nofollow noopener">${own(url!)}</a>` : url ? own(url) : '';
    return channel || address ? [channel ? own(channel) : '', owner ? `(${mentionedName(context, owner, hidden)})` : '', address].filter(Boolean).join(' ') : '';
  }).filter(Boolean);
}

function implementHtml(context: Context, project: SiteProject): string {
  const implement = project.data.implement;
  const intervention = recordAt(implement, 'intervention');
  const tactic = textAt(intervention, 'tactic');
  const datasets = listAt(implement, 'datasets').map((entry) => {
    const name = textAt(entry, 'name');
    const link = safeUrl(textAt(entry, 'url'));
    const shown = name ? own(name) : link ? own(link) : '';
    const extra = [textAt(entry, 'format'), textAt(entry, 'license')].filter(Boolean).map((text) => own(text!)).join(', ');
    return shown ? `${link ? `<a href="${own(link)}" rel="nofollow noopener">${shown}</a>` : shown}${extra ? ` (${extra})` : ''}` : '';
  });
  const outcomes = listAt(implement, 'outcomes').map((entry) => {
    const description = textAt(entry, 'description');
    const when = dateText(textAt(entry, 'date'));
    const evidence = textAt(entry, 'evidence');
    return description ? `${when ? `${when}: ` : ''}${own(description)}${evidence ? ` <span class="about">${own(evidence)}</span>` : ''}` : '';
  });
  return [
    part(say(context, 'project.intervention'), intervention
      ? `${textAt(intervention, 'name') ? `<p><strong>${own(textAt(intervention, 'name')!)}</strong>${tactic ? ` (${tacticName(context, tactic)})` : ''}</p>` : ''}${paragraph(textAt(intervention, 'description'))}`
      : ''),
    part(say(context, 'project.channels'), list(channelItems(context, project.data, privateNames(project.data)))),
    part(say(context, 'project.datasets'), list(datasets)),
    part(say(context, 'project.outcomes'), list(outcomes)),
  ].join('');
}

function stepHtml(context: Context, project: SiteProject, step: StepId): string {
  const data = project.data[step];
  if (!isRecord(data)) return '';
  const state = project.states[step];
  const extra =
    step === 'design'
      ? part(say(context, 'project.useCase'), useCaseHtml(context, useCaseById(project.data, textOf(data.selected_use_case)))) +
        part(say(context, 'project.plan'), planHtml(context, recordAt(data, 'plan'), privateNames(project.data))) +
        part(say(context, 'project.feedback'), feedbackHtml(context, project))
      : step === 'implement'
        ? implementHtml(context, project)
        : '';
  return [
    `<section class="step-section step-${state}" id="step-${step}">`,
    `<h2>${stepName(context, step)} <span class="step-state">${valueLabel(context, 'status', state)}</span></h2>`,
    `<p class="about">${stepSummary(context, step)}</p>`,
    state === 'skipped' ? part(say(context, 'project.skipReason'), paragraph(textAt(data, 'skip_reason'))) : '',
    part(say(context, 'project.action'), paragraph(textAt(data, 'action'))),
    part(say(context, 'project.engagement'), engagementHtml(data)),
    part(say(context, 'project.tactics'), tacticsHtml(context, data)),
    part(say(context, 'project.result'), resultHtml(context, project, step)),
    extra,
    part(say(context, 'project.people'), list(listAt(data, 'collaborators').map((c) => collaboratorItem(context, c)), 'people')),
    part(say(context, 'project.notes'), paragraph(textAt(data, 'notes'))),
    '</section>',
  ].join('\n');
}

/** Previous and next iterations, as links. */
function iterationsHtml(context: Context, project: SiteProject): string {
  const link = (other: SiteProject, key: string) =>
    `<li><a href="${href(context, projectPath(context.language, other))}" rel="${key === 'project.previous' ? 'prev' : 'next'}">${say(context, key, { iteration: other.iteration })}: ${own(other.title)}</a></li>`;
  const items = [
    ...(project.previous ? [link(project.previous, 'project.previous')] : []),
    ...project.next.map((next) => link(next, 'project.next')),
  ];
  return items.length && !context.options.alone ? `<nav class="iterations" aria-label="${say(context, 'project.iterations')}"><ul class="plain">${items.join('')}</ul></nav>` : '';
}

/** What a search engine or a shared link shows of the page: the summary, else the pitch once it is whole. */
function pageDescription(context: Context, project: SiteProject): string | undefined {
  const pitch = project.pitch(context.language);
  const text = textAt(recordAt(project.data, 'project'), 'summary') ?? (pitch.emptyBlanks.length ? undefined : pitch.text);
  return text && own(text.replace(/\s+/g, ' ').slice(0, 300));
}

export function projectPage(context: Context, project: SiteProject): string {
  const about = recordAt(project.data, 'project');
  const team = textsAt(about, 'team');
  const links = listAt(about, 'links').map((entry) => {
    const link = safeUrl(textAt(entry, 'url'));
    const title = textAt(entry, 'title') ?? textAt(entry, 'url');
    return title ? (link ? `<a href="${own(link)}" rel="nofollow noopener">${own(title)}</a>` : own(title)) : '';
  });
  const main = [
    `<h1>${own(project.title)}</h1>`,
    project.place ? `<p class="place">${own(project.place)}</p>` : '',
    stepRow(context, project.states),
    facts(context, [
      ['project.iteration', String(project.iteration)],
      ['project.team', team.map(own).join(', ')],
      ['project.started', dateText(textAt(about, 'started'))],
      ['project.lastChanged', dateText(project.source.lastChanged)],
    ]),
    paragraph(textAt(about, 'summary')),
    iterationsHtml(context, project),
    part(say(context, 'project.pitch'), pitchHtml(context, project), 2),
    ...STEP_IDS.map((step) => stepHtml(context, project, step)),
    part(say(context, 'project.nextIdeas'), list(textsAt(recordAt(project.data, 'next'), 'opportunities').map(own)), 2),
    part(say(context, 'project.links'), list(links), 2),
    context.options.alone ? '' : `<p class="sheet-link"><a href="${href(context, sheetPath(context.language, project))}">${say(context, 'project.sheet')}</a></p>`,
  ].filter(Boolean).join('\n');
  const nav = `<a href="${href(context, `${context.language}/index.html`)}">${say(context, 'nav.allProjects')}</a> `;
  return page(context, { title: `${own(project.title)} · ${say(context, 'index.title')}`, description: pageDescription(context, project), main, bodyClass: 'project-page', nav });
}
