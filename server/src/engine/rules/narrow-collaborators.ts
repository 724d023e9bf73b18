import { type Rule } from '../rule';
import { enums } from '../vocabulary';
import { listWords } from '../prose';

const ROLES = new Set(enums.role!.map((r) => r.value));

export const narrowCollaborators: Rule = {
  id: 'narrow-collaborators',
  defaultSeverity: 'info',
  check({ model, say, language, report }) {
    const [find] = model.startedSteps('find');
    if (!find) return;
    const collaborators = model.collaborators(find);
    // With no collaborators at all, missing-collaborators already says so.
    if (collaborators.length === 0) return;
    // Breadth cannot be judged until every role is one of the list (the schema reports the others).
    if (collaborators.some((c) => c.role !== undefined && !ROLES.has(c.role))) return;
    const roles = new Set(collaborators.flatMap((c) => (c.role ? [c.role] : [])));
    if (roles.size >= 3) return;
    const key = roles.size === 0 ? 'rule.narrow-collaborators.noRoles' : roles.size === 1 ? 'rule.narrow-collaborators.oneRole' : 'rule.narrow-collaborators.twoRoles';
    report({ node: find.key, message: say(key, { roles: listWords([...roles], 'and', language) }) });
  },
};
