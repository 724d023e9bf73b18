import type { Rule } from '../rule';
import { collaboratorsByName, designNameRefs } from '../designFeedback';

export const unreviewedPlan: Rule = {
  id: 'unreviewed-plan',
  defaultSeverity: 'warning',
  description: 'Design done with no `feedback` entry from a collaborator marked `intended_user`.',
  fixable: false,
  check({ model, report }) {
    const design = model.step('design');
    if (design.status !== 'done' || !design.key) return;
    const named = collaboratorsByName(model.collaborators(design));
    const reviewed = designNameRefs(model).some((ref) => ref.where === 'feedback.from' && named(ref.name)?.intendedUser);
    if (reviewed) return;
    report({
      node: design.key,
      message: 'Design is done, but no `feedback` entry comes from an intended user: review the plan with the people who will use the data (a collaborator with `intended_user: true`) and record what they said.',
    });
  },
};
