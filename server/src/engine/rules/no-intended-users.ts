import { type Rule } from '../rule';
import { stepName } from './messageParts';

export const noIntendedUsers: Rule = {
  id: 'no-intended-users',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    for (const step of model.startedSteps('design', 'implement')) {
      const collaborators = model.collaborators(step);
      // With no collaborators at all, missing-collaborators already says so.
      if (collaborators.length === 0 || collaborators.some((c) => c.intendedUser)) continue;
      report({
        node: step.key,
        message: say('rule.no-intended-users.none', { step: stepName(step, language) }),
      });
    }
  },
};
