// The projects a public site shows, read from TDE files: each file parsed
// with the engine's parser, its slug, and the iterations chained by
// `project.previous`. Pure: texts and dates in, plain records out.
import { parseTde } from '../document';
import { buildModel } from '../model';
import { buildPitch, type Pitch } from '../pitch';
import { DataLimitError, toPlainData } from '../plainData';
import { dataLimits } from '../index';
import { STEP_IDS, type StepId } from '../vocabulary';
import { LANGUAGES, type Language } from '../../shared/l10n';
import { folderOf, joinPath } from './paths';

/** One TDE file as the site is given it. */
export interface SiteSource {
  /** The file's path with `/`, relative to the folder the site is built from (for slugs and `previous`). */
  path: string;
  text: string;
  /** When git last changed the file (`git log -1 --format=%cI`), if it did. */
  lastChanged?: string;
}

export type StepState = 'done' | 'in-progress' | 'not-started' | 'skipped';

/** A file's data as plain values: any shape, read defensively. */
export type Data = Record<string, unknown>;

export interface SiteProject {
  /** Where the file is and when it changed; its text is not kept (a site of many large files must not hold them all). */
  source: Omit<SiteSource, 'text'>;
  slug: string;
  data: Data;
  title: string;
  place: string;
  iteration: number;
  states: Record<StepId, StepState>;
  /** The latest step started, or undefined when none has. */
  currentStep?: StepId;
  /** The pitch in a language's frame (the team's own frame, when it has one, in every language). */
  pitch(language: Language): Pitch;
  /** The earlier iteration's project, when `previous` names a file of the site. */
  previous?: SiteProject;
  /** Later iterations that name this one as `previous`. */
  next: SiteProject[];
}

/** The projects of one chain of iterations, newest first. */
export interface ProjectGroup {
  projects: SiteProject[];
}

export interface SiteProjects {
  groups: ProjectGroup[];
  /** Every project, by path. */
  projects: SiteProject[];
  /** Files left out, with why. */
  leftOut: { path: string; reason: string }[];
}

// Plain-data readers: the file may hold any shape, and only what looks right is used.
export const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
export const recordAt = (data: unknown, key: string): Data | undefined => (isRecord(data) && isRecord(data[key]) ? data[key] : undefined);
export const listAt = (data: unknown, key: string): unknown[] => (isRecord(data) && Array.isArray(data[key]) ? data[key] : []);

/** A value as text when it is a scalar (a number or a date read as text too), trimmed; undefined when empty. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export const textAt = (data: unknown, key: string): string | undefined => (isRecord(data) ? textOf(data[key]) : undefined);

/** A string or a list of strings as a list of texts. */
export function textsAt(data: unknown, key: string): string[] {
  const value = isRecord(data) ? data[key] : undefined;
  const items = Array.isArray(value) ? value : [value];
  return items.map(textOf).filter((text): text is string => text !== undefined);
}

const TDE_SUFFIX = /\.tde\.ya?ml$/i;

/** The contract's slug of a name: lower case, anything but `a-z0-9-` turned to `-`. */
function slugPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/**
 * A slug for each path: the file name without `.tde.yaml`; where two files
 * share one, their folder names are put in front, one level at a time,
 * until each is unique (a number is added when the folders run out).
 */
function slugsOf(paths: readonly string[]): Map<string, string> {
  const parts = new Map(paths.map((p) => [p, p.split('/').filter((part) => part && part !== '.' && part !== '..')]));
  const depth = new Map(paths.map((p) => [p, 0]));
  const slugOf = (p: string): string => {
    const segments = parts.get(p)!;
    const base = (segments[segments.length - 1] ?? '').replace(TDE_SUFFIX, '');
    const folders = segments.slice(0, -1).slice(segments.length - 1 - depth.get(p)!);
    return slugPart([...folders, base].join('-')) || 'project';
  };
  for (;;) {
    const bySlug = new Map<string, string[]>();
    for (const p of paths) bySlug.set(slugOf(p), [...(bySlug.get(slugOf(p)) ?? []), p]);
    let deeper = false;
    for (const same of bySlug.values()) {
      if (same.length < 2) continue;
      for (const p of same) {
        if (depth.get(p)! < parts.get(p)!.length - 1) {
          depth.set(p, depth.get(p)! + 1);
          deeper = true;
        }
      }
    }
    if (!deeper) break;
  }
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of [...paths].sort()) {
    let slug = slugOf(p);
    for (let n = 2; taken.has(slug); n++) slug = `${slugOf(p)}-${n}`;
    taken.add(slug);
    slugs.set(p, slug);
  }
  return slugs;
}

