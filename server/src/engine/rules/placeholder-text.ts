import { clip } from '../prose';
import { placeholderUses } from '../placeholders';
import type { Rule } from '../rule';
import { stepName } from './common';

export const placeholderText: Rule = {
  id: 'placeholder-text',
  defaultSeverity: 'warning',
  description: 'Template text (a snippet\'s placeholder, an example from the starter project or the walkthrough) left in a started step.',
  fixable: false,
  check({ model, report }) {
    for (const step of model.steps) {
      if (!step.started || !step.map) continue;
      for (const use of placeholderUses(step.map)) {
        const where = use.index !== undefined ? `Item ${use.index + 1} of \`${use.key}\`` : use.key ? `\`${use.key}\`` : 'This value';
        report({
          node: use.node,
          message: `${where} in ${stepName(step)} still holds the template's text “${clip(use.text.replace(/\s+/g, ' ').trim(), 80)}”: write what your team did or found, or remove it.`,
        });
      }
    }
  },
};
