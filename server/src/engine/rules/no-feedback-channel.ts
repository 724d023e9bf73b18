import { seqItems, valueOf } from '../document';
import type { Rule } from '../rule';

export const noFeedbackChannel: Rule = {
  id: 'no-feedback-channel',
  defaultSeverity: 'warning',
  description: 'Implement started with no `feedback_channels`.',
  fixable: false,
  check({ model, report }) {
    const implement = model.step('implement');
    if (!implement.started || !implement.key) return;
    if (seqItems(valueOf(implement.map, 'feedback_channels')).length > 0) return;
    report({
      node: implement.key,
      message: 'Implement has started with no `feedback_channels`: give users a way to tell you what works and what does not (a form, an inbox, office hours).',
    });
  },
};
