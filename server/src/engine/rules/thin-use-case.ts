import { shortName, valueOf } from '../document';
import { isUnwritten } from '../placeholders';
import type { Rule } from '../rule';
import { listWords } from './common';
import { useCaseRefs } from '../useCaseRefs';

export const thinUseCase: Rule = {
  id: 'thin-use-case',
  defaultSeverity: 'warning',
  description: 'Refine done while a promising or selected use case has no `persona` or no `user_story`.',
  fixable: false,
  check({ model, report }) {
    const refine = model.step('refine');
    if (refine.status !== 'done') return;
    const promising = new Set<string>();
    const selected = new Set<string>();
    for (const ref of useCaseRefs(model)) (ref.where === 'design.selected_use_case' ? selected : promising).add(ref.id.trim());
    for (const useCase of model.useCases()) {
      const id = useCase.id?.trim();
      if (!id || !useCase.idNode || !(promising.has(id) || selected.has(id))) continue;
      const missing: string[] = [];
      if (isUnwritten(valueOf(useCase.node, 'persona'))) missing.push('no `persona`');
      if (isUnwritten(valueOf(useCase.node, 'user_story'))) missing.push('no `user_story`');
      if (missing.length === 0) continue;
      report({
        node: useCase.idNode,
        message: `The use case \`${shortName(id)}\` is ${listWords([promising.has(id) ? 'listed as promising' : '', selected.has(id) ? 'selected in Design' : ''].filter(Boolean))} but has ${listWords(missing)}. A use case worth taking forward says who it is for (a persona: a name and a few words on their situation) and what they need, as a user story ("As a …, I want …, so that …").`,
      });
    }
  },
};
