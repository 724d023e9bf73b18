// The places in a TDE file whose value names something else — a tactic, a
// checklist item, a use case, a collaborator — by their YAML path, so that
// completion and hover agree on them.
import { vocabulary, type NodePath } from '../engine';

type Place =
  | { kind: 'tactic'; step: vocabulary.StepId }
  | { kind: 'criterion' }
  | { kind: 'use-case-ref'; list: boolean }
  | { kind: 'use-case-id' }
  | { kind: 'collaborator-ref'; list: boolean }
  | { kind: 'collaborator-name'; step: vocabulary.StepId };

const STEP_IDS: readonly string[] = vocabulary.STEP_IDS;

function same(path: NodePath, pattern: readonly (string | number | null)[]): boolean {
  // null in the pattern stands for any sequence index
  return path.length === pattern.length && pattern.every((segment, i) => (segment === null ? typeof path[i] === 'number' : path[i] === segment));
}

/** What the value at `path` names, if anything. */
export function placeAt(path: NodePath): Place | undefined {
  const step = typeof path[0] === 'string' && STEP_IDS.includes(path[0]) ? (path[0] as vocabulary.StepId) : undefined;
  if (step && (same(path, [step, 'tactics', null]) || same(path, [step, 'tactics', null, 'id']))) return { kind: 'tactic', step };
  if (same(path, ['design', 'plan', 'intervention']) || same(path, ['implement', 'intervention', 'tactic'])) return { kind: 'tactic', step: 'implement' };
  if (same(path, ['find', 'tactics', null, 'criteria', null])) return { kind: 'criterion' };
  if (same(path, ['design', 'selected_use_case'])) return { kind: 'use-case-ref', list: false };
  if (same(path, ['design', 'selected_use_case', null]) || same(path, ['refine', 'result', 'promising_use_cases', null])) return { kind: 'use-case-ref', list: true };
  if (same(path, ['refine', 'use_cases', null, 'id'])) return { kind: 'use-case-id' };
  if (same(path, ['design', 'feedback', null, 'from'])) return { kind: 'collaborator-ref', list: false };
  if (same(path, ['design', 'result', 'approved_by', null])) return { kind: 'collaborator-ref', list: true };
  if (step && same(path, [step, 'collaborators', null, 'name'])) return { kind: 'collaborator-name', step };
  return undefined;
}
