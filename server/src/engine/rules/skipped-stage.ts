import type { Rule } from '../rule';
import type { RelatedLocation } from '../types';
import { listWords, stepName } from './common';

export const skippedStage: Rule = {
  id: 'skipped-stage',
  defaultSeverity: 'error',
  defaultSeverityText: 'error; warning when every earlier step it names is `skipped`',
  description: 'A step in progress or done while an earlier step is absent, not started or skipped.',
  fixable: false,
  check({ model, report }) {
    for (const step of model.steps) {
      if (!step.started || !step.key) continue;
      const earlier = model.steps.slice(0, step.index).filter(
        (s) => !s.present || s.status === 'not-started' || s.status === 'skipped',
      );
      if (earlier.length === 0) continue;
      const onlySkipped = earlier.every((s) => s.status === 'skipped');
      const phrases = earlier.map((s) =>
        !s.present ? `${stepName(s)} is missing` : s.status === 'skipped' ? `${stepName(s)} was skipped` : `${stepName(s)} has not started`,
      );
      const related: RelatedLocation[] = [];
      for (const s of earlier) {
        const node = s.key;
        if (node?.range) {
          related.push({ message: `${stepName(s)}: ${s.status}`, offset: node.range[0], length: node.range[1] - node.range[0] });
        }
      }
      report({
        node: step.key,
        severity: onlySkipped ? 'warning' : 'error',
        message: `${stepName(step)} is ${step.status === 'done' ? 'done' : 'in progress'}, but ${listWords(phrases)}. Each step builds on the one before it.`,
        related,
      });
    }
  },
};
