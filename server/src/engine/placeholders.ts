// Template text left in a file: the placeholders of our snippets, the
// starter project's examples and the walkthrough's example project. A value
// that still says "The issue residents could tackle with city data" has not
// been written yet: it counts as empty for the pitch and the rules, and
// placeholder-text names it.
import { isEmptyValue, isMap, isPair, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from './document';
import placeholderTexts from './placeholderTexts.json';

/** Case, spacing and a closing stop do not make a template's text one's own. */
function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLowerCase();
}

const userStory = placeholderTexts.userStory.frame.replace(/\{(\w+)\}/g, (_, part: string) => (placeholderTexts.userStory.parts as Record<string, string>)[part]!);

const TEXTS: readonly string[] = [
  ...Object.values(placeholderTexts.snippets),
  userStory,
  ...Object.values(placeholderTexts.starter),
  ...placeholderTexts.walkthrough,
];

const KNOWN = new Set(TEXTS.map(normalized));
const LONGEST = Math.max(...TEXTS.map((text) => text.length)) + 20;

/** Whether a text is one of our templates' placeholder or example texts. */
export function isPlaceholderText(text: string): boolean {
  return text.length <= LONGEST && KNOWN.has(normalized(text));
}

function placeholderScalar(node: unknown): boolean {
  return isScalar(node) && typeof node.value === 'string' && isPlaceholderText(node.value);
}

/**
 * Empty, or holding nothing but template text: a mapping or list whose every
 * value is empty or a placeholder. What a team has not written yet.
 */
export function isUnwritten(node: unknown, depth = 0): boolean {
  if (isEmptyValue(node) || placeholderScalar(node)) return true;
  if (depth > 8) return false;
  if (isSeq(node)) return (node as YAMLSeq).items.every((item) => isUnwritten(item, depth + 1));
  if (isMap(node)) return (node as YAMLMap).items.every((pair) => isPair(pair) && isUnwritten(pair.value, depth + 1));
  return false;
}

interface PlaceholderUse {
  node: Node;
  text: string;
  /** The key the value is under, or the list's key for an item. */
  key?: string;
  /** 0-based, for a list item. */
  index?: number;
}

/** Every placeholder text among the values below `node` (not its keys). */
export function placeholderUses(node: unknown, key?: string, index?: number, out: PlaceholderUse[] = [], depth = 0): PlaceholderUse[] {
  if (depth > 12) return out;
  if (placeholderScalar(node)) {
    out.push({ node: node as Node, text: String((node as { value: string }).value), key, index });
  } else if (isSeq(node)) {
    (node as YAMLSeq).items.forEach((item, i) => placeholderUses(item, key, i, out, depth + 1));
  } else if (isMap(node)) {
    for (const pair of (node as YAMLMap).items) {
      if (isPair(pair) && isScalar(pair.key)) placeholderUses(pair.value, String(pair.key.value), undefined, out, depth + 1);
    }
  }
  return out;
}
