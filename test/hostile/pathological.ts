// Inputs on which a quadratic (or worse) search would run for hours: the unit
// tests check what the engine answers on them (test/unit/engine-hostile and
// engine-control-characters), `npm run stress` how long it takes, against
// the bound beside each. A wall-clock bound in a unit test fails by luck on a
// busy machine; in stress it is a measured figure.
import { check, parseTde } from '../../server/src/engine';
import { nearest } from '../../server/src/engine/suggest';

export const HEAD = 'tde: 1\nproject:\n  title: Flood sensors\n  place: Riverton\n';

/** 100,000 keys, each name twice: duplicates found without the parser's all-pairs search. */
export const manyDuplicateKeys = (): string => `${HEAD}${Array.from({ length: 100_000 }, (_, i) => `x-k${i % 50_000}: 1\n`).join('')}`;

/** Eight levels of ten aliases each: a billion values, were they expanded. */
export function aliasesThatMultiply(): string {
  let text = `${HEAD}x-0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n`;
  for (let i = 1; i < 8; i++) text += `x-${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  return text;
}

/** A target of 150 letters against one name of five million and 100,000 names of 150. */
export const hugeCandidates = (): [string, string[]] => ['b'.repeat(150), ['a'.repeat(5_000_000), ...Array.from({ length: 100_000 }, (_, i) => `c${i}`.padEnd(150, 'c'))]];

/** Resident contacts of a million letters, and of 100,000 letters before @gmail.com. */
export const longContacts = (): string =>
  `${HEAD}find:\n  status: in-progress\n  collaborators:\n    - {name: A, role: resident, contact: ${'a'.repeat(1_000_000)}}\n    - {name: B, role: resident, contact: ${'a'.repeat(100_000)}@gmail.com}\n`;

/** 8 MB of alternating letters and ESC: four million runs of control characters. */
export const CONTROL_RUNS = 4 * 1024 * 1024 - 100;
export const controlCharacterRuns = (): string => `${HEAD}x-line: ${'a\u001b'.repeat(CONTROL_RUNS)}a\n`;

/** Milliseconds `run` takes on what `build` made. */
function timed<T>(build: () => T, run: (input: T) => unknown): () => number {
  return () => {
    const input = build();
    const started = performance.now();
    run(input);
    return performance.now() - started;
  };
}

/** Each input, how stress times the engine on it, and its bound in ms. */
export const PATHOLOGICAL: { name: string; boundMs: number; measure(): number }[] = [
  { name: '100,000 duplicate keys', boundMs: 10_000, measure: timed(manyDuplicateKeys, parseTde) },
  { name: 'aliases that multiply', boundMs: 2000, measure: timed(aliasesThatMultiply, check) },
  { name: 'nearest name among huge candidates', boundMs: 1000, measure: timed(hugeCandidates, (args) => nearest(...args)) },
  { name: 'contacts of a million letters', boundMs: 3000, measure: timed(longContacts, check) },
  { name: '8 MB of control character runs', boundMs: 5000, measure: timed(controlCharacterRuns, check) },
];
