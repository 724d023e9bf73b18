import { suggestValues } from '../edits';
import { type Rule } from '../rule';
import { didYouMean, nearestAll } from '../suggest';
import { someOf } from './messageParts';
import { quoted } from '../prose';
import { collaboratorsByName, designNameRefs } from '../designFeedback';

/** "Did you mean" for this many unknown names at most: each search goes through every collaborator. */
const MAX_SUGGESTIONS = 100;

export const unknownCollaborator: Rule = {
  id: 'unknown-collaborator',
  defaultSeverity: 'warning',
  suggests: true,
  check({ model, say, language, report }) {
    const design = model.step('design');
    if (!design.map) return;
    const collaborators = model.collaborators(design);
    const names = collaborators.flatMap((c) => (c.name ? [c.name] : []));
    const named = collaboratorsByName(collaborators);
    let searches = 0;
    for (const ref of designNameRefs(model)) {
      if (named(ref.name)) continue;
      // A name is a person or a group: another name is another one, so never a fix.
      const near = searches++ < MAX_SUGGESTIONS ? nearestAll(ref.name, names) : [];
      const hint = near.length
        ? didYouMean(near, language)
        : ` ${names.length ? say('rule.unknown-collaborator.known', { names: someOf(names, language) }) : say('rule.unknown-collaborator.noneYet')}`;
      report({
        node: ref.node,
        message: `${say('rule.unknown-collaborator.unknown', { name: quoted(ref.name.trim()) })}${hint}`,
        suggestions: suggestValues(ref.node, near, language),
      });
    }
  },
};
