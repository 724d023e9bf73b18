import { buildPitch } from '../pitch';
import { type Rule } from '../rule';
import { listWords, quoted } from '../prose';

export const pitchIncomplete: Rule = {
  id: 'pitch-incomplete',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    const [refine] = model.doneSteps('refine');
    if (!refine) return;
    const pitch = buildPitch(model, language);
    // A team's own frame may leave a blank out; only the blanks it uses count.
    const empty = pitch.blanks.filter((b) => pitch.emptyBlanks.includes(b.label));
    if (empty.length === 0) return;
    report({
      node: refine.key,
      message: say(empty.length === 1 ? 'rule.pitch-incomplete.one' : 'rule.pitch-incomplete.many', {
        count: empty.length,
        blanks: listWords(empty.map((b) => `${b.label} (${quoted(b.path.join('.'))})`), 'and', language),
      }),
    });
  },
};
