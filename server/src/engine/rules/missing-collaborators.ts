import { seqItems, valueOf } from '../document';
import { type Rule } from '../rule';
import { stepName } from './messageParts';

export const missingCollaborators: Rule = {
  id: 'missing-collaborators',
  defaultSeverity: 'error',
  defaultSeverityText: 'error when the step is `done`, warning when `in-progress`',
  check({ model, say, language, report }) {
    for (const step of model.startedSteps()) {
      if (seqItems(valueOf(step.map, 'collaborators')).length > 0) continue;
      const done = step.status === 'done';
      report({
        node: step.key,
        severity: done ? 'error' : 'warning',
        message: say(done ? 'rule.missing-collaborators.done' : 'rule.missing-collaborators.inProgress', { step: stepName(step, language) }),
      });
    }
  },
};
