import { correctScalar } from '../edits';
import { type Rule } from '../rule';
import { correction, didYouMean, offered } from '../suggest';
import { shortName } from '../document';
import { relatedAt, someOf } from './messageParts';
import { quoted } from '../prose';
import { useCaseRefs } from '../useCaseRefs';

// Non-capturing: a capturing group makes the regex engine overflow its stack
// on an id of a million `a-` (a RangeError instead of an answer).
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A file may list any number of use cases; the related places shown with each problem are the first of them. */
const MAX_RELATED = 10;
/** "Did you mean" for this many unknown ids at most: each search goes through every use case. */
const MAX_SUGGESTIONS = 100;

export const unknownUseCase: Rule = {
  id: 'unknown-use-case',
  defaultSeverity: 'error',
  fixable: true,
  suggests: true,
  check({ model, say, language, report }) {
    const useCases = model.useCases().filter((u) => u.id !== undefined);
    const ids = useCases.map((u) => u.id!);
    const known = new Set(ids);
    // Only a well-formed id is worth suggesting (a malformed one is the schema's to report).
    const wellFormed = ids.filter((id) => KEBAB.test(id));
    const related = useCases.slice(0, MAX_RELATED).flatMap((u) => relatedAt(u.idNode, say('rule.unknown-use-case.useCase', { id: quoted(shortName(u.id!)) })));
    let searches = 0;
    for (const ref of useCaseRefs(model)) {
      if (known.has(ref.id)) continue;
      const found = searches++ < MAX_SUGGESTIONS ? correction(ref.id, wellFormed) : { possible: [] };
      const options = offered(found);
      const hint = options.length
        ? didYouMean(options, language)
        : ` ${ids.length ? say('rule.unknown-use-case.known', { ids: someOf(ids, language) }) : say('rule.unknown-use-case.noneYet')}`;
      report({
        node: ref.node,
        message: `${say('rule.unknown-use-case.unknown', { id: quoted(ref.id) })}${hint}`,
        ...correctScalar(ref.node, found, language),
        related,
      });
    }
  },
};
