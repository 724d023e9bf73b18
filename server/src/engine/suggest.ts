// "Did you mean …?": the nearest candidate by edit distance, when it is near
// enough to be a plausible slip of the keyboard rather than another word.

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < rows; i++) d[i]![0] = i;
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The most a search may measure, in cells of the distance matrix (a few
 * milliseconds): among more candidates than that, no suggestion is made.
 */
const MAX_CELLS = 1_000_000;

function normalise(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * The candidate nearest to `word`, or undefined when none is close: within a
 * third of the word's length (at least 2 edits), ignoring case, spaces and
 * underscores (so "Interview Stakeholders" finds interview-stakeholders).
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const target = normalise(word);
  if (target.length > 200) return undefined;
  const limit = Math.max(2, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  let cells = 0;
  for (const candidate of candidates) {
    // The distance is at least the difference in length, so a candidate too
    // long or short to be near is never measured: a name of a million
    // characters would otherwise take a matrix of gigabytes.
    if (candidate.length > 1000) continue;
    const normalised = normalise(candidate);
    if (Math.abs(normalised.length - target.length) > limit) continue;
    cells += (target.length + 1) * (normalised.length + 1);
    if (cells > MAX_CELLS) return undefined;
    const distance = editDistance(target, normalised);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1 && w !== 'a' && w !== 'the'));
}

/**
 * For a name written in words ("analyze data requests"): the id whose own
 * name shares most of its words (at least two thirds of the larger set).
 */
export function nearestByWords(text: string, named: readonly { id: string; name: string }[]): string | undefined {
  const mine = words(text);
  if (mine.size < 2) return undefined;
  let best: string | undefined;
  let bestScore = 0;
  for (const { id, name } of named) {
    const theirs = new Set([...words(name), ...words(id)]);
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    const score = shared / Math.max(mine.size, words(name).size);
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return bestScore >= 2 / 3 ? best : undefined;
}
