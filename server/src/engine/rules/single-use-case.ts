import { isEmptyValue, isSeq, pairOf, scalarText, seqItems, type YAMLSeq } from '../document';
import { type Rule, type RuleContext } from '../rule';
import { quoted } from '../prose';
import type { Fix } from '../problem';

export const singleUseCase: Rule = {
  id: 'single-use-case',
  defaultSeverity: 'error',
  fixable: true,
  check({ model, say, report }) {
    const [design] = model.startedSteps('design');
    if (!design) return;
    const pair = pairOf(design.map, 'selected_use_case');
    const value = pair?.value;
    if (!pair || isEmptyValue(value)) {
      report({
        node: pair?.key ?? design.key,
        message: say('rule.single-use-case.none'),
      });
      return;
    }
    if (!isSeq(value)) return;
    const items = seqItems(value);
    const only = items.length === 1 ? scalarText(items[0]) : undefined;
    const fix = only ? unwrapFix(model.doc.text, pair.key?.range?.[1], (value as YAMLSeq).flow ? value.range?.[1] : items[0]?.range?.[1], only, say) : undefined;
    report({
      node: value,
      message: items.length === 1 ? say('rule.single-use-case.listOfOne') : say('rule.single-use-case.many', { count: items.length }),
      fix,
    });
  },
};

/** `selected_use_case: [one]` or a one-item block list becomes `selected_use_case: one`. */
function unwrapFix(text: string, keyEnd: number | undefined, valueEnd: number | undefined, id: string, say: RuleContext['say']): Fix | undefined {
  if (keyEnd === undefined || valueEnd === undefined || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return undefined;
  const replaced = text.slice(keyEnd, valueEnd);
  if (replaced.includes('#')) return undefined; // never drop a comment
  return { title: say('rule.single-use-case.selectAlone', { id: quoted(id) }), edits: [{ offset: keyEnd, length: valueEnd - keyEnd, newText: `: ${id}` }] };
}
