import { isScalar, mapAt, scalarText, seqItems, shortName, stringAt, valueOf } from '../document';
import type { Rule } from '../rule';
import type { RelatedLocation } from '../types';
import { listWords, relatedAt, someOf } from './common';

export const selectedNotPromising: Rule = {
  id: 'selected-not-promising',
  defaultSeverity: 'warning',
  description: "Design's `selected_use_case` is not among Refine's `promising_use_cases`, or has `support: weak`.",
  fixable: false,
  check({ model, report }) {
    const node = valueOf(model.step('design').map, 'selected_use_case');
    // A list of selections is single-use-case's to report.
    const id = isScalar(node) ? scalarText(node)?.trim() : undefined;
    if (!node || !id) return;
    const useCases = model.useCases().filter((u) => u.id === id);
    // An id Refine does not define is unknown-use-case's to report.
    if (useCases.length === 0) return;
    const promisingNode = valueOf(mapAt(model.step('refine').map, 'result'), 'promising_use_cases');
    const promising = seqItems(promisingNode).map((n) => scalarText(n)?.trim()).filter((p): p is string => !!p);
    const reasons: string[] = [];
    const related: RelatedLocation[] = [];
    if (promising.length > 0 && !promising.includes(id)) {
      reasons.push(`is not among Refine's promising use cases (${someOf(promising)})`);
      related.push(...relatedAt(promisingNode, '`promising_use_cases`'));
    }
    const weak = useCases.find((u) => stringAt(u.node, 'support') === 'weak');
    if (weak) {
      reasons.push('has only weak support (`support: weak`)');
      related.push(...relatedAt(valueOf(weak.node, 'support'), `support of \`${shortName(id)}\``));
    }
    if (reasons.length === 0) return;
    report({
      node,
      message: `The selected use case \`${shortName(id)}\` ${listWords(reasons)}. Design builds on the use case Refine found most promising, with backing from partners and residents: select one of those, or, if Refine's view has changed, update \`promising_use_cases\` and \`support\` to say so.`,
      related,
    });
  },
};
