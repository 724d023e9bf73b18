#!/usr/bin/env node
// Builds snippets/tde.code-snippets from the format's vocabulary
// (schemas/src/vocabulary.json) and the rule ids (docs/rules/<id>.md), so
// that the choices offered for statuses, roles, tactics, criteria and rule
// ids never drift from the format. The snippets of whole steps (`tde-find`,
// …, `tde-skip`) go to server/src/lsp/stepSnippets.json instead: the
// language server offers each only while the file lacks that step, where a
// static snippet would add a second `find:` to a file that has one.
//
//   node client/scripts/build-snippets.mjs          write the files
//   node client/scripts/build-snippets.mjs --check  exit 1 if one is stale

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SNIPPETS_FILE = path.join(ROOT, 'snippets', 'tde.code-snippets');
export const STEP_SNIPPETS_FILE = path.join(ROOT, 'server', 'src', 'lsp', 'stepSnippets.json');

const TODAY = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';

/** A choice placeholder: ${n|a,b,c|} (commas and pipes in values escaped). */
const choice = (n, values) => `\${${n}|${values.map((v) => v.replace(/[,|\\]/g, '\\$&')).join(',')}|}`;
/** A placeholder with default text ($, } and \ escaped). */
const ph = (n, text) => `\${${n}:${text.replace(/[$}\\]/g, '\\$&')}}`;
const date = (n) => `\${${n}:${TODAY}}`;

/** The template texts a snippet leaves in place: one list, shared with the starter and the placeholder-text rule. */
const PLACEHOLDERS = JSON.parse(readFileSync(path.join(ROOT, 'server', 'src', 'engine', 'placeholderTexts.json'), 'utf8'));

/** The user story's frame, its parts as placeholders numbered from n. */
const userStory = (n) => {
  let next = n;
  return PLACEHOLDERS.userStory.frame.replace(/\{(\w+)\}/g, (_, part) => ph(next++, PLACEHOLDERS.userStory.parts[part]));
};

