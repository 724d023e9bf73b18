// `tde init [FILE]`: a commented starter project that checks clean, so a
// team starts from something valid and reads what each key is for.
import * as path from 'node:path';
import { parseArgs, printable } from '../args';
import { INIT_HELP } from '../help';
import { CliError, describeFsError, errorCode, ExitCode, type CliIO } from '../io';
import { displayPath, isTdeFileName } from '../files';

const DEFAULT_FILE = 'project.tde.yaml';

/** A YAML scalar for user text: plain when that reads back the same, else double-quoted. */
export function yamlScalar(text: string): string {
  const plain = /^[A-Za-z0-9][A-Za-z0-9 ,.'()/&-]*$/.test(text) && !/ $/.test(text) && !/^(true|false|null|yes|no|on|off|~|[-+]?[0-9.].*)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function starterProject(title: string, place: string, started = today()): string {
  return `# A Tactical Data Engagement (TDE) project: one iteration of working with
# the community to put the data your government holds to real use.
# Check it with \`tde check\`; see what your pitch says with \`tde pitch\`.

# The version of this file format. Leave it at 1.
tde: 1

project:
  # A few words on what the project is about.
  title: ${yamlScalar(title)}
  # The city, county or agency doing the work.
  place: ${yamlScalar(place)}
  # Who is on the team: one name, or a list of names.
  # team:
  #   - Office of Innovation
  # Which round of the work this is. A later round is a new file that names
  # this one under \`previous\` (a path relative to that file's folder).
  iteration: 1
  # The day the work began, written YYYY-MM-DD.
  started: ${started}
  # summary: One or two sentences a newcomer can read first.
  # links:
  #   - title: Open data portal
  #     url: https://data.example.gov

# The four steps come in order: find, refine, design, implement. A step that
# is not in the file has not begun. Each step has a status: not-started,
# in-progress, done, or skipped (then say why under skip_reason).

# Find: pick a focus area the community and the government both care about.
find:
  # Where the step stands; change it to in-progress when you begin.
  status: not-started
  # What you did, in your own words.
  # action: Sat in on ward meetings and read a year of records requests.
  # How you reached people: a sentence, or a list of {mode, date, notes}.
  # engagement: Three neighbourhood meetings in March.
  # The people and groups you worked with; name and role are required.
  # Listen broadly: aim for at least three different roles.
  # collaborators:
  #   - name: Ward 5 block club
  #     role: community-group
  #   - name: Public library
  #     role: librarian
  #   - name: Records office
  #     role: government
  # The tactics you used (run \`tde check\` to catch misspelt ids).
  # tactics:
  #   - join-public-meetings
  #   - id: analyze-information-requests
  #     criteria:
  #       - records-request-system
  # What came out of it; focus_area also fills the pitch's first blank.
  # result:
  #   focus_area: Vacant lots and who maintains them
  #   rationale: Why this area, in a sentence or two.

# Refine: turn the focus area into use cases, each with a persona and a
# user story, and fill the worksheet that feeds the pitch.
# refine:
#   status: not-started

# Design: choose one use case and plan it with the people who will use it.
# design:
#   status: not-started

# Implement: put the plan to work with its users, and keep a way for them
# to tell you what works.
# implement:
#   status: not-started

# Leads to follow in the next iteration.
# next:
#   opportunities:
#     - Ask the county for its inspection data.
`;
}

export async function initCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { options, positionals } = parseArgs(
    argv,
    [{ name: 'title', value: true }, { name: 'place', value: true }, { name: 'help', short: 'h' }],
    'init',
  );
  if (options.has('help')) {
    io.stdout(INIT_HELP);
    return ExitCode.Clean;
  }
  if (positionals.length > 1) throw new CliError('tde init takes at most one file (see tde init --help)');
  let target = path.resolve(io.cwd, positionals[0] ?? DEFAULT_FILE);
  try {
    if (io.fs.statSync(target).isDirectory()) target = path.join(target, DEFAULT_FILE);
  } catch {
    // a new file: fine
  }
  const shown = displayPath(io.cwd, target);
  const title = (options.get('title') as string | undefined) ?? 'Our first TDE project';
  const place = (options.get('place') as string | undefined) ?? 'City of Example';
  if (!title.trim() || !place.trim()) throw new CliError('--title and --place need some text');
  try {
    // 'wx': fail rather than overwrite, even if the file appears meanwhile.
    io.fs.writeFileSync(target, starterProject(title.trim(), place.trim()), { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new CliError(`${printable(shown)} already exists; tde init never overwrites a file`);
    if (errorCode(error) === 'ENOENT') throw new CliError(`cannot create ${printable(shown)}: its folder does not exist`);
    throw new CliError(`cannot create ${printable(shown)}: ${describeFsError(error)}`);
  }
  const note = isTdeFileName(target) ? '' : ' (tip: name it *.tde.yaml so tde check and editors find it)';
  io.stdout(`Created ${printable(shown)}${note}.\nNext: fill in find, then run 'tde check ${printable(shown)}'.\n`);
  return ExitCode.Clean;
}
