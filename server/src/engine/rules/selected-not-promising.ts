import { isScalar, mapAt, scalarText, seqItems, shortName, stringAt, valueOf } from '../document';
import type { TdeModel } from '../model';
import { type Rule } from '../rule';
import type { RelatedLocation } from '../problem';
import { message, type Language } from '../../shared/l10n';
import { relatedAt, someOf } from './messageParts';
import { listWords, quoted } from '../prose';

/** Refine's promising use-case ids, trimmed (empty when the list is absent or empty). */
export function promisingUseCases(model: TdeModel): string[] {
  const node = valueOf(mapAt(model.step('refine').map, 'result'), 'promising_use_cases');
  return seqItems(node).map((n) => scalarText(n)?.trim()).filter((p): p is string => !!p);
}

/**
 * How selecting the use case `id` goes against Refine's judgement: not on its
 * promising list (the list, when so), weak support, and the places involved.
 * Nothing when Refine does not define `id` (unknown-use-case's to report).
 */
export function selectionConcerns(model: TdeModel, id: string, language: Language = 'en'): { notAmong?: string[]; weak: boolean; related: RelatedLocation[] } {
  const related: RelatedLocation[] = [];
  const useCases = model.useCases().filter((u) => u.id?.trim() === id);
  if (useCases.length === 0) return { weak: false, related };
  const promising = promisingUseCases(model);
  // A misspelt entry (unknown-use-case's to report) may be this very use case: judge the list once it is right.
  const defined = new Set(model.useCases().map((u) => u.id?.trim()));
  const listSound = promising.every((p) => defined.has(p));
  const notAmong = listSound && promising.length > 0 && !promising.includes(id) ? promising : undefined;
  if (notAmong) related.push(...relatedAt(valueOf(mapAt(model.step('refine').map, 'result'), 'promising_use_cases'), quoted('promising_use_cases')));
  const weak = useCases.find((u) => stringAt(u.node, 'support') === 'weak');
  if (weak) related.push(...relatedAt(valueOf(weak.node, 'support'), message(language, 'rule.selected-not-promising.supportOf', { id: quoted(shortName(id)) })));
  return { notAmong, weak: !!weak, related };
}

export const selectedNotPromising: Rule = {
  id: 'selected-not-promising',
  defaultSeverity: 'warning',
  check({ model, say, language, report }) {
    const node = valueOf(model.step('design').map, 'selected_use_case');
    // A list of selections is single-use-case's to report.
    const id = isScalar(node) ? scalarText(node)?.trim() : undefined;
    if (!node || !id) return;
    const { notAmong, weak, related } = selectionConcerns(model, id, language);
    const reasons: string[] = [];
    if (notAmong) reasons.push(say('rule.selected-not-promising.notAmong', { promising: someOf(notAmong, language) }));
    if (weak) reasons.push(say('rule.selected-not-promising.weak'));
    if (reasons.length === 0) return;
    report({
      node,
      message: say('rule.selected-not-promising.selected', { id: quoted(shortName(id)), reasons: listWords(reasons, 'and', language) }),
      related,
    });
  },
};
