// Plain words from lists and values: "a, b and c", a text shortened at a word
// boundary, and a value that starts a sentence read as part of one. Shared by
// the messages, the pitch and every door that shows them.
import type { Language } from '../shared/l10n';

/**
 * "a", "a and b", "a, b and c" (or with "or"); in Spanish "a, b y c", with
 * "e" before a word that sounds "i" and "u" before one that sounds "o".
 */
export function listWords(words: readonly string[], conjunction: 'and' | 'or' = 'and', language: Language = 'en'): string {
  if (words.length <= 1) return words.join('');
  const last = words[words.length - 1]!;
  const joined = language === 'es' ? spanishConjunction(conjunction, last) : conjunction;
  return `${words.slice(0, -1).join(', ')} ${joined} ${last}`;
}

function spanishConjunction(conjunction: 'and' | 'or', next: string): string {
  const word = next.replace(/^["“«(]+/u, '').toLowerCase();
  if (conjunction === 'and') return /^h?i(?![aeoué])/u.test(word) ? 'e' : 'y';
  return /^h?o/u.test(word) ? 'u' : 'o';
}

/**
 * A value the user wrote, as a message shows it: in plain double quotes
 * (the Problems panel shows backticks and other Markdown as they are).
 */
export function quoted(value: string | number | boolean): string {
  return `"${String(value)}"`;
}

/** Each word quoted, listed: "yes", "no" or "partly". */
export function listQuoted(words: readonly string[], conjunction: 'and' | 'or' = 'or', language: Language = 'en'): string {
  return listWords(words.map(quoted), conjunction, language);
}

/**
 * The text when it has at most `max` characters; else its words up to about
 * `max`, and "…". A word is never cut: only one word longer than `max` on its
 * own (a web address, say) is, at three times `max`, so that a message about
 * one value stays one line. Characters, not UTF-16 units, are counted.
 */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max + 1).join('');
  const space = head.search(/\s\S*$/);
  if (space > 0) return `${head.slice(0, space).replace(/[\s,;:.–—-]+$/u, '')}…`;
  const word = /^\S+/u.exec(chars.slice(0, max * 3 + 1).join(''))![0];
  const wordChars = [...word];
  if (wordChars.length > max * 3) return `${wordChars.slice(0, max * 3).join('')}…`;
  return wordChars.length < chars.length ? `${word}…` : text;
}

/**
 * A value written to stand alone ("Test weekly alerts") as it reads where a
 * sentence continues: the first word lowered only when it is an ordinary
 * capitalised word (a capital, then lowercase letters) followed by a word in
 * lowercase. "NYC data", "iPhone users", "McAllen", "Ward 5", "Oak Street",
 * "Maria's" and a lone "Riverton" are names and stay as written.
 */
export function lowerFirstWord(text: string): string {
  const match = /^(\p{Lu})(\p{Ll}+)(?=\s+\p{Ll})/u.exec(text);
  return match ? `${match[1]!.toLowerCase()}${text.slice(1)}` : text;
}

/** The text without one closing full stop (an ellipsis stays): the frame brings its own punctuation. */
export function withoutClosingStop(text: string): string {
  return text.replace(/(?<!\.)\.$/u, '');
}

/**
 * The value without the words the frame has just said: "we will" followed by
 * "We will test alerts" reads "we will test alerts", once. Up to four words.
 */
export function withoutRepeatedWords(before: string, value: string): string {
  const said = before.trim().split(/\s+/u).filter(Boolean);
  const words = value.split(/(\s+)/u);
  for (let n = Math.min(4, said.length); n > 0; n--) {
    const tail = said.slice(-n).map(bare);
    const head = words.filter((_, i) => i % 2 === 0).slice(0, n).map(bare);
    if (head.length === n && tail.every((word, i) => word !== '' && word === head[i]) && words.length > n * 2) {
      return words.slice(n * 2).join('');
    }
  }
  return value;
}

function bare(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
