import { buildPitch } from '../pitch';
import type { Rule } from '../rule';
import { listWords } from './common';

export const pitchIncomplete: Rule = {
  id: 'pitch-incomplete',
  defaultSeverity: 'warning',
  description: 'Refine done while a blank of the pitch is still empty.',
  fixable: false,
  check({ model, report }) {
    const refine = model.step('refine');
    if (refine.status !== 'done' || !refine.key) return;
    const pitch = buildPitch(model);
    // A team's own frame may leave a blank out; only the blanks it uses count.
    const empty = pitch.blanks.filter((b) => pitch.emptyBlanks.includes(b.label));
    if (empty.length === 0) return;
    report({
      node: refine.key,
      message: `Refine is done but the pitch still has ${empty.length === 1 ? 'an empty blank' : `${empty.length} empty blanks`}: ${listWords(empty.map((b) => `${b.label} (\`${b.path.join('.')}\`)`))}.`,
    });
  },
};
