// The index of the city's projects, newest first, iterations together, with
// ways to narrow it by step and by place that work without a script (lists
// in `<details>`); the small script adds filters that hide the other cards.
import { STEP_IDS, type StepId } from '../vocabulary';
import { href, own, page, projectPath, say, stepName, stepRow, type PageContext } from './layout';
import { useCaseById } from './projectPage';
import { compare, recordAt, textAt, textOf, type ProjectGroup, type SiteProject, type SiteProjects } from './projects';

/** Where a project stands for the step filter: its latest started step, or "not started". */
function stepKey(project: SiteProject): StepId | 'none' {
  return project.currentStep ?? 'none';
}

function selectedUseCase(project: SiteProject): string | undefined {
  const id = textOf(recordAt(project.data, 'design')?.selected_use_case);
  return id && (textAt(useCaseById(project.data, id), 'title') ?? id);
}

function card(context: PageContext, group: ProjectGroup): string {
  const [latest, ...earlier] = group.projects as [SiteProject, ...SiteProject[]];
  const focus = textAt(recordAt(latest.data.find, 'result'), 'focus_area');
  const useCase = selectedUseCase(latest);
  const facts = [
    focus ? `<dt>${say(context, 'project.focusArea')}</dt><dd>${own(focus)}</dd>` : '',
    useCase ? `<dt>${say(context, 'project.useCase')}</dt><dd>${own(useCase)}</dd>` : '',
    `<dt>${say(context, 'project.iteration')}</dt><dd>${latest.iteration}</dd>`,
  ].join('');
  const older = earlier.length
    ? `<p class="earlier">${say(context, 'index.earlier')} ${earlier.map((p) => `<a href="${href(context, projectPath(context.language, p))}">${say(context, 'index.iteration', { iteration: p.iteration })}</a>`).join(', ')}</p>`
    : '';
  return [
    `<li class="project" id="project-${latest.slug}" data-step="${stepKey(latest)}" data-place="${own(latest.place)}">`,
    `<h2><a href="${href(context, projectPath(context.language, latest))}">${own(latest.title)}</a></h2>`,
    latest.place ? `<p class="place">${own(latest.place)}</p>` : '',
    stepRow(context, latest.states),
    `<dl class="facts">${facts}</dl>`,
    older,
    '</li>',
  ].filter(Boolean).join('\n');
}

/** The projects of each value, as link lists in `<details>`: the filter that needs no script. */
function browse(heading: string, kind: 'step' | 'place', buckets: [string, string, ProjectGroup[]][]): string {
  const sections = buckets
    .filter(([, , groups]) => groups.length)
    .map(([value, label, groups]) => {
      const links = groups.map((group) => `<li><a href="#project-${group.projects[0]!.slug}">${own(group.projects[0]!.title)}</a></li>`).join('');
      return `<details data-${kind}="${own(value)}"><summary>${label} <span class="count">(${groups.length})</span></summary><ul class="plain">${links}</ul></details>`;
    });
  return `<section class="browse browse-${kind}"><h2>${heading}</h2>${sections.join('')}</section>`;
}

export function indexPage(context: PageContext, site: SiteProjects): string {
  const groups = site.groups;
  const steps: [string, string, ProjectGroup[]][] = [
    ...STEP_IDS.map((step): [string, string, ProjectGroup[]] => [step, stepName(context, step), groups.filter((g) => stepKey(g.projects[0]!) === step)]),
    ['none', say(context, 'index.notStarted'), groups.filter((g) => stepKey(g.projects[0]!) === 'none')],
  ];
  const places = [...new Set(groups.map((g) => g.projects[0]!.place))].sort(compare)
    .map((place): [string, string, ProjectGroup[]] => [place, place ? own(place) : say(context, 'index.noPlace'), groups.filter((g) => g.projects[0]!.place === place)]);
  const main = [
    `<h1>${say(context, 'index.title')}</h1>`,
    `<p class="intro">${say(context, 'index.intro')}</p>`,
    `<div class="filters" data-label-step="${say(context, 'index.filterStep')}" data-label-place="${say(context, 'index.filterPlace')}" data-label-all="${say(context, 'index.filterAll')}" data-label-none="${say(context, 'index.filterNone')}"></div>`,
    groups.length
      ? `<ol class="projects">\n${groups.map((group) => card(context, group)).join('\n')}\n</ol>`
      : `<p>${say(context, 'index.empty')}</p>`,
    `<p class="filter-none" hidden>${say(context, 'index.filterNone')}</p>`,
    groups.length ? browse(say(context, 'index.byStep'), 'step', steps) : '',
    groups.length ? browse(say(context, 'index.byPlace'), 'place', places) : '',
  ].filter(Boolean).join('\n');
  return page(context, { title: say(context, 'index.title'), description: say(context, 'index.intro'), main, bodyClass: 'index-page', script: true });
}
