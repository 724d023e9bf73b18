import { changeTo, correctScalar, replaceScalarFix } from '../edits';
import { type Rule } from '../rule';
import { correction, didYouMean, offered, nearestByWords, type Correction } from '../suggest';
import { tacticById, tacticByOtherName, tactics, tacticsOfStep, type StepId } from '../vocabulary';
import { tacticRefs } from '../tacticRefs';
import { stepName, tacticName } from './messageParts';
import { quoted } from '../prose';

export const unknownTactic: Rule = {
  id: 'unknown-tactic',
  defaultSeverity: 'error',
  fixable: true,
  suggests: true,
  check({ model, say, language, report }) {
    for (const ref of tacticRefs(model)) {
      if (tacticById(ref.id)) continue;
      const otherName = tacticByOtherName(ref.id);
      if (otherName) {
        report({
          node: ref.node,
          message: say('rule.unknown-tactic.otherName', { id: quoted(ref.id), tactic: quoted(otherName.id), name: tacticName(otherName, language) }),
          fix: replaceScalarFix(ref.node, otherName.id, changeTo(otherName.id, language)),
        });
        continue;
      }
      const found = correctionOf(ref.id, ref.expected);
      const options = offered(found);
      const hint = options.length
        ? didYouMean(options, language)
        : ` ${say('rule.unknown-tactic.stepTactics', { step: stepName({ id: ref.expected }, language), tactics: tacticsOfStep(ref.expected).map((t) => t.id).join(', ') })}`;
      report({ node: ref.node, message: `${say('rule.unknown-tactic.unknown', { id: quoted(ref.id) })}${hint}`, ...correctScalar(ref.node, found, language) });
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
