import { isMap, isScalar, seqItems, valueOf } from '../document';
import type { Rule } from '../rule';
import { enumValue } from '../vocabulary';
import { collaboratorsByName, designNameRefs } from '../designFeedback';

/** `incorporated: no` (or its alias `false`, as a YAML 1.1 reader writes it): the feedback was heard but not taken up. */
function notTakenUp(incorporated: unknown): boolean {
  return isScalar(incorporated) && enumValue('incorporated', incorporated.value) === 'no';
}

export const unreviewedPlan: Rule = {
  id: 'unreviewed-plan',
  defaultSeverity: 'warning',
  description: 'Design done with no `feedback` entry, taken up at least in part, from a collaborator marked `intended_user`.',
  fixable: false,
  check({ model, report }) {
    const design = model.step('design');
    if (design.status !== 'done' || !design.key) return;
    const named = collaboratorsByName(model.collaborators(design));
    const entries = new Map(seqItems(valueOf(design.map, 'feedback')).filter(isMap).map((entry) => [valueOf(entry, 'from'), entry]));
    const fromUsers = designNameRefs(model).filter((ref) => ref.where === 'feedback.from' && named(ref.name)?.intendedUser);
    if (fromUsers.some((ref) => !notTakenUp(valueOf(entries.get(ref.node), 'incorporated')))) return;
    report({
      node: design.key,
      message: fromUsers.length
        ? 'Design is done, but none of the feedback from intended users was taken up (every entry says `incorporated: no`): a plan its users reviewed reflects at least part of what they said. Record the feedback the plan did take on board, or keep Design `in-progress` until it does.'
        : 'Design is done, but no `feedback` entry comes from an intended user: review the plan with the people who will use the data (a collaborator with `intended_user: true`) and record what they said.',
    });
  },
};
