import { mapAt, seqItems, valueOf } from '../document';
import { isUnwritten } from '../placeholders';
import type { Step } from '../model';
import { type Rule } from '../rule';
import { stepName } from './messageParts';
import { listWords } from '../prose';

/** The key results a done step must show, as the names of what is missing. */
function missingResults(step: Step): string[] {
  // Keys of the words in the catalogues: rule.missing-result.no.*
  const map = step.map;
  switch (step.id) {
    case 'find':
      return isUnwritten(valueOf(mapAt(map, 'result'), 'focus_area')) ? ['focusArea'] : [];
    case 'refine':
      return seqItems(valueOf(map, 'use_cases')).every((useCase) => isUnwritten(useCase)) ? ['useCases'] : [];
    case 'design':
      // A missing `selected_use_case` is single-use-case's to report (one problem, one diagnostic).
      return isUnwritten(valueOf(map, 'plan')) ? ['plan'] : [];
    case 'implement': {
      // The guide's Implement result: an intervention, a product, and actual users using it.
      const missing: string[] = [];
      if (isUnwritten(valueOf(map, 'intervention'))) missing.push('intervention');
      if (isUnwritten(valueOf(mapAt(map, 'result'), 'product'))) missing.push('product');
      if (seqItems(valueOf(map, 'outcomes')).every((outcome) => isUnwritten(outcome))) missing.push('outcomes');
      return missing;
    }
  }
}

export const missingResult: Rule = {
  id: 'missing-result',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    for (const step of model.doneSteps()) {
      const missing = missingResults(step);
      if (missing.length === 0) continue;
      const what = listWords(missing.map((key) => say(`rule.missing-result.no.${key}`)), 'and', language);
      report({ node: step.key, message: say('rule.missing-result.done', { step: stepName(step, language), missing: what }) });
    }
  },
};
