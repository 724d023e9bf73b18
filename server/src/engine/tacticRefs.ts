// Every place a tactic id is written, with the step whose tactics it must
// come from: each step's `tactics`, plus the two places that name the
// intervention (always an Implement tactic).
import { mapAt, scalarText, valueOf, type Node } from './document';
import type { TdeModel } from './model';
import type { StepId } from './vocabulary';

interface TacticRef {
  id: string;
  node: Node;
  /** The step whose tactics are allowed here. */
  expected: StepId;
  /** How the place is named in messages. */
  where: string;
}

export function tacticRefs(model: TdeModel): TacticRef[] {
  const refs: TacticRef[] = [];
  for (const step of model.steps) {
    if (!step.map) continue;
    for (const use of model.tacticUses(step)) {
      if (use.id !== undefined) refs.push({ id: use.id, node: use.node, expected: step.id, where: `${step.id}.tactics` });
    }
  }
  const planIntervention = valueOf(mapAt(model.step('design').map, 'plan'), 'intervention');
  const planId = scalarText(planIntervention);
  if (planIntervention && planId !== undefined) {
    refs.push({ id: planId, node: planIntervention, expected: 'implement', where: 'design.plan.intervention' });
  }
  const tacticNode = valueOf(mapAt(model.step('implement').map, 'intervention'), 'tactic');
  const tacticId = scalarText(tacticNode);
  if (tacticNode && tacticId !== undefined) {
    refs.push({ id: tacticId, node: tacticNode, expected: 'implement', where: 'implement.intervention.tactic' });
  }
  return refs;
}
