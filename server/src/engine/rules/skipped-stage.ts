import { type Rule } from '../rule';
import { relatedAt, stepName } from './messageParts';
import { listWords } from '../prose';

export const skippedStage: Rule = {
  id: 'skipped-stage',
  defaultSeverity: 'error',
  defaultSeverityText: 'error; warning when every earlier step it names is `skipped`',
  check({ model, say, language, report }) {
    for (const step of model.startedSteps()) {
      const earlier = model.steps.slice(0, step.index).filter(
        (s) => !s.present || s.status === 'not-started' || s.status === 'skipped',
      );
      if (earlier.length === 0) continue;
      const onlySkipped = earlier.every((s) => s.status === 'skipped');
      const phrases = earlier.map((s) =>
        say(!s.present ? 'rule.skipped-stage.missing' : s.status === 'skipped' ? 'rule.skipped-stage.skipped' : 'rule.skipped-stage.notStarted', { step: stepName(s, language) }),
      );
      const related = earlier.flatMap((s) => relatedAt(s.key, `${stepName(s, language)}: ${s.status}`));
      report({
        node: step.key,
        severity: onlySkipped ? 'warning' : 'error',
        message: say(step.status === 'done' ? 'rule.skipped-stage.done' : 'rule.skipped-stage.inProgress', { step: stepName(step, language), earlier: listWords(phrases, 'and', language) }),
        related,
      });
    }
  },
};
