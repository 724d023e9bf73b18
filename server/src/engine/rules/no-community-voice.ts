import { type Rule } from '../rule';
import { enums } from '../vocabulary';
import { stepName } from './messageParts';
import { listQuoted } from '../prose';

const ROLES = new Set(enums.role!.map((r) => r.value));
/** The roles that speak for residents and their communities. */
const COMMUNITY_ROLES: readonly string[] = ['resident', 'community-group', 'organizer', 'advocate', 'nonprofit'];

export const noCommunityVoice: Rule = {
  id: 'no-community-voice',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    for (const step of model.startedSteps('find', 'refine')) {
      const collaborators = model.collaborators(step);
      // With no collaborators at all, missing-collaborators already says so.
      if (collaborators.length === 0) continue;
      // A missing or unknown role is the schema's to report, and could be a community one.
      if (collaborators.some((c) => c.role === undefined || !ROLES.has(c.role))) continue;
      if (collaborators.some((c) => COMMUNITY_ROLES.includes(c.role!))) continue;
      const roles = [...new Set(collaborators.map((c) => c.role!))];
      report({
        node: step.key,
        message: say('rule.no-community-voice.none', { step: stepName(step, language), roles: listQuoted(roles, 'and', language) }),
      });
    }
  },
};
