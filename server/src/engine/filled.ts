// Whether a value the team was meant to write is there at all. Rules that ask
// for content (a persona, a user story, a product) decide it here, so what
// counts as "still empty" is said once.
import { isEmptyValue, isScalar } from './document';

/** Absent, null, blank text, an empty list or an empty mapping. */
export function isUnfilled(node: unknown): boolean {
  if (isScalar(node) && typeof node.value === 'string') return node.value.trim() === '';
  return isEmptyValue(node);
}
