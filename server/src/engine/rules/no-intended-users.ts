import type { Rule } from '../rule';
import { stepName } from './common';

export const noIntendedUsers: Rule = {
  id: 'no-intended-users',
  defaultSeverity: 'warning',
  description: 'Design or Implement started with no collaborator marked `intended_user`.',
  fixable: false,
  check({ model, report }) {
    for (const id of ['design', 'implement'] as const) {
      const step = model.step(id);
      if (!step.started || !step.key) continue;
      const collaborators = model.collaborators(step);
      // With no collaborators at all, missing-collaborators already says so.
      if (collaborators.length === 0 || collaborators.some((c) => c.intendedUser)) continue;
      report({
        node: step.key,
        message: `${stepName(step)} has started, but none of its collaborators is marked \`intended_user: true\`: name the people who will actually use the data and work with them.`,
      });
    }
  },
};