export function buildSnippets(vocabulary, ruleIds) {
  const enumValues = (name) => vocabulary.enums[name].map((e) => e.value);
  const tacticsOf = (step) => vocabulary.tactics.filter((t) => t.step === step).map((t) => t.id);
  const status = (n) => choice(n, ['in-progress', 'not-started', 'done', 'skipped']);
  const roles = enumValues('role');
  const stepTitle = Object.fromEntries(vocabulary.steps.map((s) => [s.id, s.title]));

  const snippets = {};
  const steps = {};
  const add = (name, prefix, description, body) => {
    snippets[name] = { scope: 'tde-yaml', prefix, description, body };
  };
  /** A whole step, keyed by its id: offered by the language server while the file lacks it. */
  const addStep = (step, prefix, description, body) => {
    steps[step] = { prefix, description, body };
  };

  add('Whole project', 'tde-project', 'A new TDE project file: the version, the project and a Find step under way.', [
    `# ${ph(1, PLACEHOLDERS.snippets.projectTitle)}`,
    'tde: 1',
    '',
    'project:',
    `  title: \${1}`,
    `  place: ${ph(2, PLACEHOLDERS.snippets.cityOfExample)}`,
    `  team: ${ph(3, PLACEHOLDERS.snippets.whoDoesTheWork)}`,
    '  iteration: 1',
    `  started: ${date(4)}`,
    '  summary: >',
    `    ${ph(5, PLACEHOLDERS.snippets.whatTheProjectIsAbout)}`,
    '',
    'find:',
    `  status: ${status(6)}`,
    `  action: ${ph(7, PLACEHOLDERS.snippets.howYouListenedToThe)}`,
    '  collaborators:',
    `    - name: ${ph(8, PLACEHOLDERS.snippets.aPersonOrGroupYou)}`,
    `      role: ${choice(9, roles)}`,
    '  tactics:',
    `    - ${choice(10, tacticsOf('find'))}`,
    '  result:',
    `    focus_area: ${ph(11, PLACEHOLDERS.snippets.theIssueResidentsCouldTackle)}`,
    '$0',
  ]);

  addStep('find', 'tde-find', `${stepTitle.find}: listen widely and settle on one focus area.`, [
    'find:',
    `  status: ${status(1)}`,
    `  action: ${ph(2, PLACEHOLDERS.snippets.howYouListenedToThe)}`,
    '  engagement:',
    `    - mode: ${ph(3, PLACEHOLDERS.snippets.publicMeetingSurveyRequestAnalysis)}`,
    `      date: ${date(4)}`,
    `      notes: ${ph(5, PLACEHOLDERS.snippets.whatYouHeard)}`,
    '  collaborators:',
    `    - name: ${ph(6, PLACEHOLDERS.snippets.aPersonOrGroupYou)}`,
    `      role: ${choice(7, roles)}`,
    '  tactics:',
    `    - ${choice(8, tacticsOf('find'))}`,
    '  result:',
    `    focus_area: ${ph(9, PLACEHOLDERS.snippets.theIssueResidentsCouldTackle)}`,
    `    rationale: ${ph(10, PLACEHOLDERS.snippets.whyThisFocusAreaAnd)}`,
    '    priorities:',
    `      - ${ph(11, PLACEHOLDERS.snippets.aCityStrategicPriorityIt)}`,
    '    data_holdings:',
    `      - ${ph(12, PLACEHOLDERS.snippets.relevantDataTheCityHolds)}`,
    '$0',
  ]);

  addStep('refine', 'tde-refine', `${stepTitle.refine}: use cases with personas and user stories, the worksheet and the pitch.`, [
    'refine:',
    `  status: ${status(1)}`,
    `  action: ${ph(2, PLACEHOLDERS.snippets.howYouTurnedTheFocus)}`,
    '  collaborators:',
    `    - name: ${ph(3, PLACEHOLDERS.snippets.someoneWhoKnowsTheFocus)}`,
    `      role: ${choice(4, roles)}`,
    '  tactics:',
    `    - ${choice(5, tacticsOf('refine'))}`,
    '  use_cases:',
    `    - id: ${ph(6, PLACEHOLDERS.snippets.useCaseId)}`,
    `      title: ${ph(7, PLACEHOLDERS.snippets.whatTheUseCaseLets)}`,
    '      persona:',
    `        name: ${ph(8, PLACEHOLDERS.snippets.aNameAndTheirRole)}`,
    `        description: ${ph(9, PLACEHOLDERS.snippets.whoTheyAreAndWhat)}`,
    '      user_story: >',
    `        ${userStory(10)}`,
    '      data_needed:',
    `        - ${ph(13, PLACEHOLDERS.snippets.dataTheyNeed)}`,
    `      impact: ${ph(14, PLACEHOLDERS.snippets.whatWouldChangeForThem)}`,
    `      support: ${choice(15, enumValues('support'))}`,
    '  worksheet:',
    '    data_supply:',
    `      - ${ph(16, PLACEHOLDERS.snippets.dataTheCityHoldsAnd)}`,
    '    data_requesters:',
    `      - ${ph(17, PLACEHOLDERS.snippets.whoAsksForOrWould)}`,
    '    past_activities:',
    `      - ${ph(18, PLACEHOLDERS.snippets.whatHasBeenTriedBefore)}`,
    '    next_steps:',
    `      - ${ph(19, PLACEHOLDERS.snippets.whatYouWillDoNext)}`,
    '  pitch:',
    `    impact: ${ph(20, PLACEHOLDERS.snippets.whyTheFocusAreaMatters)}`,
    '  result:',
    '    promising_use_cases:',
    '      - ${6}',
    '$0',
  ]);

  addStep('design', 'tde-design', `${stepTitle.design}: one use case, and a plan reviewed by the people who will use it.`, [
    'design:',
    `  status: ${status(1)}`,
    `  action: ${ph(2, PLACEHOLDERS.snippets.howYouChoseTheUse)}`,
    '  collaborators:',
    `    - name: ${ph(3, PLACEHOLDERS.snippets.someoneWhoWillUseThe)}`,
    `      role: ${choice(4, roles)}`,
    '      intended_user: true',
    '  tactics:',
    `    - ${choice(5, tacticsOf('design'))}`,
    `  selected_use_case: ${ph(6, PLACEHOLDERS.snippets.useCaseId)}`,
    '  plan:',
    `    summary: ${ph(7, PLACEHOLDERS.snippets.whatTheInterventionIsAnd)}`,
    `    intervention: ${choice(8, tacticsOf('implement'))}`,
    '    roles:',
    `      - ${ph(9, PLACEHOLDERS.snippets.whoDoesWhat)}`,
    '    timeline:',
    `      - milestone: ${ph(10, PLACEHOLDERS.snippets.firstMilestone)}`,
    `        date: ${date(11)}`,
    `    steward: ${ph(12, PLACEHOLDERS.snippets.whoKeepsTheWorkGoing)}`,
    `    formality: ${choice(13, enumValues('formality'))}`,
    '  feedback:',
    '    - from: ${3}',
    `      via: ${choice(14, enumValues('via'))}`,
    `      date: ${date(15)}`,
    `      summary: ${ph(16, PLACEHOLDERS.snippets.whatTheySaidAboutThe)}`,
    `      incorporated: ${choice(17, enumValues('incorporated'))}`,
    '$0',
  ]);

  addStep('implement', 'tde-implement', `${stepTitle.implement}: the intervention, carried out with the people who use the data.`, [
    'implement:',
    `  status: ${status(1)}`,
    `  action: ${ph(2, PLACEHOLDERS.snippets.whatYouBuiltOrDid)}`,
    '  collaborators:',
    `    - name: ${ph(3, PLACEHOLDERS.snippets.someoneWhoUsesTheData)}`,
    `      role: ${choice(4, roles)}`,
    '      intended_user: true',
    '  tactics:',
    `    - ${choice(5, tacticsOf('implement'))}`,
    '  intervention:',
    `    name: ${ph(6, PLACEHOLDERS.snippets.nameOfTheProductOr)}`,
    `    description: ${ph(7, PLACEHOLDERS.snippets.whatItIsAndWho)}`,
    '    tactic: ${5}',
    '  feedback_channels:',
    `    - channel: ${ph(8, PLACEHOLDERS.snippets.howUsersTellYouWhat)}`,
    `      owner: ${ph(9, PLACEHOLDERS.snippets.whoAnswers)}`,
    '  datasets:',
    `    - name: ${ph(10, PLACEHOLDERS.snippets.datasetName)}`,
    `      url: ${ph(11, 'https://')}`,
    `      format: ${ph(12, 'CSV')}`,
    `      license: ${ph(13, 'CC BY 4.0')}`,
    '  result:',
    `    product: ${ph(14, PLACEHOLDERS.snippets.theProductToolOrProject)}`,
    `    state: ${choice(15, enumValues('state'))}`,
    '$0',
  ]);

  // The server puts the step's key before these lines, as the choice ${1|…|} of the steps the file lacks.
  addStep('skip', 'tde-skip', 'A step the team chose to pass over, with the reason.', [
    '  status: skipped',
    `  skip_reason: ${ph(2, PLACEHOLDERS.snippets.whyTheTeamPassedOver)}`,
    '$0',
  ]);

  add('Collaborator', 'tde-collaborator', 'A collaborator of a step: a person or a group, with their role.', [
    `- name: ${ph(1, PLACEHOLDERS.snippets.nameOfAPersonOr)}`,
    `  role: ${choice(2, roles)}`,
    `  organization: ${ph(3, PLACEHOLDERS.snippets.organization)}`,
    '$0',
  ]);

  add('Intended user', 'tde-intended-user', 'A collaborator who will actually use the data (Design and Implement).', [
    `- name: ${ph(1, PLACEHOLDERS.snippets.nameOfAPersonOr)}`,
    `  role: ${choice(2, roles)}`,
    '  intended_user: true',
    '$0',
  ]);

  add('Use case', 'tde-use-case', 'A Refine use case with its persona and user story.', [
    `- id: ${ph(1, PLACEHOLDERS.snippets.useCaseId)}`,
    `  title: ${ph(2, PLACEHOLDERS.snippets.whatTheUseCaseLets)}`,
    '  persona:',
    `    name: ${ph(3, PLACEHOLDERS.snippets.aNameAndTheirRole)}`,
    `    description: ${ph(4, PLACEHOLDERS.snippets.whoTheyAreAndWhat)}`,
    '  user_story: >',
    `    ${userStory(5)}`,
    '  data_needed:',
    `    - ${ph(8, PLACEHOLDERS.snippets.dataTheyNeed)}`,
    `  impact: ${ph(9, PLACEHOLDERS.snippets.whatWouldChangeForThem)}`,
    `  support: ${choice(10, enumValues('support'))}`,
    '$0',
  ]);

  add('Feedback entry', 'tde-feedback', 'Feedback on the Design plan from one of its collaborators.', [
    `- from: ${ph(1, PLACEHOLDERS.snippets.aCollaboratorOfDesign)}`,
    `  via: ${choice(2, enumValues('via'))}`,
    `  date: ${date(3)}`,
    `  summary: ${ph(4, PLACEHOLDERS.snippets.whatTheySaidAboutThe)}`,
    `  incorporated: ${choice(5, enumValues('incorporated'))}`,
    '$0',
  ]);

  const allTactics = vocabulary.steps.flatMap((s) => tacticsOf(s.id));
  add('Tactic use', 'tde-tactic', 'A tactic used in a step, with notes and a date.', [
    `- id: ${choice(1, allTactics)}`,
    `  notes: ${ph(2, PLACEHOLDERS.snippets.howItWent)}`,
    `  date: ${date(3)}`,
    '$0',
  ]);

  add('Custom tactic', 'tde-custom-tactic', "A tactic of the team's own, not one of the method's.", [
    `- custom: ${ph(1, PLACEHOLDERS.snippets.nameOfTheTactic)}`,
    `  description: ${ph(2, PLACEHOLDERS.snippets.whatTheTeamDid)}`,
    '$0',
  ]);

  for (const tactic of vocabulary.tactics.filter((t) => t.step === 'find')) {
    add(`Find tactic: ${tactic.name}`, `tde-find-${tactic.id}`, `${tactic.name}, with its checklist: keep the criteria that hold for your city.`, [
      `- id: ${tactic.id}`,
      '  criteria: # keep the ones that hold for your city',
      ...tactic.criteria.map((c) => `    - ${c.id}`),
      `  notes: ${ph(1, PLACEHOLDERS.snippets.whatYouLearned)}`,
      '$0',
    ]);
  }

  add('Engagement entry', 'tde-engagement', 'How the community was engaged: a mode, a date and notes.', [
    `- mode: ${ph(1, PLACEHOLDERS.snippets.publicMeetingWorkshopInterviews)}`,
    `  date: ${date(2)}`,
    `  notes: ${ph(3, PLACEHOLDERS.snippets.whatHappened)}`,
    '$0',
  ]);

  add('Feedback channel', 'tde-feedback-channel', 'An Implement feedback channel.', [
    `- channel: ${ph(1, PLACEHOLDERS.snippets.howUsersReachYou)}`,
    `  owner: ${ph(2, PLACEHOLDERS.snippets.whoAnswers)}`,
    `  url: ${ph(3, 'https://')}`,
    '$0',
  ]);

  add('Dataset', 'tde-dataset', 'A dataset published in Implement.', [
    `- name: ${ph(1, PLACEHOLDERS.snippets.datasetName)}`,
    `  url: ${ph(2, 'https://')}`,
    `  format: ${ph(3, 'CSV')}`,
    `  license: ${ph(4, 'CC BY 4.0')}`,
    '$0',
  ]);

  add('Outcome', 'tde-outcome', 'An Implement outcome with its evidence.', [
    `- description: ${ph(1, PLACEHOLDERS.snippets.whatChanged)}`,
    `  date: ${date(2)}`,
    `  evidence: ${ph(3, PLACEHOLDERS.snippets.howYouKnow)}`,
    '$0',
  ]);

  add('Disable next line', 'tde-disable-next-line', 'Silence one rule for the next line, with the reason.', [
    `# tde-disable-next-line ${choice(1, ruleIds)} -- ${ph(2, PLACEHOLDERS.snippets.reason)}`,
  ]);

  add('Disable for the rest of the file', 'tde-disable', 'Silence one rule from here to the end of the file, with the reason.', [
    `# tde-disable ${choice(1, ruleIds)} -- ${ph(2, PLACEHOLDERS.snippets.reason)}`,
  ]);

  return { snippets, steps };
}

export function readInputs() {
  const vocabulary = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'src', 'vocabulary.json'), 'utf8'));
  const ruleIds = readdirSync(path.join(ROOT, 'docs', 'rules'))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.slice(0, -3))
    .sort();
  return { vocabulary, ruleIds };
}

/** The text of each generated file, by its path. */
export function renderSnippets() {
  const { vocabulary, ruleIds } = readInputs();
  const { snippets, steps } = buildSnippets(vocabulary, ruleIds);
  // VS Code reads snippet files as JSON with comments; the server's file is plain JSON.
  const header = '// Generated by client/scripts/build-snippets.mjs from schemas/src/vocabulary.json and docs/rules/. Do not edit by hand.\n';
  return new Map([
    [SNIPPETS_FILE, `${header}${JSON.stringify(snippets, null, 2)}\n`],
    [STEP_SNIPPETS_FILE, `${JSON.stringify(steps, null, 2)}\n`],
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, text] of renderSnippets()) {
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {}
      if (current !== text) {
        console.error(`${path.relative(ROOT, file)} is stale: run node client/scripts/build-snippets.mjs`);
        process.exitCode = 1;
      }
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  }
}
