import { correctScalar, replaceScalarFix } from '../edits';
import type { Rule } from '../rule';
import { correction, didYouMean, offered, nearestByWords, type Correction } from '../suggest';
import { stepTitle, tacticById, tacticByOtherName, tactics, tacticsOfStep, type StepId } from '../vocabulary';
import { tacticRefs } from '../tacticRefs';

export const unknownTactic: Rule = {
  id: 'unknown-tactic',
  defaultSeverity: 'error',
  description: 'A tactic id that no step of the method has.',
  fixable: true,
  suggests: true,
  check({ model, report }) {
    for (const ref of tacticRefs(model)) {
      if (tacticById(ref.id)) continue;
      const otherName = tacticByOtherName(ref.id);
      if (otherName) {
        report({
          node: ref.node,
          message: `\`${ref.id}\` is the guide's other name for the tactic \`${otherName.id}\` (${otherName.name}); write its id.`,
          fix: replaceScalarFix(ref.node, otherName.id, `Change to \`${otherName.id}\``),
        });
        continue;
      }
      const found = correctionOf(ref.id, ref.expected);
      const options = offered(found);
      const hint = options.length
        ? didYouMean(options)
        : ` ${stepTitle(ref.expected)} tactics: ${tacticsOfStep(ref.expected).map((t) => t.id).join(', ')}. For a tactic of your own, write \`{custom: NAME, description: …}\`.`;
      report({ node: ref.node, message: `Unknown tactic \`${ref.id}\`.${hint}`, ...correctScalar(ref.node, found) });
    }
  },
};

/**
 * The step's own tactics first, then every step's; a name written in words
 * ("analyze data requests") is only ever a suggestion.
 */
function correctionOf(id: string, step: StepId): Correction {
  const own = tacticsOfStep(step);
  for (const pool of [own.map((t) => t.id), tactics.map((t) => t.id)]) {
    const found = correction(id, pool);
    if (found.certain !== undefined || found.possible.length) return found;
  }
  const byWords = nearestByWords(id, own) ?? nearestByWords(id, tactics);
  return { possible: byWords ? [byWords] : [] };
}
