// Small helpers shared by rules: naming steps and lists in messages.
import { shortName, type Node } from '../document';
import type { Step } from '../model';
import type { RelatedLocation } from '../types';
import { stepTitle } from '../vocabulary';

export function stepName(step: Step): string {
  return stepTitle(step.id);
}

/**
 * "a, b, c, … (1,234 more)": at most `max` of a list a file may make as long
 * as it likes, each shortened, so that a message about one place never
 * repeats all of them (thousands of problems times thousands of names).
 */
export function someOf(words: readonly string[], max = 20): string {
  const shown = words.slice(0, max).map(shortName).join(', ');
  return words.length <= max ? shown : `${shown}, … (${(words.length - max).toLocaleString('en')} more)`;
}

export { listWords } from '../prose';

/** A related location on a node, for a problem that involves another place too (none when the node has no position). */
export function relatedAt(node: Node | undefined, message: string): RelatedLocation[] {
  return node?.range ? [{ message, offset: node.range[0], length: node.range[1] - node.range[0] }] : [];
}
