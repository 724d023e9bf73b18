// The benchmark's synthetic corpus: valid TDE projects of a chosen length,
// shaped like a long-running real one (four steps of about equal weight,
// each a long list of collaborators, use cases, feedback or outcomes), with
// a known number of injected schema errors, each of which is exactly one
// ajv error and one engine problem. Deterministic: same arguments, same text.

const ROLES = ['community-group', 'nonprofit', 'government', 'librarian', 'data-intermediary', 'researcher', 'advocate', 'business'];
const VIA = ['email', 'meeting', 'workshop', 'online', 'survey', 'focus-group'];

/** A value outside an enum, one per injected error: `support: very-strong`. */
export const INJECTED_MESSAGE = '`support` must be one of strong, moderate, weak';

function date(i) {
  return `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
}

function collaborator(i, intended) {
  const lines = [
    `    - name: Partner organisation ${i}`,
    `      role: ${ROLES[i % ROLES.length]}`,
    `      organization: Network of neighbourhood groups ${i % 17}`,
  ];
  if (intended) lines.push('      intended_user: true');
  return lines;
}

function useCase(i, broken) {
  return [
    `    - id: use-case-${i}`,
    `      title: Building records for neighbourhood ${i}`,
    '      persona:',
    `        name: Volunteer ${i}, tenant organiser`,
    '        description: Helps families check a building before they sign.',
    '      user_story: >',
    '        As a volunteer, I want the building history, so that families',
    `        can decide with the facts in hand (case ${i}).`,
    '      data_needed:',
    '        - Inspections by address',
    `      impact: Fewer families move into unsafe buildings (${i}).`,
    `      support: ${broken ? 'very-strong' : ['strong', 'moderate', 'weak'][i % 3]}`,
  ];
}

function feedback(i, names) {
  return [
    `    - from: ${names[i % names.length]}`,
    `      via: ${VIA[i % VIA.length]}`,
    `      date: ${date(i)}`,
    `      summary: Asked for weekly updates and plain words, round ${i}.`,
    '      incorporated: yes',
  ];
}

function outcome(i) {
  return [
    `    - description: Outreach reached ${i + 3} more buildings before their hearing`,
    `      date: ${date(i)}`,
    `      evidence: Outreach log, week ${i} (aggregate counts only)`,
  ];
}

/**
 * A valid project of about `lines` lines, with `errors` injected schema
 * errors spread evenly over the use cases (whose list grows with the file).
 */
export function generateProject(lines, errors = 0) {
  const budget = Math.max(0, lines - 70);
  const per = Math.max(1, Math.floor(budget / 4));
  const nFind = Math.max(3, Math.floor(per / 3));
  const nUseCases = Math.max(1, Math.floor(per / 12), errors);
  const nFeedback = Math.max(1, Math.floor((per - 12) / 5));
  const nOutcomes = Math.max(1, Math.floor((per - 16) / 3));
  const broken = new Set();
  for (let k = 0; k < errors; k++) broken.add(Math.floor(((k + 0.5) * nUseCases) / errors));

  const out = [
    '# A synthetic project for the benchmark.',
    'tde: 1',
    'project:',
    '  title: Building records for tenants',
    '  place: City of Benchmark',
    '  team:',
    '    - Office of Data and Performance',
    '  started: 2023-12-04',
    '',
    'find:',
    '  status: done',
    '  collaborators:',
  ];
  for (let i = 0; i < nFind; i++) out.push(...collaborator(i, false));
  out.push(
    '  tactics:',
    '    - id: join-public-meetings',
    '      criteria:',
    '        - standing-meetings',
    '  result:',
    '    focus_area: Unsafe rental buildings',
    '',
    'refine:',
    '  status: done',
    '  collaborators:',
    ...collaborator(0, false),
    '  tactics:',
    '    - interview-stakeholders',
    '  use_cases:',
  );
  for (let i = 0; i < nUseCases; i++) out.push(...useCase(i, broken.has(i)));
  out.push(
    '  worksheet:',
    '    data_supply:',
    '      - Code enforcement cases',
    '    data_requesters:',
    '      - Tenant council',
    '    next_steps:',
    '      - Design the building record with the council',
    '  pitch:',
    '    impact: keeping families in safe homes',
    '  result:',
    '    promising_use_cases:',
    '      - use-case-0',
    '',
    'design:',
    '  status: done',
    '  collaborators:',
    '    - name: Tenant Council',
    '      role: community-group',
    '      intended_user: true',
    '    - name: Legal Aid',
    '      role: nonprofit',
    '      intended_user: true',
    '  tactics:',
    '    - solicit-user-feedback',
    '  selected_use_case: use-case-0',
    '  plan:',
    '    summary: A weekly building file, published by the Housing Lab.',
    '    intervention: invite-intermediaries',
    '    steward: The Housing Lab',
    '  feedback:',
  );
  for (let i = 0; i < nFeedback; i++) out.push(...feedback(i, ['Tenant Council', 'Legal Aid']));
  out.push(
    '  result:',
    '    approved_by:',
    '      - Tenant Council',
    '',
    'implement:',
    '  status: in-progress',
    '  collaborators:',
    '    - name: Legal Aid',
    '      role: nonprofit',
    '      intended_user: true',
    '  intervention:',
    '    name: Weekly building file',
    '    tactic: invite-intermediaries',
    '  feedback_channels:',
    '    - channel: Monthly slot on the council agenda',
    '      owner: Housing Stability Division',
    '  outcomes:',
  );
  for (let i = 0; i < nOutcomes; i++) out.push(...outcome(i));
  out.push('');
  return out.join('\n');
}

/** A line inside a step, far from the top-level keys, to edit: a collaborator's organisation in Design's feedback. */
export function editableLine(text) {
  const lines = text.split('\n');
  const design = lines.indexOf('design:');
  let target = lines.findIndex((line, i) => i > design && line.startsWith('      summary: Asked for weekly'));
  if (target < 0) target = lines.findIndex((line) => line.startsWith('  place:'));
  const prefix = lines[target].indexOf(':') + 2;
  return { line: target, character: prefix };
}
