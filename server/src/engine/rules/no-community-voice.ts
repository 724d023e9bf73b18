import type { Rule } from '../rule';
import { enums } from '../vocabulary';
import { stepName } from './common';

const ROLES = new Set(enums.role!.map((r) => r.value));
/** The roles that speak for residents and their communities. */
const COMMUNITY_ROLES: readonly string[] = ['resident', 'community-group', 'organizer', 'advocate', 'nonprofit'];

export const noCommunityVoice: Rule = {
  id: 'no-community-voice',
  defaultSeverity: 'warning',
  description: 'A started Find or Refine with no collaborator who is a `resident`, `community-group`, `organizer`, `advocate` or `nonprofit`.',
  fixable: false,
  check({ model, report }) {
    for (const step of [model.step('find'), model.step('refine')]) {
      if (!step.started || !step.key) continue;
      const collaborators = model.collaborators(step);
      // With no collaborators at all, missing-collaborators already says so.
      if (collaborators.length === 0) continue;
      // A missing or unknown role is the schema's to report, and could be a community one.
      if (collaborators.some((c) => c.role === undefined || !ROLES.has(c.role))) continue;
      if (collaborators.some((c) => COMMUNITY_ROLES.includes(c.role!))) continue;
      const roles = [...new Set(collaborators.map((c) => c.role!))];
      report({
        node: step.key,
        message: `${stepName(step)} has no collaborator who speaks for the community (the roles here: ${roles.map((r) => `\`${r}\``).join(', ')}). Residents take part in every step: add residents, or the groups that speak for them, with a role such as \`resident\`, \`community-group\`, \`organizer\`, \`advocate\` or \`nonprofit\`.`,
      });
    }
  },
};
