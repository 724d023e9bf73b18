import { seqItems, valueOf } from '../document';
import { type Rule } from '../rule';

export const noFeedbackChannel: Rule = {
  id: 'no-feedback-channel',
  defaultSeverity: 'warning',
  check({ model, say, report }) {
    const [implement] = model.startedSteps('implement');
    if (!implement) return;
    if (seqItems(valueOf(implement.map, 'feedback_channels')).length > 0) return;
    report({
      node: implement.key,
      message: say('rule.no-feedback-channel.none'),
    });
  },
};
