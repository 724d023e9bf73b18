import { isEmptyValue, isSeq, pairOf, scalarText, seqItems, type YAMLSeq } from '../document';
import type { Rule } from '../rule';
import type { Fix } from '../types';

export const singleUseCase: Rule = {
  id: 'single-use-case',
  defaultSeverity: 'error',
  description: 'Design started without exactly one `selected_use_case` (a list counts as more than one).',
  fixable: true,
  check({ model, report }) {
    const design = model.step('design');
    if (!design.started || !design.key) return;
    const pair = pairOf(design.map, 'selected_use_case');
    const value = pair?.value;
    if (!pair || isEmptyValue(value)) {
      report({
        node: pair?.key ?? design.key,
        message: 'Design has started without a `selected_use_case`: pick the one use case from Refine that this plan serves.',
      });
      return;
    }
    if (!isSeq(value)) return;
    const items = seqItems(value);
    const only = items.length === 1 ? scalarText(items[0]) : undefined;
    const fix = only ? unwrapFix(model.doc.text, pair.key?.range?.[1], (value as YAMLSeq).flow ? value.range?.[1] : items[0]?.range?.[1], only) : undefined;
    report({
      node: value,
      message: items.length === 1
        ? '`selected_use_case` is a list; Design works on exactly one use case, so give its id as a single value.'
        : `Design works on exactly one use case, but \`selected_use_case\` lists ${items.length}: choose one and keep the others in Refine's \`promising_use_cases\`.`,
      fix,
    });
  },
};

/** `selected_use_case: [one]` or a one-item block list becomes `selected_use_case: one`. */
function unwrapFix(text: string, keyEnd: number | undefined, valueEnd: number | undefined, id: string): Fix | undefined {
  if (keyEnd === undefined || valueEnd === undefined || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return undefined;
  const replaced = text.slice(keyEnd, valueEnd);
  if (replaced.includes('#')) return undefined; // never drop a comment
  return { title: `Select \`${id}\` alone`, edits: [{ offset: keyEnd, length: valueEnd - keyEnd, newText: `: ${id}` }] };
}
