// The change to a project in plain sentences, shared by the terminal and the
// Markdown formats; each format supplies how user text is made safe.
import type { CollaboratorRef, StepStatusChange, TacticRef, UseCaseRef } from '../../../engine/review';
import { STEP_IDS, stepTitle } from '../../../engine/vocabulary';
import type { DiffReport, ProjectDiff } from '../../diffReport';

export interface Renderer {
  /** User text, made safe for the format. */
  text(text: string): string;
  /** An id or other literal, made safe, as code. */
  code(text: string): string;
  /** Emphasis around text already rendered. */
  strong(rendered: string): string;
}

/** "in progress", "not started"; "not in the file" for an absent step. */
function statusPhrase(status: string | undefined): string {
  if (status === undefined) return 'not in the file';
  return status === 'in-progress' ? 'in progress' : status === 'not-started' ? 'not started' : status;
}

function stepSentence(change: StepStatusChange, r: Renderer): string {
  const step = r.strong(stepTitle(change.step));
  const from = r.text(statusPhrase(change.before));
  const to = r.text(statusPhrase(change.after));
  const verb = change.move === 'forward' ? 'moved forward' : change.move === 'back' ? 'moved back' : 'changed';
  return `${step} ${verb}: ${from} → ${to}.`;
}

function collaborator(person: CollaboratorRef, r: Renderer): string {
  const notes = [person.role ? person.role.replace(/-/g, ' ') : undefined, person.intendedUser ? 'intended user' : undefined].filter(Boolean) as string[];
  return `${r.text(person.name)}${notes.length ? ` (${r.text(notes.join(', '))})` : ''}`;
}

function useCase(useCase: UseCaseRef, r: Renderer): string {
  return useCase.title ? `${r.text(useCase.title)} (${r.code(useCase.id)})` : r.code(useCase.id);
}

function tactic(tactic: TacticRef, r: Renderer): string {
  return tactic.custom !== undefined ? `${r.text(tactic.name)} (custom)` : r.text(tactic.name);
}

/** Every change to the project but its pitch and problems, one sentence each. */
export function changeSentences(project: ProjectDiff, r: Renderer): string[] {
  const { changes } = project;
  const out: string[] = [];
  const { title, place, iteration } = changes.project;
  if (title) out.push(`Title changed: ${r.text(title.before ?? '(none)')} → ${r.text(title.after ?? '(none)')}.`);
  if (place) out.push(`Place changed: ${r.text(place.before ?? '(none)')} → ${r.text(place.after ?? '(none)')}.`);
  if (iteration) out.push(`Iteration changed: ${iteration.before ?? '?'} → ${iteration.after ?? '?'}.`);
  for (const step of changes.steps) out.push(stepSentence(step, r));
  for (const people of changes.collaborators) {
    const step = r.strong(stepTitle(people.step));
    if (people.added.length) out.push(`Added to ${step}: ${people.added.map((p) => collaborator(p, r)).join('; ')}.`);
    if (people.removed.length) out.push(`Removed from ${step}: ${people.removed.map((p) => collaborator(p, r)).join('; ')}.`);
  }
  const { useCases } = changes;
  if (useCases.added.length) out.push(`Use case${useCases.added.length > 1 ? 's' : ''} added: ${useCases.added.map((u) => useCase(u, r)).join('; ')}.`);
  if (useCases.removed.length) out.push(`Use case${useCases.removed.length > 1 ? 's' : ''} removed: ${useCases.removed.map((u) => useCase(u, r)).join('; ')}.`);
  if (useCases.selected) {
    const { before, after } = useCases.selected;
    const design = r.strong('Design');
    if (before === undefined) out.push(`${design} now works on use case ${r.code(after!)}.`);
    else if (after === undefined) out.push(`${design} no longer selects a use case (it was ${r.code(before)}).`);
    else out.push(`${design} re-selected its use case: ${r.code(before)} → ${r.code(after)}.`);
  }
  for (const used of changes.tactics) {
    const step = r.strong(stepTitle(used.step));
    if (used.added.length) out.push(`Tactic${used.added.length > 1 ? 's' : ''} added to ${step}: ${used.added.map((t) => tactic(t, r)).join('; ')}.`);
    if (used.removed.length) out.push(`Tactic${used.removed.length > 1 ? 's' : ''} removed from ${step}: ${used.removed.map((t) => tactic(t, r)).join('; ')}.`);
  }
  return out;
}

/** "Find done, Refine in progress" — the steps the file has. */
export function stepsPhrase(status: ProjectDiff['after'], r: Renderer): string {
  if (!status) return '';
  const steps = STEP_IDS.filter((step) => status.steps[step] !== undefined).map((step) => `${stepTitle(step)} ${r.text(statusPhrase(status.steps[step]))}`);
  return steps.length ? steps.join(', ') : 'no step started';
}

/** "Street trees (Town of Elmwood, iteration 2)" */
export function projectPhrase(status: ProjectDiff['after'], r: Renderer): string {
  if (!status?.parses) return 'a file that does not parse';
  const details = [status.place, status.iteration !== undefined ? `iteration ${status.iteration}` : undefined].filter(Boolean) as string[];
  return `${r.text(status.title ?? '(untitled)')}${details.length ? ` (${r.text(details.join(', '))})` : ''}`;
}

/** The project's title, from the side that has one. */
export function projectTitle(project: ProjectDiff): string | undefined {
  return project.after?.title ?? project.before?.title;
}

/** "1 project added, 2 changed; 2 problems introduced, 1 fixed" */
export function diffSummaryText(summary: DiffReport['summary']): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const projects: string[] = [];
  if (summary.added) projects.push(`${n(summary.added, 'project')} added`);
  if (summary.removed) projects.push(`${projects.length ? summary.removed : n(summary.removed, 'project')} removed`);
  if (summary.renamed) projects.push(`${projects.length ? summary.renamed : n(summary.renamed, 'project')} renamed`);
  if (summary.modified) projects.push(`${projects.length ? summary.modified : n(summary.modified, 'project')} changed`);
  if (!projects.length) return 'No TDE project changed';
  return `${projects.join(', ')}; ${n(summary.problemsIntroduced, 'problem')} introduced, ${summary.problemsFixed} fixed`;
}
