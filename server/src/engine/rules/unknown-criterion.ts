import { replaceScalarFix } from '../edits';
import type { Rule } from '../rule';
import { nearest } from '../suggest';
import { tacticById } from '../vocabulary';

export const unknownCriterion: Rule = {
  id: 'unknown-criterion',
  defaultSeverity: 'error',
  description: "A Find criterion that is not in that tactic's checklist.",
  fixable: true,
  check({ model, report }) {
    const find = model.step('find');
    for (const use of model.tacticUses(find)) {
      const tactic = use.id ? tacticById(use.id) : undefined;
      if (!tactic || tactic.step !== 'find') continue;
      const known = (tactic.criteria ?? []).map((c) => c.id);
      for (const criterion of use.criteria) {
        if (known.includes(criterion.id)) continue;
        const suggestion = nearest(criterion.id, known);
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : ` Its checklist: ${known.join(', ')}.`;
        report({
          node: criterion.node,
          message: `\`${criterion.id}\` is not on the checklist of \`${tactic.id}\` (${tactic.name}).${hint}`,
          fix: suggestion ? replaceScalarFix(criterion.node, suggestion, `Change to \`${suggestion}\``) : undefined,
        });
      }
    }
  },
};
