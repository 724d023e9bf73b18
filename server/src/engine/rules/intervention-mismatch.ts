import { mapAt, scalarText, shortName, valueOf, type Node } from '../document';
import type { TdeModel } from '../model';
import { type Rule } from '../rule';
import { tacticById } from '../vocabulary';
import { relatedAt } from './messageParts';
import { quoted } from '../prose';

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
  check({ model, say, report }) {
    const planned = plannedIntervention(model);
    const usedNode = valueOf(mapAt(model.step('implement').map, 'intervention'), 'tactic');
    const used = scalarText(usedNode)?.trim();
    if (!planned || !usedNode || !used || !departsFromPlan(planned.tactic, used)) return;
    report({
      node: usedNode,
      message: say('rule.intervention-mismatch.differs', { used: quoted(shortName(used)), planned: quoted(shortName(planned.tactic)) }),
      related: relatedAt(planned.node, say('rule.intervention-mismatch.planned')),
    });
  },
};
