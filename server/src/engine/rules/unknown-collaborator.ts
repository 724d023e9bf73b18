import { replaceScalarFix } from '../edits';
import type { Rule } from '../rule';
import { nearest } from '../suggest';
import { someOf } from './common';
import { collaboratorsByName, designNameRefs } from '../designFeedback';

/** "Did you mean" for this many unknown names at most: each search goes through every collaborator. */
const MAX_SUGGESTIONS = 100;

export const unknownCollaborator: Rule = {
  id: 'unknown-collaborator',
  defaultSeverity: 'warning',
  description: '`design.feedback[].from` or `design.result.approved_by` naming no collaborator of Design.',
  fixable: true,
  check({ model, report }) {
    const design = model.step('design');
    if (!design.map) return;
    const collaborators = model.collaborators(design);
    const names = collaborators.flatMap((c) => (c.name ? [c.name] : []));
    const named = collaboratorsByName(collaborators);
    let searches = 0;
    for (const ref of designNameRefs(model)) {
      if (named(ref.name)) continue;
      const suggestion = searches++ < MAX_SUGGESTIONS ? nearest(ref.name, names) : undefined;
      const hint = suggestion
        ? ` Did you mean \`${suggestion}\`?`
        : names.length ? ` Design's collaborators: ${someOf(names)}.` : ' Design lists no collaborators yet.';
      report({
        node: ref.node,
        message: `\`${ref.name.trim()}\` is not one of Design's collaborators.${hint}`,
        fix: suggestion ? replaceScalarFix(ref.node, suggestion, `Change to \`${suggestion}\``) : undefined,
      });
    }
  },
};
