// Two versions of one project compared in TDE terms: steps that moved,
// collaborators, use cases and tactics added or removed, the selected use
// case, the pitch, and the problems introduced and fixed. Either side may be
// missing (a project added or removed) or unreadable (no model).
import { isScalar, isSeq, scalarText, seqItems, valueOf } from '../document';
import type { TdeModel } from '../model';
import { buildPitch, type Pitch } from '../pitch';
import type { Problem } from '../problem';
import { STEP_IDS, tacticById, type StepId } from '../vocabulary';
import { compareProblems } from './baseline';
import { projectStatus, stepState, type StepState } from './projectStatus';

export interface ProjectSide {
  /** The TDE view of the file; undefined when it does not parse. */
  model?: TdeModel;
  /** The problems in force on this side. */
  problems: readonly Problem[];
}

/** forward: towards done; back: away from it; changed: neither (done ↔ skipped, added as not-started, …). */
type StepMove = 'forward' | 'back' | 'changed';

export interface StepStatusChange {
  step: StepId;
  before: StepState;
  after: StepState;
  move: StepMove;
}

export interface CollaboratorRef {
  name: string;
  role?: string;
  intendedUser: boolean;
}

interface StepCollaboratorChange {
  step: StepId;
  added: CollaboratorRef[];
  removed: CollaboratorRef[];
}

export interface UseCaseRef {
  id: string;
  title?: string;
}

export interface TacticRef {
  /** The tactic id, for a tactic of the method. */
  id?: string;
  /** The team's own name, for a custom tactic. */
  custom?: string;
  /** The guide's name of the tactic, or the custom name, or the unknown id. */
  name: string;
}

interface StepTacticChange {
  step: StepId;
  added: TacticRef[];
  removed: TacticRef[];
}

interface ValueChange<T> {
  before?: T;
  after?: T;
}

export interface ProjectChanges {
  /** Title, place and iteration, each only when it changed. */
  project: { title?: ValueChange<string>; place?: ValueChange<string>; iteration?: ValueChange<number> };
  steps: StepStatusChange[];
  collaborators: StepCollaboratorChange[];
  useCases: { added: UseCaseRef[]; removed: UseCaseRef[]; selected?: ValueChange<string> };
  tactics: StepTacticChange[];
  pitch: { before?: Pitch; after?: Pitch; changed: boolean };
  problems: { introduced: Problem[]; fixed: Problem[]; existing: Problem[] };
}

const RANK: Record<string, number> = { 'not-started': 0, 'in-progress': 1, done: 2, skipped: 2 };

export function stepMove(before: StepState, after: StepState): StepMove {
  const from = before === undefined ? 0 : RANK[before];
  const to = after === undefined ? 0 : RANK[after];
  if (from === undefined || to === undefined || from === to) return 'changed';
  return to > from ? 'forward' : 'back';
}

function collaboratorsOf(model: TdeModel | undefined, step: StepId): Map<string, CollaboratorRef> {
  const result = new Map<string, CollaboratorRef>();
  if (!model) return result;
  for (const collaborator of model.collaborators(model.step(step))) {
    if (!collaborator.name) continue;
    if (!result.has(collaborator.name)) {
      result.set(collaborator.name, { name: collaborator.name, role: collaborator.role, intendedUser: collaborator.intendedUser });
    }
  }
  return result;
}

function tacticsOf(model: TdeModel | undefined, step: StepId): Map<string, TacticRef> {
  const result = new Map<string, TacticRef>();
  if (!model) return result;
  for (const use of model.tacticUses(model.step(step))) {
    if (use.id !== undefined) {
      result.set(`id:${use.id}`, { id: use.id, name: tacticById(use.id)?.name ?? use.id });
    } else if (use.custom?.trim()) {
      result.set(`custom:${use.custom.trim()}`, { custom: use.custom.trim(), name: use.custom.trim() });
    }
  }
  return result;
}

function useCasesOf(model: TdeModel | undefined): Map<string, UseCaseRef> {
  const result = new Map<string, UseCaseRef>();
  for (const useCase of model?.useCases() ?? []) {
    if (useCase.id && !result.has(useCase.id)) result.set(useCase.id, { id: useCase.id, title: useCase.title?.trim() || undefined });
  }
  return result;
}

