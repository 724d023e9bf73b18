import type { Rule } from '../rule';
import { stepTitle, tacticById, tacticsOfStep } from '../vocabulary';
import { tacticRefs } from '../tacticRefs';

export const tacticWrongStep: Rule = {
  id: 'tactic-wrong-step',
  defaultSeverity: 'warning',
  description: 'A known tactic used in a step it does not belong to.',
  fixable: false,
  check({ model, report }) {
    for (const ref of tacticRefs(model)) {
      const tactic = tacticById(ref.id);
      if (!tactic || tactic.step === ref.expected) continue;
      const own = tacticsOfStep(ref.expected).map((t) => t.id).join(', ');
      const place = ref.where.endsWith('.tactics')
        ? `it is used in ${stepTitle(ref.expected)}`
        : `\`${ref.where}\` names the intervention, which must be an Implement tactic`;
      report({
        node: ref.node,
        message: `\`${ref.id}\` (${tactic.name}) is a ${stepTitle(tactic.step)} tactic, but ${place}. ${stepTitle(ref.expected)} tactics: ${own}.`,
      });
    }
  },
};
