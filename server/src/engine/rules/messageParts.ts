// The parts of messages that rules share: a step's or tactic's name in the
// reader's language, a long list cut short, a related place.
import { message, vocabularyText, type Language } from '../../shared/l10n';
import { shortName, type Node } from '../document';
import type { Step } from '../model';
import type { RelatedLocation } from '../problem';
import { stepTitle, type Tactic } from '../vocabulary';

/** The step's name in the language of the messages ("Find", "Encontrar"). */
export function stepName(step: Pick<Step, 'id'>, language: Language = 'en'): string {
  return vocabularyText(language, `step.${step.id}.title`, stepTitle(step.id));
}

/** A tactic's name in the language of the messages (the guide's name in English). */
export function tacticName(tactic: Pick<Tactic, 'id' | 'name'>, language: Language = 'en'): string {
  return vocabularyText(language, `tactic.${tactic.id}.name`, tactic.name);
}

/**
 * "a, b, c, … (1,234 more)": at most `max` of a list a file may make as long
 * as it likes, each shortened, so that a message about one place never
 * repeats all of them (thousands of problems times thousands of names).
 */
export function someOf(words: readonly string[], language: Language = 'en', max = 20): string {
  const shown = words.slice(0, max).map(shortName).join(', ');
  return words.length <= max ? shown : message(language, 'check.list.more', { shown, count: (words.length - max).toLocaleString(language) });
}

/** A related location on a node, for a problem that involves another place too (none when the node has no position). */
export function relatedAt(node: Node | undefined, message: string): RelatedLocation[] {
  return node?.range ? [{ message, offset: node.range[0], length: node.range[1] - node.range[0] }] : [];
}
