import { isUnwritten } from '../placeholders';
import { valueOf } from '../document';
import { type Rule } from '../rule';
import { relatedAt, stepName } from './messageParts';

export const unplannedImplementation: Rule = {
  id: 'unplanned-implementation',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    const [implement] = model.startedSteps('implement');
    const design = model.step('design');
    // Design absent or not started is skipped-stage's to report.
    if (!implement || !design.started) return;
    if (!isUnwritten(valueOf(design.map, 'plan'))) return;
    report({
      node: implement.key,
      message: say(implement.status === 'done' ? 'rule.unplanned-implementation.done' : 'rule.unplanned-implementation.inProgress'),
      related: relatedAt(design.key, stepName(design, language)),
    });
  },
};
