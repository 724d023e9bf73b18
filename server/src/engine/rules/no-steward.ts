import { isEmptyValue, isMap, pairOf, valueOf } from '../document';
import type { Rule } from '../rule';

export const noSteward: Rule = {
  id: 'no-steward',
  defaultSeverity: 'info',
  description: 'A Design plan with no `steward`.',
  fixable: false,
  check({ model, report }) {
    const plan = pairOf(model.step('design').map, 'plan');
    if (!plan || !isMap(plan.value) || !isEmptyValue(valueOf(plan.value, 'steward'))) return;
    report({
      node: plan.key,
      message: 'The plan names no `steward`: say who will house or sustain the work once the city steps back.',
    });
  },
};
