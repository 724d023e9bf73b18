import { mapAt, scalarText, shortName, valueOf } from '../document';
import type { Rule } from '../rule';
import { tacticById } from '../vocabulary';
import { relatedAt } from './common';

export const interventionMismatch: Rule = {
  id: 'intervention-mismatch',
  defaultSeverity: 'warning',
  description: '`implement.intervention.tactic` differs from `design.plan.intervention`.',
  fixable: false,
  check({ model, report }) {
    const plannedNode = valueOf(mapAt(model.step('design').map, 'plan'), 'intervention');
    const usedNode = valueOf(mapAt(model.step('implement').map, 'intervention'), 'tactic');
    const planned = scalarText(plannedNode)?.trim();
    const used = scalarText(usedNode)?.trim();
    if (!plannedNode || !usedNode || !planned || !used || planned === used) return;
    // A misspelt id is unknown-tactic's to report: the two may well mean the same tactic.
    if (!tacticById(planned) || !tacticById(used)) return;
    report({
      node: usedNode,
      message: `Implement uses \`${shortName(used)}\`, but the plan Design agreed with its users names \`${shortName(planned)}\` (\`design.plan.intervention\`). If the plan changed, record the change and who agreed to it in Design; otherwise use the planned tactic here.`,
      related: relatedAt(plannedNode, 'the planned intervention'),
    });
  },
};
