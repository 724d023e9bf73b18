import { shortName, valueOf } from '../document';
import { isUnwritten } from '../placeholders';
import { type Rule } from '../rule';
import { listWords, quoted } from '../prose';
import { useCaseRefs } from '../useCaseRefs';

export const thinUseCase: Rule = {
  id: 'thin-use-case',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    const refine = model.step('refine');
    if (refine.status !== 'done') return;
    const promising = new Set<string>();
    const selected = new Set<string>();
    for (const ref of useCaseRefs(model)) (ref.where === 'design.selected_use_case' ? selected : promising).add(ref.id.trim());
    for (const useCase of model.useCases()) {
      const id = useCase.id?.trim();
      if (!id || !useCase.idNode || !(promising.has(id) || selected.has(id))) continue;
      const missing: string[] = [];
      if (isUnwritten(valueOf(useCase.node, 'persona'))) missing.push(say('rule.thin-use-case.noPersona'));
      if (isUnwritten(valueOf(useCase.node, 'user_story'))) missing.push(say('rule.thin-use-case.noUserStory'));
      if (missing.length === 0) continue;
      const how = [promising.has(id) ? say('rule.thin-use-case.promising') : '', selected.has(id) ? say('rule.thin-use-case.selected') : ''].filter(Boolean);
      report({
        node: useCase.idNode,
        message: say('rule.thin-use-case.thin', { id: quoted(shortName(id)), how: listWords(how, 'and', language), missing: listWords(missing, 'and', language) }),
      });
    }
  },
};
