#!/usr/bin/env node
// Builds snippets/tde.code-snippets from the format's vocabulary
// (schemas/src/vocabulary.json) and the rule ids (docs/rules/<id>.md), so
// that the choices offered for statuses, roles, tactics, criteria and rule
// ids never drift from the format.
//
//   node client/scripts/build-snippets.mjs          write the file
//   node client/scripts/build-snippets.mjs --check  exit 1 if it is stale

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SNIPPETS_FILE = path.join(ROOT, 'snippets', 'tde.code-snippets');

const TODAY = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';

/** A choice placeholder: ${n|a,b,c|} (commas and pipes in values escaped). */
const choice = (n, values) => `\${${n}|${values.map((v) => v.replace(/[,|\\]/g, '\\$&')).join(',')}|}`;
/** A placeholder with default text ($, } and \ escaped). */
const ph = (n, text) => `\${${n}:${text.replace(/[$}\\]/g, '\\$&')}}`;
const date = (n) => `\${${n}:${TODAY}}`;

export function buildSnippets(vocabulary, ruleIds) {
  const enumValues = (name) => vocabulary.enums[name].map((e) => e.value);
  const tacticsOf = (step) => vocabulary.tactics.filter((t) => t.step === step).map((t) => t.id);
  const status = (n) => choice(n, ['in-progress', 'not-started', 'done', 'skipped']);
  const roles = enumValues('role');
  const stepTitle = Object.fromEntries(vocabulary.steps.map((s) => [s.id, s.title]));

  const snippets = {};
  const add = (name, prefix, description, body) => {
    snippets[name] = { scope: 'tde-yaml', prefix, description, body };
  };

  add('Whole project', 'tde-project', 'A new TDE project file: the version, the project and a Find step under way.', [
    `# ${ph(1, 'Project title')}`,
    'tde: 1',
    '',
    'project:',
    `  title: \${1}`,
    `  place: ${ph(2, 'City of Example')}`,
    `  team: ${ph(3, 'Who does the work')}`,
    '  iteration: 1',
    `  started: ${date(4)}`,
    '  summary: >',
    `    ${ph(5, 'What the project is about, and for whom.')}`,
    '',
    'find:',
    `  status: ${status(6)}`,
    `  action: ${ph(7, 'How you listened to the community to choose a focus area.')}`,
    '  collaborators:',
    `    - name: ${ph(8, 'A person or group you listened to')}`,
    `      role: ${choice(9, roles)}`,
    '  tactics:',
    `    - ${choice(10, tacticsOf('find'))}`,
    '  result:',
    `    focus_area: ${ph(11, 'The issue residents could tackle with city data')}`,
    '$0',
  ]);

  add('Find step', 'tde-find', `${stepTitle.find}: listen widely and settle on one focus area.`, [
    'find:',
    `  status: ${status(1)}`,
    `  action: ${ph(2, 'How you listened to the community to choose a focus area.')}`,
    '  engagement:',
    `    - mode: ${ph(3, 'Public meeting, survey, request analysis, …')}`,
    `      date: ${date(4)}`,
    `      notes: ${ph(5, 'What you heard')}`,
    '  collaborators:',
    `    - name: ${ph(6, 'A person or group you listened to')}`,
    `      role: ${choice(7, roles)}`,
    '  tactics:',
    `    - ${choice(8, tacticsOf('find'))}`,
    '  result:',
    `    focus_area: ${ph(9, 'The issue residents could tackle with city data')}`,
    `    rationale: ${ph(10, 'Why this focus area, and not another')}`,
    '    priorities:',
    `      - ${ph(11, 'A city strategic priority it aligns with')}`,
    '    data_holdings:',
    `      - ${ph(12, 'Relevant data the city holds')}`,
    '$0',
  ]);

  add('Refine step', 'tde-refine', `${stepTitle.refine}: use cases with personas and user stories, the worksheet and the pitch.`, [
    'refine:',
    `  status: ${status(1)}`,
    `  action: ${ph(2, 'How you turned the focus area into use cases.')}`,
    '  collaborators:',
    `    - name: ${ph(3, 'Someone who knows the focus area closely')}`,
    `      role: ${choice(4, roles)}`,
    '  tactics:',
    `    - ${choice(5, tacticsOf('refine'))}`,
    '  use_cases:',
    `    - id: ${ph(6, 'use-case-id')}`,
    `      title: ${ph(7, 'What the use case lets someone do')}`,
    '      persona:',
    `        name: ${ph(8, 'A name, and their role')}`,
    `        description: ${ph(9, 'Who they are and what they deal with.')}`,
    '      user_story: >',
    `        As a ${ph(10, 'role')}, I want ${ph(11, 'something')}, so that ${ph(12, 'a benefit')}.`,
    '      data_needed:',
    `        - ${ph(13, 'Data they need')}`,
    `      impact: ${ph(14, 'What would change for them')}`,
    `      support: ${choice(15, enumValues('support'))}`,
    '  worksheet:',
    '    data_supply:',
    `      - ${ph(16, 'Data the city holds (and who holds it)')}`,
    '    data_requesters:',
    `      - ${ph(17, 'Who asks for, or would use, the data')}`,
    '    past_activities:',
    `      - ${ph(18, 'What has been tried before')}`,
    '    next_steps:',
    `      - ${ph(19, 'What you will do next')}`,
    '  pitch:',
    `    impact: ${ph(20, 'why the focus area matters')}`,
    '  result:',
    '    promising_use_cases:',
    '      - ${6}',
    '$0',
  ]);

  add('Design step', 'tde-design', `${stepTitle.design}: one use case, and a plan reviewed by the people who will use it.`, [
    'design:',
    `  status: ${status(1)}`,
    `  action: ${ph(2, 'How you chose the use case and drafted the plan.')}`,
    '  collaborators:',
    `    - name: ${ph(3, 'Someone who will use the data')}`,
    `      role: ${choice(4, roles)}`,
    '      intended_user: true',
    '  tactics:',
    `    - ${choice(5, tacticsOf('design'))}`,
    `  selected_use_case: ${ph(6, 'use-case-id')}`,
    '  plan:',
    `    summary: ${ph(7, 'What the intervention is and how it works.')}`,
    `    intervention: ${choice(8, tacticsOf('implement'))}`,
    '    roles:',
    `      - ${ph(9, 'Who does what')}`,
    '    timeline:',
    `      - milestone: ${ph(10, 'First milestone')}`,
    `        date: ${date(11)}`,
    `    steward: ${ph(12, 'Who keeps the work going once the city steps back')}`,
    `    formality: ${choice(13, enumValues('formality'))}`,
    '  feedback:',
    '    - from: ${3}',
    `      via: ${choice(14, enumValues('via'))}`,
    `      date: ${date(15)}`,
    `      summary: ${ph(16, 'What they said about the plan')}`,
    `      incorporated: ${choice(17, enumValues('incorporated'))}`,
    '$0',
  ]);

  add('Implement step', 'tde-implement', `${stepTitle.implement}: the intervention, carried out with the people who use the data.`, [
    'implement:',
    `  status: ${status(1)}`,
    `  action: ${ph(2, 'What you built or did, and with whom.')}`,
    '  collaborators:',
    `    - name: ${ph(3, 'Someone who uses the data')}`,
    `      role: ${choice(4, roles)}`,
    '      intended_user: true',
    '  tactics:',
    `    - ${choice(5, tacticsOf('implement'))}`,
    '  intervention:',
    `    name: ${ph(6, 'Name of the product or activity')}`,
    `    description: ${ph(7, 'What it is and who uses it.')}`,
    '    tactic: ${5}',
    '  feedback_channels:',
    `    - channel: ${ph(8, 'How users tell you what works and what does not')}`,
    `      owner: ${ph(9, 'Who answers')}`,
    '  datasets:',
    `    - name: ${ph(10, 'Dataset name')}`,
    `      url: ${ph(11, 'https://')}`,
    `      format: ${ph(12, 'CSV')}`,
    `      license: ${ph(13, 'CC BY 4.0')}`,
    '  result:',
    `    product: ${ph(14, 'The product, tool or project people now use')}`,
    `    state: ${choice(15, enumValues('state'))}`,
    '$0',
  ]);

  add('Skipped step', 'tde-skip', 'A step the team chose to pass over, with the reason.', [
    `${choice(1, vocabulary.steps.map((s) => s.id))}:`,
    '  status: skipped',
    `  skip_reason: ${ph(2, 'Why the team passed over this step')}`,
    '$0',
  ]);

  add('Collaborator', 'tde-collaborator', 'A collaborator of a step: a person or a group, with their role.', [
    `- name: ${ph(1, 'Name of a person or group')}`,
    `  role: ${choice(2, roles)}`,
    `  organization: ${ph(3, 'Organization')}`,
    '$0',
  ]);

  add('Intended user', 'tde-intended-user', 'A collaborator who will actually use the data (Design and Implement).', [
    `- name: ${ph(1, 'Name of a person or group')}`,
    `  role: ${choice(2, roles)}`,
    '  intended_user: true',
    '$0',
  ]);

  add('Use case', 'tde-use-case', 'A Refine use case with its persona and user story.', [
    `- id: ${ph(1, 'use-case-id')}`,
    `  title: ${ph(2, 'What the use case lets someone do')}`,
    '  persona:',
    `    name: ${ph(3, 'A name, and their role')}`,
    `    description: ${ph(4, 'Who they are and what they deal with.')}`,
    '  user_story: >',
    `    As a ${ph(5, 'role')}, I want ${ph(6, 'something')}, so that ${ph(7, 'a benefit')}.`,
    '  data_needed:',
    `    - ${ph(8, 'Data they need')}`,
    `  impact: ${ph(9, 'What would change for them')}`,
    `  support: ${choice(10, enumValues('support'))}`,
    '$0',
  ]);

  add('Feedback entry', 'tde-feedback', 'Feedback on the Design plan from one of its collaborators.', [
    `- from: ${ph(1, 'A collaborator of Design')}`,
    `  via: ${choice(2, enumValues('via'))}`,
    `  date: ${date(3)}`,
    `  summary: ${ph(4, 'What they said about the plan')}`,
    `  incorporated: ${choice(5, enumValues('incorporated'))}`,
    '$0',
  ]);

  const allTactics = vocabulary.steps.flatMap((s) => tacticsOf(s.id));
  add('Tactic use', 'tde-tactic', 'A tactic used in a step, with notes and a date.', [
    `- id: ${choice(1, allTactics)}`,
    `  notes: ${ph(2, 'How it went')}`,
    `  date: ${date(3)}`,
    '$0',
  ]);

  add('Custom tactic', 'tde-custom-tactic', "A tactic of the team's own, not one of the method's.", [
    `- custom: ${ph(1, 'Name of the tactic')}`,
    `  description: ${ph(2, 'What the team did')}`,
    '$0',
  ]);

  for (const tactic of vocabulary.tactics.filter((t) => t.step === 'find')) {
    add(`Find tactic: ${tactic.name}`, `tde-find-${tactic.id}`, `${tactic.name}, with its checklist: keep the criteria that hold for your city.`, [
      `- id: ${tactic.id}`,
      '  criteria: # keep the ones that hold for your city',
      ...tactic.criteria.map((c) => `    - ${c.id}`),
      `  notes: ${ph(1, 'What you learned')}`,
      '$0',
    ]);
  }

  add('Engagement entry', 'tde-engagement', 'How the community was engaged: a mode, a date and notes.', [
    `- mode: ${ph(1, 'Public meeting, workshop, interviews, …')}`,
    `  date: ${date(2)}`,
    `  notes: ${ph(3, 'What happened')}`,
    '$0',
  ]);

  add('Feedback channel', 'tde-feedback-channel', 'An Implement feedback channel.', [
    `- channel: ${ph(1, 'How users reach you')}`,
    `  owner: ${ph(2, 'Who answers')}`,
    `  url: ${ph(3, 'https://')}`,
    '$0',
  ]);

  add('Dataset', 'tde-dataset', 'A dataset published in Implement.', [
    `- name: ${ph(1, 'Dataset name')}`,
    `  url: ${ph(2, 'https://')}`,
    `  format: ${ph(3, 'CSV')}`,
    `  license: ${ph(4, 'CC BY 4.0')}`,
    '$0',
  ]);

  add('Outcome', 'tde-outcome', 'An Implement outcome with its evidence.', [
    `- description: ${ph(1, 'What changed')}`,
    `  date: ${date(2)}`,
    `  evidence: ${ph(3, 'How you know')}`,
    '$0',
  ]);

  add('Disable next line', 'tde-disable-next-line', 'Silence one rule for the next line, with the reason.', [
    `# tde-disable-next-line ${choice(1, ruleIds)} -- ${ph(2, 'reason')}`,
  ]);

  add('Disable for the rest of the file', 'tde-disable', 'Silence one rule from here to the end of the file, with the reason.', [
    `# tde-disable ${choice(1, ruleIds)} -- ${ph(2, 'reason')}`,
  ]);

  return snippets;
}

export function readInputs() {
  const vocabulary = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'src', 'vocabulary.json'), 'utf8'));
  const ruleIds = readdirSync(path.join(ROOT, 'docs', 'rules'))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.slice(0, -3))
    .sort();
  return { vocabulary, ruleIds };
}

export function renderSnippets() {
  const { vocabulary, ruleIds } = readInputs();
  // VS Code reads snippet files as JSON with comments.
  const header = '// Generated by client/scripts/build-snippets.mjs from schemas/src/vocabulary.json and docs/rules/. Do not edit by hand.\n';
  return `${header}${JSON.stringify(buildSnippets(vocabulary, ruleIds), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = renderSnippets();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SNIPPETS_FILE, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${path.relative(ROOT, SNIPPETS_FILE)} is stale: run node client/scripts/build-snippets.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(SNIPPETS_FILE, text);
    console.log(`wrote ${path.relative(ROOT, SNIPPETS_FILE)}`);
  }
}
