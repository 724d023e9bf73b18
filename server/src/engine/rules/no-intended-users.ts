import { ruleDescription, type Rule } from '../rule';
import { stepName } from './common';

export const noIntendedUsers: Rule = {
  id: 'no-intended-users',
  defaultSeverity: 'warning',
  description: ruleDescription('no-intended-users'),
  fixable: false,
  check({ model, say, language, report }) {
    for (const id of ['design', 'implement'] as const) {
      const step = model.step(id);
      if (!step.started || !step.key) continue;
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
