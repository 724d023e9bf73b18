import { correctScalar } from '../edits';
import { type Rule } from '../rule';
import { correction, didYouMean, offered } from '../suggest';
import { tacticById } from '../vocabulary';
import { tacticName } from './messageParts';
import { quoted } from '../prose';

export const unknownCriterion: Rule = {
  id: 'unknown-criterion',
  defaultSeverity: 'error',
  fixable: true,
  suggests: true,
  check({ model, say, language, report }) {
    const find = model.step('find');
    for (const use of model.tacticUses(find)) {
      const tactic = use.id ? tacticById(use.id) : undefined;
      if (!tactic || tactic.step !== 'find') continue;
      const known = (tactic.criteria ?? []).map((c) => c.id);
      for (const criterion of use.criteria) {
        if (known.includes(criterion.id)) continue;
        const found = correction(criterion.id, known);
        const options = offered(found);
        const hint = options.length ? didYouMean(options, language) : ` ${say('rule.unknown-criterion.checklist', { criteria: known.join(', ') })}`;
        report({
          node: criterion.node,
          message: `${say('rule.unknown-criterion.unknown', { id: quoted(criterion.id), tactic: quoted(tactic.id), name: tacticName(tactic, language) })}${hint}`,
          ...correctScalar(criterion.node, found),
        });
      }
    }
  },
};
