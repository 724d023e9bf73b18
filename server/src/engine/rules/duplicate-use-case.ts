import { type Rule } from '../rule';
import { quoted } from '../prose';

export const duplicateUseCase: Rule = {
  id: 'duplicate-use-case',
  defaultSeverity: 'error',
  check({ model, say, report }) {
    const first = new Map<string, { offset: number; length: number }>();
    for (const useCase of model.useCases()) {
      const node = useCase.idNode;
      if (useCase.id === undefined || !node?.range) continue;
      const earlier = first.get(useCase.id);
      if (!earlier) {
        first.set(useCase.id, { offset: node.range[0], length: node.range[1] - node.range[0] });
        continue;
      }
      report({
        node,
        message: say('rule.duplicate-use-case.duplicate', { id: quoted(useCase.id) }),
        related: [{ message: say('rule.duplicate-use-case.first', { id: quoted(useCase.id) }), ...earlier }],
      });
    }
  },
};
