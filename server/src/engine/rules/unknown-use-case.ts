import { replaceScalarFix } from '../edits';
import type { Rule } from '../rule';
import { nearest } from '../suggest';
import type { RelatedLocation } from '../types';
import { useCaseRefs } from './use-case-refs';

export const unknownUseCase: Rule = {
  id: 'unknown-use-case',
  defaultSeverity: 'error',
  description: '`selected_use_case` or `promising_use_cases` naming an id that `refine.use_cases` lacks.',
  fixable: true,
  check({ model, report }) {
    const useCases = model.useCases().filter((u) => u.id !== undefined);
    const ids = useCases.map((u) => u.id!);
    const related: RelatedLocation[] = useCases.flatMap((u) =>
      u.idNode?.range ? [{ message: `use case \`${u.id}\``, offset: u.idNode.range[0], length: u.idNode.range[1] - u.idNode.range[0] }] : [],
    );
    for (const ref of useCaseRefs(model)) {
      if (ids.includes(ref.id)) continue;
      // Only a well-formed id is worth suggesting (a malformed one is the schema's to report).
      const suggestion = nearest(ref.id, ids.filter((id) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)));
      const hint = suggestion
        ? ` Did you mean \`${suggestion}\`?`
        : ids.length ? ` Known use cases: ${ids.join(', ')}.` : ' Refine defines no use cases yet.';
      report({
        node: ref.node,
        message: `\`${ref.id}\` is not the id of any use case in \`refine.use_cases\`.${hint}`,
        fix: suggestion ? replaceScalarFix(ref.node, suggestion, `Change to \`${suggestion}\``) : undefined,
        related,
      });
    }
  },
};
