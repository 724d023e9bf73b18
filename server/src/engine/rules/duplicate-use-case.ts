import type { Rule } from '../rule';

export const duplicateUseCase: Rule = {
  id: 'duplicate-use-case',
  defaultSeverity: 'error',
  description: 'Two use cases with one id.',
  fixable: false,
  check({ model, report }) {
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
        message: `Another use case already has the id \`${useCase.id}\`: give each use case its own id so Design and the result can name it.`,
        related: [{ message: `first use case with id \`${useCase.id}\``, ...earlier }],
      });
    }
  },
};
