// The starter file of "TDE: New Project" and its file name. Pure functions
// (no vscode), unit-tested, and the starter is checked to be a valid TDE file.

const MAX_NAME_LENGTH = 60;

/**
 * A kebab-case file stem from a project title: "Free Wi-Fi où on peut
 * l'utiliser!" → "free-wi-fi-ou-on-peut-l-utiliser". Letters of any script
 * are kept; marks, punctuation and symbols become hyphens.
 */
export function projectFileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (!stem) return 'tde-project';
  if (stem.length <= MAX_NAME_LENGTH) return stem;
  // Cut at a word boundary when there is one not too far back.
  const cut = stem.slice(0, MAX_NAME_LENGTH);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > MAX_NAME_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** Candidate file names in order: stem.tde.yaml, stem-2.tde.yaml, … */
export function* projectFileNames(title: string, limit = 100): Generator<string> {
  const stem = projectFileStem(title);
  yield `${stem}.tde.yaml`;
  for (let n = 2; n <= limit; n++) yield `${stem}-${n}.tde.yaml`;
}

const YAML_RESERVED = /^(?:true|false|null|~|yes|no|on|off|y|n)$/i;
const PLAIN_SAFE = /^[\p{L}\p{N}][\p{L}\p{N} .,;!?()/&'’-]*$/u;

/**
 * A YAML scalar for a one-line string typed by the user: plain when that is
 * unambiguous, else double-quoted (a JSON string is a valid YAML 1.2
 * double-quoted scalar).
 */
export function yamlString(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  const plain =
    PLAIN_SAFE.test(text) &&
    !YAML_RESERVED.test(text) &&
    !/^[-+.]?\d/.test(text) && // numbers, dates
    !/\s$/.test(text);
  return plain ? text : JSON.stringify(text);
}

export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface StarterOptions {
  title: string;
  place: string;
  started: Date;
  eol?: '\n' | '\r\n';
}

/** A valid TDE file that teaches the four steps in comments. */
export function starterProject({ title, place, started, eol = '\n' }: StarterOptions): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const lines = [
    `# ${oneLine(title)}`,
    '#',
    '# A Tactical Data Engagement project: one iteration per file. Work through',
    '# the four steps in order -- Find, Refine, Design, Implement -- and record',
    '# each one here as you go; a step you have not begun stays out of the file.',
    '#',
    '# Type "tde-" for snippets (a collaborator, a tactic, a use case, a whole',
    '# step), hover a key to see what it means, and run "TDE: Open Pitch',
    '# Preview" to watch the pitch fill in as you write.',
    'tde: 1',
    '',
    'project:',
    `  title: ${yamlString(title)}`,
    `  place: ${yamlString(place)}`,
    '  iteration: 1',
    `  started: ${localDate(started)}`,
    '  # team: Who does the work (a name, or a list of names)',
    '  # summary: >',
    '  #   A few sentences on what the project is about and for whom.',
    '',
    '# Step 1 -- Find: listen widely, then settle on one focus area.',
    'find:',
    '  status: not-started',
    '  # action: What you did to choose a focus area, in your own words.',
    '  # collaborators:',
    '  #   - name: Who you listened to (a person or a group)',
    '  #     role: community-group',
    '  # tactics:',
    '  #   - identify-shared-priorities',
    '  # result:',
    '  #   focus_area: The issue residents could tackle with city data',
    '',
    '# Step 2 -- Refine: with the people closest to the focus area, turn it into',
    '#   use cases, each with a persona and a user story (snippet "tde-refine").',
    '# Step 3 -- Design: pick one use case and plan an intervention with the',
    '#   people who will use the data (snippet "tde-design").',
    '# Step 4 -- Implement: carry the plan out with those users and keep',
    '#   listening to them (snippet "tde-implement").',
    '',
  ];
  return lines.join(eol);
}
