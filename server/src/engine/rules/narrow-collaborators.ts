import type { Rule } from '../rule';
import { enums } from '../vocabulary';

const ROLES = new Set(enums.role!.map((r) => r.value));

export const narrowCollaborators: Rule = {
  id: 'narrow-collaborators',
  defaultSeverity: 'info',
  description: 'Find with fewer than three distinct collaborator roles.',
  fixable: false,
  check({ model, report }) {
    const find = model.step('find');
    if (!find.started || !find.key) return;
    const collaborators = model.collaborators(find);
    // With no collaborators at all, missing-collaborators already says so.
    if (collaborators.length === 0) return;
    // Breadth cannot be judged until every role is one of the list (the schema reports the others).
    if (collaborators.some((c) => c.role !== undefined && !ROLES.has(c.role))) return;
    const roles = new Set(collaborators.flatMap((c) => (c.role ? [c.role] : [])));
    if (roles.size >= 3) return;
    const had = roles.size === 0 ? 'no roles' : `only ${[...roles].join(' and ')}`;
    report({
      node: find.key,
      message: `Find hears from ${roles.size} kind${roles.size === 1 ? '' : 's'} of collaborator (${had}): listen more broadly, to at least three roles such as residents, community groups and data intermediaries.`,
    });
  },
};
