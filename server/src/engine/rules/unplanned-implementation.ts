import { isUnwritten } from '../placeholders';
import { valueOf } from '../document';
import type { Rule } from '../rule';
import { relatedAt } from './common';

export const unplannedImplementation: Rule = {
  id: 'unplanned-implementation',
  defaultSeverity: 'warning',
  description: 'Implement started while Design has started but has no `plan`.',
  fixable: false,
  check({ model, report }) {
    const implement = model.step('implement');
    const design = model.step('design');
    // Design absent or not started is skipped-stage's to report.
    if (!implement.started || !implement.key || !design.started) return;
    if (!isUnwritten(valueOf(design.map, 'plan'))) return;
    report({
      node: implement.key,
      message: `Implement is ${implement.status === 'done' ? 'done' : 'in progress'}, but Design has no \`plan\`: the intervention should carry out a plan its users have reviewed. Write the plan under \`design.plan\` (summary, intervention, roles, timeline, steward).`,
      related: relatedAt(design.key, 'Design'),
    });
  },
};
