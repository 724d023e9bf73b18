// Which problems a change introduced: a problem of the new side is "existing"
// when the old side has one of the same rule on the same YAML path. Lines
// are not compared, so an edit above a problem does not make it new.
import type { NodePath, Problem } from '../problem';

/** The identity of a problem across versions of one file: rule and YAML path. */
function problemKey(problem: { rule: string; path: NodePath }): string {
  return `${problem.rule}\u0000${JSON.stringify(problem.path)}`;
}

interface BaselineComparison {
  /** Problems of the new side that the old side had already. */
  existing: Set<Problem>;
  /** Problems of the new side that the old side did not have, in order. */
  introduced: Problem[];
  /** Problems of the old side that the new side no longer has, in order. */
  fixed: Problem[];
}

/**
 * Match the problems of two versions of one file. Several problems with one
 * key are matched by count, in file order: if the old side had two and the
 * new one has three, the last of the three is introduced.
 */
export function compareProblems(current: readonly Problem[], base: readonly Problem[]): BaselineComparison {
  const remaining = new Map<string, number>();
  for (const problem of base) {
    const key = problemKey(problem);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const existing = new Set<Problem>();
  const introduced: Problem[] = [];
  const matched = new Map<string, number>();
  for (const problem of current) {
    const key = problemKey(problem);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      matched.set(key, (matched.get(key) ?? 0) + 1);
      existing.add(problem);
    } else {
      introduced.push(problem);
    }
  }
  const fixed: Problem[] = [];
  for (const problem of base) {
    const key = problemKey(problem);
    const count = matched.get(key) ?? 0;
    if (count > 0) matched.set(key, count - 1);
    else fixed.push(problem);
  }
  return { existing, introduced, fixed };
}
