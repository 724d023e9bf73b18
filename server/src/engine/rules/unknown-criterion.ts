import { correctScalar } from '../edits';
import type { Rule } from '../rule';
import { correction, didYouMean, offered } from '../suggest';
import { tacticById } from '../vocabulary';

export const unknownCriterion: Rule = {
  id: 'unknown-criterion',
  defaultSeverity: 'error',
  description: "A Find criterion that is not in that tactic's checklist.",
  fixable: true,
  suggests: true,
  check({ model, report }) {
    const find = model.step('find');
    for (const use of model.tacticUses(find)) {
      const tactic = use.id ? tacticById(use.id) : undefined;
      if (!tactic || tactic.step !== 'find') continue;
      const known = (tactic.criteria ?? []).map((c) => c.id);
      for (const criterion of use.criteria) {
        if (known.includes(criterion.id)) continue;
        const found = correction(criterion.id, known);
        const options = offered(found);
        const hint = options.length ? didYouMean(options) : ` Its checklist: ${known.join(', ')}.`;
        report({
          node: criterion.node,
          message: `\`${criterion.id}\` is not on the checklist of \`${tactic.id}\` (${tactic.name}).${hint}`,
          ...correctScalar(criterion.node, found),
        });
      }
    }
  },
};
