// "Did you mean …?": the nearest candidate by edit distance, when it is near
// enough to be a plausible slip of the keyboard rather than another word.
import { message, type Language } from '../shared/l10n';
import { listQuoted } from './prose';

/** Three rows of the distance matrix, reused by every call (checks are synchronous). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent
 * swaps). Past `max` it stops early and answers `max + 1`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  if (rows[0].length < cols) rows = [new Int32Array(cols * 2), new Int32Array(cols * 2), new Int32Array(cols * 2)];
  let [before, previous, current] = rows;
  for (let j = 0; j < cols; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // A cell comes from the row above or the one above that (a swap, +1):
    // once two rows in a row are past max, every later one is too.
    if (rowMin > max && previousMin > max) return max + 1;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * The most a search may measure, in cells of the distance matrix (a few
 * milliseconds): among more candidates than that, no suggestion is made.
 */
const MAX_CELLS = 1_000_000;

/**
 * What all the searches of one check may measure together: a file with
 * twenty thousand misspelt names gets suggestions for as many as fit, and
 * its check stays fast (see withSuggestionBudget).
 */
export const CHECK_CELLS = 20_000_000;
let remaining = Infinity;

/** Run `fn` (one check) with `cells` for all its searches; past them, no more suggestions. */
export function withSuggestionBudget<T>(cells: number, fn: () => T): T {
  const outer = remaining;
  remaining = cells;
  try {
    return fn();
  } finally {
    remaining = outer;
  }
}

function normalise(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * The candidate nearest to `word`, or undefined when none is close: within a
 * third of the word's length (at least 2 edits), ignoring case, spaces and
 * underscores (so "Interview Stakeholders" finds interview-stakeholders).
 * Of a tie, the first listed.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  return nearestAll(word, candidates)[0];
}

/** Every candidate at the nearest distance (one, or all of a tie), as `nearest` measures it. */
export function nearestAll(word: string, candidates: Iterable<string>): string[] {
  const target = normalise(word);
  if (target.length > 200) return [];
  const limit = Math.max(2, Math.floor(target.length / 3));
  let best: string[] = [];
  let bestDistance = Infinity;
  let cells = 0;
  for (const candidate of candidates) {
    // The distance is at least the difference in length, so a candidate too
    // long or short to be near is never measured: a name of a million
    // characters would otherwise take a matrix of gigabytes.
    if (candidate.length > 1000) continue;
    const normalised = normalise(candidate);
    if (Math.abs(normalised.length - target.length) > limit) continue;
    const measure = (target.length + 1) * (normalised.length + 1);
    cells += measure;
    remaining -= measure;
    if (cells > MAX_CELLS || remaining < 0) return [];
    const distance = editDistance(target, normalised, Math.min(limit, bestDistance));
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance && distance <= limit && !best.includes(candidate)) {
      best.push(candidate);
    }
  }
  return bestDistance <= limit ? best : [];
}

/** What a word that is not in its list may have meant. */
export interface Correction {
  /** The one candidate the word is clearly a slip of the keyboard for: safe to apply as a fix. */
  certain?: string;
  /** Otherwise, the candidates to offer one at a time (every one of a tie). */
  possible: string[];
}

/**
 * The correction of a misspelt id among `candidates`: certain only when one
 * candidate is nearest and the two differ by case, spaces, underscores or a
 * single slip (a letter added, dropped, changed or two swapped) inside a
 * word of four letters or more, with no digit involved ("phase-2" for
 * "phase-1", "site-b" for "site-a" are other things, not slips).
 */
export function correction(word: string, candidates: Iterable<string>): Correction {
  const near = nearestAll(word, candidates);
  if (near.length === 1 && isSlip(word, near[0]!)) return { certain: near[0], possible: [] };
  return { possible: near };
}

/** Prefixes that turn a word into its opposite: `informal` is not a slip for `formal`. */
const NEGATIONS = ['in', 'un', 'non', 'not', 'dis', 'im', 'ir', 'il'];

/** Whether `word` is `candidate` with a negating prefix (either way round). */
export function isNegation(word: string, candidate: string): boolean {
  const [a, b] = [normalise(word).replace(/-/g, ''), normalise(candidate).replace(/-/g, '')];
  return NEGATIONS.some((prefix) => a === prefix + b || b === prefix + a);
}

/** What a correction offers: its certain candidate, or its possible ones. */
export function offered(found: Correction): string[] {
  return found.certain !== undefined ? [found.certain] : found.possible;
}

/** ' Did you mean "a"?' / ' Did you mean "a" or "b"?' for a message; empty when there is nothing to offer. */
export function didYouMean(options: readonly string[], language: Language = 'en'): string {
  if (options.length === 0) return '';
  return ` ${message(language, 'check.didYouMean', { options: listQuoted(options, 'or', language) })}`;
}

function isSlip(word: string, candidate: string): boolean {
  const a = normalise(word);
  const b = normalise(candidate);
  if (a === b) return true;
  if (a.length < 5 || editDistance(a, b, 1) > 1 || isNegation(a, b)) return false;
  // The changed stretch: what is left between the common start and end.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const changed = a.slice(start, a.length - end) + b.slice(start, b.length - end);
  if (/[0-9]/.test(changed)) return false;
  if (/^-+$/.test(changed)) return true; // a hyphen added or dropped
  // The word the slip is in (between hyphens), as written and as listed: a
  // slip in a word of three letters or fewer may well be another word.
  return Math.max(wordAt(a, start).length, wordAt(b, start).length) >= 4;
}

function wordAt(text: string, at: number): string {
  const from = text.lastIndexOf('-', Math.max(0, at - 1)) + 1;
  const to = text.indexOf('-', Math.min(text.length, at));
  return text.slice(from, to < 0 ? text.length : to);
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1 && w !== 'a' && w !== 'the'));
}

/** The candidates' words, which are the same few names search after search. */
const candidateWords = new Map<string, Set<string>>();
function wordsOf(text: string): Set<string> {
  let found = candidateWords.get(text);
  if (!found) {
    if (candidateWords.size >= 10_000) candidateWords.clear();
    found = words(text);
    candidateWords.set(text, found);
  }
  return found;
}

/**
 * For a name written in words ("analyze data requests"): the id whose own
 * name shares most of its words (at least two thirds of the larger set).
 */
export function nearestByWords(text: string, named: readonly { id: string; name: string }[]): string | undefined {
  if (text.length > 1000) return undefined;
  const mine = words(text);
  if (mine.size < 2) return undefined;
  let best: string | undefined;
  let bestScore = 0;
  for (const { id, name } of named) {
    const own = wordsOf(name);
    const theirs = new Set([...own, ...wordsOf(id)]);
    remaining -= mine.size + theirs.size;
    if (remaining < 0) return undefined;
    let shared = 0;
    for (const w of mine) if (theirs.has(w)) shared++;
    const score = shared / Math.max(mine.size, own.size);
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return bestScore >= 2 / 3 ? best : undefined;
}
