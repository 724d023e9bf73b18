// The next iteration of a project: the file "TDE: Start Next Iteration" and
// `tde init --next` write beside a finished one. The project block and the
// people heard carry over; the leads left under `next.opportunities` become
// the new Find's starting point. Text in, text out: the doors write the file.
import { parseTde } from '../engine/document';
import { toPlainData } from '../engine/plainData';
import { localDate } from './starterProject';
import { STEP_IDS } from '../engine/vocabulary';
import { yamlBlockValue, yamlValue } from '../engine/yamlValue';

interface NextIterationOptions {
  /** Path of the earlier file relative to the new file's folder, `/`-separated. */
  previous: string;
  started: Date;
  eol?: '\n' | '\r\n';
}

type NextIteration =
  | {
      ok: true;
      text: string;
      /** The new file's iteration number. */
      iteration: number;
      /** Whether the earlier file's Implement is done (the usual moment to go on). */
      implementDone: boolean;
    }
  | { ok: false; reason: string };

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const texts = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item.trim() !== '').map(oneLine);

const COLLABORATOR_TEXT_KEYS = ['name', 'role', 'organization', 'contact', 'represents'] as const;

/** The people heard in any step of the earlier file, once each (by name and role), in order. */
function collaboratorsOf(data: Data): Data[] {
  const seen = new Set<string>();
  const result: Data[] = [];
  for (const id of STEP_IDS) {
    const step = data[id];
    if (!isObject(step) || !Array.isArray(step.collaborators)) continue;
    for (const person of step.collaborators) {
      if (!isObject(person) || typeof person.name !== 'string' || typeof person.role !== 'string') continue;
      const key = `${oneLine(person.name)}\u0000${person.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(person);
    }
  }
  return result;
}

function collaboratorLines(person: Data): string[] {
  const lines: string[] = [];
  for (const key of COLLABORATOR_TEXT_KEYS) {
    const value = person[key];
    if (typeof value !== 'string' || !value.trim()) continue;
    lines.push(`${lines.length === 0 ? '    - ' : '      '}${key}: ${yamlValue(oneLine(value))}`);
  }
  return lines;
}

export function nextIteration(earlier: string, { previous, started, eol = '\n' }: NextIterationOptions): NextIteration {
  const document = parseTde(earlier);
  if (document.syntaxIssues.length > 0 || !document.root) {
    return { ok: false, reason: 'it does not parse as a TDE file; fix its YAML first' };
  }
  const data = toPlainData(document.root, { maxValues: Math.max(100_000, earlier.length), maxDepth: 100 });
  const project = isObject(data) && isObject(data.project) ? data.project : undefined;
  if (!isObject(data) || !project) return { ok: false, reason: 'it has no project block to carry over' };
  const title = typeof project.title === 'string' ? oneLine(project.title) : '';
  const place = typeof project.place === 'string' ? oneLine(project.place) : '';
  if (!title || !place) return { ok: false, reason: 'its project needs a title and a place first' };
  const earlierIteration = Number.isInteger(project.iteration) && (project.iteration as number) >= 1 ? (project.iteration as number) : 1;
  const iteration = earlierIteration + 1;
  const implement = data.implement;
  const implementDone = isObject(implement) && implement.status === 'done';

  const lines: string[] = [
    `# Iteration ${iteration} of a Tactical Data Engagement (TDE) project. It picks up`,
    `# where iteration ${earlierIteration} (${oneLine(previous)}) left off: the same project,`,
    '# the people heard last time, and the leads left for this round.',
    '',
    '# The version of this file format. Leave it at 1.',
    'tde: 1',
    '',
    '# Carried over from the earlier iteration; change what is no longer true.',
    'project:',
    `  title: ${yamlValue(title)}`,
    `  place: ${yamlValue(place)}`,
  ];
  const team = texts(project.team);
  if (team.length === 1 && typeof project.team === 'string') lines.push(`  team: ${yamlValue(team[0]!)}`);
  else if (team.length > 0) lines.push('  team:', ...team.map((name) => `    - ${yamlValue(name)}`));
  lines.push(
    '  # Which round of the work this is: one more than the earlier file.',
    `  iteration: ${iteration}`,
    '  # The earlier iteration, relative to this file\'s folder.',
    `  previous: ${yamlValue(previous)}`,
    '  # The day this iteration began, written YYYY-MM-DD.',
    `  started: ${localDate(started)}`,
  );
  if (typeof project.summary === 'string' && project.summary.trim()) {
    lines.push('  # Say what this round sets out to do.', `  summary: ${yamlValue(oneLine(project.summary))}`);
  }
  const links = Array.isArray(project.links) ? project.links.filter((link): link is Data => isObject(link) && typeof link.title === 'string' && typeof link.url === 'string') : [];
  if (links.length > 0) {
    lines.push('  links:');
    for (const link of links) lines.push(`    - title: ${yamlValue(oneLine(link.title as string))}`, `      url: ${yamlValue((link.url as string).trim())}`);
  }

  lines.push(
    '',
    '# Find: a new round starts by listening again. The leads the earlier',
    '# iteration left under next.opportunities are in the notes below.',
    'find:',
    '  # Where the step stands; change it to in-progress when you begin.',
    '  status: not-started',
  );
  const people = collaboratorsOf(data);
  if (people.length > 0) {
    lines.push(
      `  # The people and groups heard in iteration ${earlierIteration}: check who is`,
      '  # still part of the work, and add whoever you hear from this time.',
      '  collaborators:',
      ...people.flatMap(collaboratorLines),
    );
  }
  const nextBlock = data.next;
  const leads = isObject(nextBlock) ? texts(nextBlock.opportunities) : [];
  if (leads.length > 0) {
    const notes = [`Leads left by iteration ${earlierIteration}:`, ...leads.map((lead) => `- ${lead}`)].join('\n');
    lines.push('  # Where to start looking: the leads left last time.', `  notes: ${yamlBlockValue(notes, '    ')}`);
  } else {
    lines.push('  # What to look into first (the earlier file left no next.opportunities).', '  # notes: ');
  }
  lines.push(
    '',
    '# Refine, Design and Implement follow as in any iteration; type "tde-"',
    '# in the editor for their snippets, or see the earlier file for a model.',
    '',
    '# Leads to follow in the iteration after this one.',
    '# next:',
    '#   opportunities:',
    '#     - ',
    '',
  );
  const text = lines.join('\n');
  return { ok: true, text: eol === '\n' ? text : text.replace(/\n/g, eol), iteration, implementDone };
}

/**
 * Names for the next iteration's file beside `earlierName`, first choice
 * first: "riverton.tde.yaml" at iteration 1 → "riverton-2.tde.yaml",
 * "riverton-2.tde.yaml" → "riverton-3.tde.yaml", then "riverton-3-2.tde.yaml"… when taken.
 */
export function* nextIterationFileNames(earlierName: string, iteration: number, limit = 100): Generator<string> {
  const match = /^(.*?)(?:-\d+)?(\.tde\.ya?ml)$/i.exec(earlierName);
  const stem = match?.[1] || earlierName.replace(/\.ya?ml$/i, '') || 'tde-project';
  const extension = match?.[2] ?? '.tde.yaml';
  yield `${stem}-${iteration}${extension}`;
  for (let n = 2; n <= limit; n++) yield `${stem}-${iteration}-${n}${extension}`;
}
