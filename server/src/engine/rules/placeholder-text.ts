import { clip, quoted } from '../prose';
import { placeholderUses } from '../placeholders';
import { type Rule } from '../rule';
import { stepName } from './messageParts';

export const placeholderText: Rule = {
  id: 'placeholder-text',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    for (const step of model.steps) {
      if (!step.started || !step.map) continue;
      for (const use of placeholderUses(step.map)) {
        const where = use.index !== undefined ? say('check.where.item', { number: use.index + 1, list: quoted(use.key ?? '') })
          : use.key ? quoted(use.key) : say('check.where.thisValue');
        report({
          node: use.node,
          message: say('rule.placeholder-text.left', { where, step: stepName(step, language), text: clip(use.text.replace(/\s+/g, ' ').trim(), 80) }),
        });
      }
    }
  },
};
