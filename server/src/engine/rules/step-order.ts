import type { Rule } from '../rule';
import { listWords, stepName } from './common';

export const stepOrder: Rule = {
  id: 'step-order',
  defaultSeverity: 'warning',
  description: 'A step marked done while an earlier step is still in progress.',
  fixable: false,
  check({ model, report }) {
    for (const step of model.steps) {
      if (step.status !== 'done' || !step.key) continue;
      const open = model.steps.slice(0, step.index).filter((s) => s.status === 'in-progress');
      if (open.length === 0) continue;
      report({
        node: step.key,
        message: `${stepName(step)} is done while ${listWords(open.map(stepName))} ${open.length > 1 ? 'are' : 'is'} still in progress: finish or update the earlier step first.`,
        related: open.flatMap((s) =>
          s.key?.range ? [{ message: `${stepName(s)} is still in progress`, offset: s.key.range[0], length: s.key.range[1] - s.key.range[0] }] : [],
        ),
      });
    }
  },
};
