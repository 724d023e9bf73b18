// The starter project that `tde init` and the editor's "TDE: New Project"
// write: a commented TDE file that checks clean, so a team starts from
// something valid and reads what each key is for.
import placeholderTexts from '../engine/placeholderTexts.json';
import { yamlValue } from '../engine/yamlValue';

/** Example values shown in comments: template text, recognised as such if left in (placeholder-text). */
const EXAMPLES = placeholderTexts.starter;

interface StarterOptions {
  title: string;
  place: string;
  started: Date;
  /** Which door wrote it: the comment at the top says how to go on from there. */
  door: 'cli' | 'editor';
  eol?: '\n' | '\r\n';
}

const HOW_TO = {
  cli: '# Check it with `tde check`; see what your pitch says with `tde pitch`.',
  editor: '# Type "tde-" for snippets, hover a key to see what it means, and run\n' +
    '# "TDE: Open Pitch Preview" to watch the pitch fill in as you write.',
};

/** A date as the format writes it, YYYY-MM-DD, in the local time zone. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function starterProject({ title, place, started, door, eol = '\n' }: StarterOptions): string {
  const text = `# A Tactical Data Engagement (TDE) project: one iteration of working with
# the community to put the data your government holds to real use.
${HOW_TO[door]}

# The version of this file format. Leave it at 1.
tde: 1

project:
  # A few words on what the project is about.
  title: ${yamlValue(oneLine(title))}
  # The city, county or agency doing the work.
  place: ${yamlValue(oneLine(place))}
  # Who is on the team: one name, or a list of names.
  # team:
  #   - Office of Innovation
  # Which round of the work this is. A later round is a new file that names
  # this one under \`previous\` (a path relative to that file's folder).
  iteration: 1
  # The day the work began, written YYYY-MM-DD.
  started: ${localDate(started)}
  # summary: ${EXAMPLES.summary}
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
  # action: ${EXAMPLES.action}
  # How you reached people: a sentence, or a list of {mode, date, notes}.
  # engagement: ${EXAMPLES.engagement}
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
  #   focus_area: ${EXAMPLES.focusArea}
  #   rationale: ${EXAMPLES.rationale}

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
#     - ${EXAMPLES.opportunity}
`;
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}
