import { type Rule } from '../rule';
import { tacticById, tacticsOfStep } from '../vocabulary';
import { tacticRefs } from '../tacticRefs';
import { stepName, tacticName } from './messageParts';
import { quoted } from '../prose';

export const tacticWrongStep: Rule = {
  id: 'tactic-wrong-step',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    for (const ref of tacticRefs(model)) {
      const tactic = tacticById(ref.id);
      if (!tactic || tactic.step === ref.expected) continue;
      const own = tacticsOfStep(ref.expected).map((t) => t.id).join(', ');
      const expected = stepName({ id: ref.expected }, language);
      report({
        node: ref.node,
        message: say(ref.where.endsWith('.tactics') ? 'rule.tactic-wrong-step.inStep' : 'rule.tactic-wrong-step.asIntervention', {
          id: quoted(ref.id),
          name: tacticName(tactic, language),
          step: stepName({ id: tactic.step }, language),
          expected,
          where: quoted(ref.where),
          own,
        }),
      });
    }
  },
};
