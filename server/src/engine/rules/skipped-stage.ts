import type { Rule } from '../rule';
import { listWords, relatedAt, stepName } from './common';

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
      const related = earlier.flatMap((s) => relatedAt(s.key, `${stepName(s)}: ${s.status}`));
      report({
        node: step.key,
        severity: onlySkipped ? 'warning' : 'error',
        message: `${stepName(step)} is ${step.status === 'done' ? 'done' : 'in progress'}, but ${listWords(phrases)}. Each step builds on the one before it.`,
        related,
      });
    }
  },
};
