import { isEmptyValue, isMap, pairOf, valueOf } from '../document';
import { type Rule } from '../rule';

export const noSteward: Rule = {
  id: 'no-steward',
  defaultSeverity: 'info',
  check({ model, say, report }) {
    const plan = pairOf(model.step('design').map, 'plan');
    if (!plan || !isMap(plan.value) || !isEmptyValue(valueOf(plan.value, 'steward'))) return;
    report({
      node: plan.key,
      message: say('rule.no-steward.none'),
    });
  },
};
