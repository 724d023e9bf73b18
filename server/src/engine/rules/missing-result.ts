import { mapAt, seqItems, valueOf } from '../document';
import { isUnwritten } from '../placeholders';
import type { Step } from '../model';
import type { Rule } from '../rule';
import { listWords, stepName } from './common';

/** The key results a done step must show, as the names of what is missing. */
function missingResults(step: Step): string[] {
  const map = step.map;
  switch (step.id) {
    case 'find':
      return isUnwritten(valueOf(mapAt(map, 'result'), 'focus_area')) ? ['no `result.focus_area`'] : [];
    case 'refine':
      return seqItems(valueOf(map, 'use_cases')).every((useCase) => isUnwritten(useCase)) ? ['no use case in `use_cases`'] : [];
    case 'design':
      // A missing `selected_use_case` is single-use-case's to report (one problem, one diagnostic).
      return isUnwritten(valueOf(map, 'plan')) ? ['no `plan`'] : [];
    case 'implement': {
      // The guide's Implement result: an intervention, a product, and actual users using it.
      const missing: string[] = [];
      if (isUnwritten(valueOf(map, 'intervention'))) missing.push('no `intervention`');
      if (isUnwritten(valueOf(mapAt(map, 'result'), 'product'))) missing.push('no `result.product`');
      if (seqItems(valueOf(map, 'outcomes')).every((outcome) => isUnwritten(outcome))) missing.push('no entry in `outcomes`');
      return missing;
    }
  }
}

export const missingResult: Rule = {
  id: 'missing-result',
  defaultSeverity: 'warning',
  description: 'A step marked done without its key result.',
  fixable: false,
  check({ model, report }) {
    for (const step of model.steps) {
      if (step.status !== 'done' || !step.key) continue;
      const missing = missingResults(step);
      if (missing.length === 0) continue;
      report({ node: step.key, message: `${stepName(step)} is done but has ${listWords(missing)}: record the step's key result.` });
    }
  },
};