/** `design.selected_use_case` as text; a list (which single-use-case flags) as its ids joined. */
function selectedUseCase(model: TdeModel | undefined): string | undefined {
  const node = valueOf(model?.step('design').map, 'selected_use_case');
  if (isScalar(node)) return scalarText(node)?.trim() || undefined;
  if (isSeq(node)) return seqItems(node).map((item) => scalarText(item)?.trim()).filter(Boolean).join(', ') || undefined;
  return undefined;
}

function added<T>(before: Map<string, T>, after: Map<string, T>): T[] {
  return [...after].filter(([key]) => !before.has(key)).map(([, value]) => value);
}

function valueChange<T>(before: T | undefined, after: T | undefined): ValueChange<T> | undefined {
  return before === after ? undefined : { before, after };
}

export function diffProjects(before: ProjectSide | undefined, after: ProjectSide | undefined): ProjectChanges {
  const old = before?.model;
  const now = after?.model;
  const oldStatus = projectStatus(old);
  const newStatus = projectStatus(now);
  const project: ProjectChanges['project'] = {};
  if (old && now) {
    const title = valueChange(oldStatus.title, newStatus.title);
    const place = valueChange(oldStatus.place, newStatus.place);
    const iteration = valueChange(oldStatus.iteration, newStatus.iteration);
    if (title) project.title = title;
    if (place) project.place = place;
    if (iteration) project.iteration = iteration;
  }

  // A side that exists but does not parse says nothing about its content:
  // compare the content only when each side is either absent or readable.
  const comparable = (old !== undefined || !before) && (now !== undefined || !after);
  const steps: StepStatusChange[] = [];
  const collaborators: StepCollaboratorChange[] = [];
  const tactics: StepTacticChange[] = [];
  for (const step of comparable ? STEP_IDS : []) {
    const from = stepState(old, step);
    const to = stepState(now, step);
    if (from !== to) steps.push({ step, before: from, after: to, move: stepMove(from, to) });
    const oldPeople = collaboratorsOf(old, step);
    const newPeople = collaboratorsOf(now, step);
    const people = { step, added: added(oldPeople, newPeople), removed: added(newPeople, oldPeople) };
    if (people.added.length || people.removed.length) collaborators.push(people);
    const oldTactics = tacticsOf(old, step);
    const newTactics = tacticsOf(now, step);
    const used = { step, added: added(oldTactics, newTactics), removed: added(newTactics, oldTactics) };
    if (used.added.length || used.removed.length) tactics.push(used);
  }

  const oldUseCases = comparable ? useCasesOf(old) : new Map<string, UseCaseRef>();
  const newUseCases = comparable ? useCasesOf(now) : new Map<string, UseCaseRef>();
  const useCases: ProjectChanges['useCases'] = { added: added(oldUseCases, newUseCases), removed: added(newUseCases, oldUseCases) };
  const selected = comparable ? valueChange(selectedUseCase(old), selectedUseCase(now)) : undefined;
  if (selected) useCases.selected = selected;

  const oldPitch = old ? buildPitch(old) : undefined;
  const newPitch = now ? buildPitch(now) : undefined;

  const comparison = compareProblems(after?.problems ?? [], before?.problems ?? []);
  return {
    project,
    steps,
    collaborators,
    useCases,
    tactics,
    pitch: { before: oldPitch, after: newPitch, changed: oldPitch?.text !== newPitch?.text },
    problems: {
      introduced: comparison.introduced,
      // A removed project's problems are gone with it, not fixed.
      fixed: after ? comparison.fixed : [],
      existing: (after?.problems ?? []).filter((p) => comparison.existing.has(p)),
    },
  };
}

/** Whether the comparison found anything to say in TDE terms (problems aside). */
export function hasProjectChanges(changes: ProjectChanges): boolean {
  return (
    Object.keys(changes.project).length > 0 ||
    changes.steps.length > 0 ||
    changes.collaborators.length > 0 ||
    changes.useCases.added.length > 0 ||
    changes.useCases.removed.length > 0 ||
    changes.useCases.selected !== undefined ||
    changes.tactics.length > 0 ||
    changes.pitch.changed
  );
}
