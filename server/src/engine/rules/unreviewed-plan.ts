import { isMap, isScalar, seqItems, valueOf } from '../document';
import { type Rule } from '../rule';
import { enumValue } from '../vocabulary';
import { collaboratorsByName, designNameRefs } from '../designFeedback';

/** `incorporated: no` (or its alias `false`, as a YAML 1.1 reader writes it): the feedback was heard but not taken up. */
function notTakenUp(incorporated: unknown): boolean {
  return isScalar(incorporated) && enumValue('incorporated', incorporated.value) === 'no';
}

export const unreviewedPlan: Rule = {
  id: 'unreviewed-plan',
  defaultSeverity: 'warning',
  check({ model, say, report }) {
    const [design] = model.doneSteps('design');
    if (!design) return;
    const named = collaboratorsByName(model.collaborators(design));
    const entries = new Map(seqItems(valueOf(design.map, 'feedback')).filter(isMap).map((entry) => [valueOf(entry, 'from'), entry]));
    const fromUsers = designNameRefs(model).filter((ref) => ref.where === 'feedback.from' && named(ref.name)?.intendedUser);
    if (fromUsers.some((ref) => !notTakenUp(valueOf(entries.get(ref.node), 'incorporated')))) return;
    report({
      node: design.key,
      message: say(fromUsers.length ? 'rule.unreviewed-plan.notTakenUp' : 'rule.unreviewed-plan.noUserFeedback'),
    });
  },
};
