import { seqItems, valueOf } from '../document';
import type { Rule } from '../rule';
import { stepName } from './common';

export const missingCollaborators: Rule = {
  id: 'missing-collaborators',
  defaultSeverity: 'error',
  defaultSeverityText: 'error when the step is `done`, warning when `in-progress`',
  description: 'A started step with no collaborators.',
  fixable: false,
  check({ model, report }) {
    for (const step of model.steps) {
      if (!step.started || !step.key) continue;
      if (seqItems(valueOf(step.map, 'collaborators')).length > 0) continue;
      const done = step.status === 'done';
      report({
        node: step.key,
        severity: done ? 'error' : 'warning',
        message: `${stepName(step)} is ${done ? 'done' : 'in progress'} but lists no collaborators: name the people and groups who took part under \`collaborators\`.`,
      });
    }
  },
};
