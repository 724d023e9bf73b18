import { mapAt, scalarText, shortName, valueOf, type Node } from '../document';
import type { TdeModel } from '../model';
import type { Rule } from '../rule';
import { tacticById } from '../vocabulary';
import { relatedAt } from './common';

/** The Implement tactic the Design plan intends (`design.plan.intervention`), when it names one. */
export function plannedIntervention(model: TdeModel): { tactic: string; node: Node } | undefined {
  const node = valueOf(mapAt(model.step('design').map, 'plan'), 'intervention');
  const tactic = scalarText(node)?.trim();
  return node && tactic ? { tactic, node } : undefined;
}

/** Whether Implement's tactic `used` departs from the plan's: both known tactic ids, and different. */
export function departsFromPlan(planned: string, used: string): boolean {
  // A misspelt id is unknown-tactic's to report: the two may well mean the same tactic.
  return planned !== used && !!tacticById(planned) && !!tacticById(used);
}

export const interventionMismatch: Rule = {
  id: 'intervention-mismatch',
  defaultSeverity: 'warning',
  description: '`implement.intervention.tactic` differs from `design.plan.intervention`.',
  fixable: false,
  check({ model, report }) {
    const planned = plannedIntervention(model);
    const usedNode = valueOf(mapAt(model.step('implement').map, 'intervention'), 'tactic');
    const used = scalarText(usedNode)?.trim();
    if (!planned || !usedNode || !used || !departsFromPlan(planned.tactic, used)) return;
    report({
      node: usedNode,
      message: `Implement uses \`${shortName(used)}\`, but the plan Design agreed with its users names \`${shortName(planned.tactic)}\` (\`design.plan.intervention\`). If the plan changed, record the change and who agreed to it in Design; otherwise use the planned tactic here.`,
      related: relatedAt(planned.node, 'the planned intervention'),
    });
  },
};
