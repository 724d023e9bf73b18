// The seed of every property test. A fixed seed makes a run that fails fail
// again, on any machine; TDE_TEST_SEED picks another one, to explore further
// or to replay a failure (fast-check prints the seed it failed with).
// TDE_TEST_RUNS, when set, is the number of cases of every property (more to
// explore, fewer to go fast). Pass both as `{ seed, numRuns: runs(n) }`.
const DEFAULT_SEED = 20261206;

function fromEnvironment(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  return value;
}

/** The seed of fast-check's properties. */
export const seed = fromEnvironment('TDE_TEST_SEED', DEFAULT_SEED, -(2 ** 31), 2 ** 31 - 1);

/** How many cases a property checks: `n`, unless TDE_TEST_RUNS says otherwise. */
export function runs(n: number): number {
  return fromEnvironment('TDE_TEST_RUNS', n, 1, 1_000_000);
}
