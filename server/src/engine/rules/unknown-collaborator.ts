import { replaceScalarFix } from '../edits';
import type { Rule } from '../rule';
import { nearest } from '../suggest';
import { collaboratorNamed, designNameRefs } from './design-feedback';

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
    for (const ref of designNameRefs(model)) {
      if (collaboratorNamed(collaborators, ref.name)) continue;
      const suggestion = nearest(ref.name, names);
      const hint = suggestion
        ? ` Did you mean \`${suggestion}\`?`
        : names.length ? ` Design's collaborators: ${names.join(', ')}.` : ' Design lists no collaborators yet.';
      report({
        node: ref.node,
        message: `\`${ref.name.trim()}\` is not one of Design's collaborators.${hint}`,
        fix: suggestion ? replaceScalarFix(ref.node, suggestion, `Change to \`${suggestion}\``) : undefined,
      });
    }
  },
};
