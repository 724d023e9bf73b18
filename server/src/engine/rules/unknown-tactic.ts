import { replaceScalarFix } from '../edits';
import type { Rule } from '../rule';
import { nearest, nearestByWords } from '../suggest';
import { stepTitle, tacticById, tactics, tacticsOfStep } from '../vocabulary';
import { tacticRefs } from '../tacticRefs';

export const unknownTactic: Rule = {
  id: 'unknown-tactic',
  defaultSeverity: 'error',
  description: 'A tactic id that no step of the method has.',
  fixable: true,
  check({ model, report }) {
    for (const ref of tacticRefs(model)) {
      if (tacticById(ref.id)) continue;
      const own = tacticsOfStep(ref.expected).map((t) => t.id);
      const suggestion = nearest(ref.id, own) ?? nearest(ref.id, tactics.map((t) => t.id))
        ?? nearestByWords(ref.id, tacticsOfStep(ref.expected)) ?? nearestByWords(ref.id, tactics);
      const hint = suggestion
        ? ` Did you mean \`${suggestion}\`?`
        : ` ${stepTitle(ref.expected)} tactics: ${own.join(', ')}. For a tactic of your own, write \`{custom: NAME, description: …}\`.`;
      report({
        node: ref.node,
        message: `Unknown tactic \`${ref.id}\`.${hint}`,
        fix: suggestion ? replaceScalarFix(ref.node, suggestion, `Change to \`${suggestion}\``) : undefined,
      });
    }
  },
};