function stepState(step: unknown): StepState {
  const status = textAt(step, 'status');
  return status === 'done' || status === 'in-progress' || status === 'skipped' ? status : 'not-started';
}

/** Read the files into projects, chain their iterations and order them newest first. */
export function readSiteProjects(sources: readonly SiteSource[]): SiteProjects {
  const leftOut: SiteProjects['leftOut'] = [];
  const readable: { source: Omit<SiteSource, 'text'>; data: Data; pitch: (language: Language) => Pitch }[] = [];
  for (const source of [...sources].sort((a, b) => compare(a.path, b.path))) {
    const document = parseTde(source.text);
    if (document.syntaxIssues.length || !document.root) {
      leftOut.push({ path: source.path, reason: document.syntaxIssues.length ? 'its YAML does not parse' : 'it is not a TDE project (no keys with values)' });
      continue;
    }
    let data: unknown;
    try {
      data = toPlainData(document.yaml.contents as never, dataLimits(document.text));
    } catch (error) {
      if (!(error instanceof DataLimitError)) throw error;
      leftOut.push({ path: source.path, reason: error.message });
      continue;
    }
    if (!isRecord(data)) {
      leftOut.push({ path: source.path, reason: 'it is not a TDE project (no keys with values)' });
      continue;
    }
    // Each language's pitch now, so the parsed document need not be kept.
    const model = buildModel(document, document.root);
    const pitches = new Map(LANGUAGES.map((language) => [language, buildPitch(model, language)]));
    readable.push({ source: { path: source.path, lastChanged: source.lastChanged }, data, pitch: (language) => pitches.get(language)! });
  }
  const slugs = slugsOf(readable.map((r) => r.source.path));
  const projects: SiteProject[] = readable.map(({ source, data, pitch }) => {
    const project = recordAt(data, 'project');
    const states = Object.fromEntries(STEP_IDS.map((id) => [id, stepState(data[id])])) as Record<StepId, StepState>;
    const iteration = project?.iteration;
    return {
      source,
      slug: slugs.get(source.path)!,
      data,
      title: textAt(project, 'title') ?? source.path,
      place: textAt(project, 'place') ?? '',
      iteration: typeof iteration === 'number' && Number.isInteger(iteration) && iteration >= 1 ? iteration : 1,
      states,
      currentStep: [...STEP_IDS].reverse().find((id) => states[id] === 'done' || states[id] === 'in-progress'),
      pitch,
      next: [],
    };
  });
  const byPath = new Map(projects.map((p) => [p.source.path, p]));
  for (const project of projects) {
    const previous = textAt(recordAt(project.data, 'project'), 'previous');
    if (!previous) continue;
    const target = byPath.get(joinPath(folderOf(project.source.path), previous.replace(/\\/g, '/')));
    if (target && target !== project && !chainOf(target).includes(project)) {
      project.previous = target;
      target.next.push(project);
    }
  }
  const groups: ProjectGroup[] = [];
  for (const project of projects) {
    if (project.previous) continue;
    const members: SiteProject[] = [];
    const visit = (p: SiteProject) => {
      members.push(p);
      p.next.forEach(visit);
    };
    visit(project);
    groups.push({ projects: members.sort(newestFirst) });
  }
  const groupDate = (group: ProjectGroup) => group.projects.map(dateKey).sort().pop()!;
  groups.sort((a, b) => compare(groupDate(b), groupDate(a)) || compare(a.projects[0]!.title, b.projects[0]!.title) || compare(a.projects[0]!.source.path, b.projects[0]!.source.path));
  return { groups, projects, leftOut };
}

/** A project and the iterations before it, newest first. */
function chainOf(project: SiteProject): SiteProject[] {
  const chain: SiteProject[] = [];
  for (let p: SiteProject | undefined = project; p && !chain.includes(p); p = p.previous) chain.push(p);
  return chain;
}

/** When a project last moved: its git date, else its start date. */
function lastDate(project: SiteProject): string {
  return project.source.lastChanged ?? textAt(recordAt(project.data, 'project'), 'started') ?? '';
}

/** A project's date in one time zone, to compare dates written with different offsets. */
function dateKey(project: SiteProject): string {
  const date = lastDate(project);
  const time = Date.parse(date);
  return Number.isNaN(time) ? date : new Date(time).toISOString();
}

function newestFirst(a: SiteProject, b: SiteProject): number {
  return b.iteration - a.iteration || compare(dateKey(b), dateKey(a)) || compare(a.title, b.title) || compare(a.source.path, b.source.path);
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
