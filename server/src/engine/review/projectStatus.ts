// Where a project stands, in one row: who, where, which iteration, and the
// status of each of the four steps.
import { mapAt, stringAt, valueOf, isScalar } from '../document';
import type { TdeModel } from '../model';
import { STEP_IDS, type StepId } from '../vocabulary';

/** A step's status as the file gives it; undefined when the step is absent. */
export type StepState = string | undefined;

export interface ProjectStatus {
  title?: string;
  place?: string;
  /** `project.iteration`, 1 when absent (the format's default). */
  iteration?: number;
  steps: Record<StepId, StepState>;
}

/** The status a present step shows when its `status` is missing or not text. */
const UNKNOWN_STATUS = 'unknown';

export function stepState(model: TdeModel | undefined, step: StepId): StepState {
  const found = model?.step(step);
  if (!found?.present) return undefined;
  return found.status?.trim() || UNKNOWN_STATUS;
}

export function projectStatus(model: TdeModel | undefined): ProjectStatus {
  const steps = Object.fromEntries(STEP_IDS.map((id) => [id, stepState(model, id)])) as Record<StepId, StepState>;
  if (!model) return { steps };
  const project = mapAt(model.root, 'project');
  const iterationNode = valueOf(project, 'iteration');
  let iteration: number | undefined = 1;
  if (iterationNode) {
    const value = isScalar(iterationNode) ? iterationNode.value : undefined;
    iteration = typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  }
  return {
    title: stringAt(project, 'title')?.trim() || undefined,
    place: stringAt(project, 'place')?.trim() || undefined,
    iteration,
    steps,
  };
}
