import { type Rule } from '../rule';
import { stepName } from './messageParts';
import { listWords } from '../prose';

export const stepOrder: Rule = {
  id: 'step-order',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    for (const step of model.doneSteps()) {
      const open = model.steps.slice(0, step.index).filter((s) => s.status === 'in-progress');
      if (open.length === 0) continue;
      report({
        node: step.key,
        message: say(open.length > 1 ? 'rule.step-order.earlierOpen' : 'rule.step-order.earlierOneOpen', {
          step: stepName(step, language),
          earlier: listWords(open.map((s) => stepName(s, language)), 'and', language),
        }),
        related: open.flatMap((s) =>
          s.key?.range ? [{ message: say('rule.step-order.stillOpen', { step: stepName(s, language) }), offset: s.key.range[0], length: s.key.range[1] - s.key.range[0] }] : [],
        ),
      });
    }
  },
};
