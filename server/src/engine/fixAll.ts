// Fix everything there is to fix: apply the compatible fixes of a check,
// check the result, and repeat until nothing is left (a fix can reveal
// another: a renamed tactic may now have a misspelt criterion). The one loop
// behind `tde check --fix` and the editor's "Fix all"; the editor checks on
// its own thread, so the loop is written once as steps, and each door drives
// it with the check it has. Only fixes are applied, never suggestions.
import { applyEdits, compatibleFixes } from './edits';
import type { Fix, Problem } from './problem';

/** Ten passes are far more than any real file needs; a fix that kept undoing another would stop here. */
const MAX_FIX_PASSES = 10;

export interface FixedText {
  /** The text with every fix applied (the original when there was none). */
  text: string;
  /** How many fixes were applied, by rule id, in the order rules first applied one. */
  applied: Map<string, number>;
  passes: number;
}

/**
 * The loop as steps: it yields each fixed text to be checked, and is given
 * back that text's problems, or undefined when it could not be checked (the
 * loop then ends with the last text that was).
 */
export function* fixSteps(text: string, problems: readonly Problem[]): Generator<string, FixedText, readonly Problem[] | undefined> {
  const applied = new Map<string, number>();
  let passes = 0;
  for (; passes < MAX_FIX_PASSES; passes++) {
    const ruleOf = new Map<Fix, string>();
    for (const problem of problems) if (problem.fix) ruleOf.set(problem.fix, problem.rule);
    const fixes = compatibleFixes([...ruleOf.keys()]);
    if (fixes.length === 0) break;
    const next = applyEdits(text, fixes.flatMap((fix) => fix.edits));
    if (next === text) break;
    const checked = yield next;
    if (!checked) break;
    text = next;
    problems = checked;
    for (const fix of fixes) {
      const rule = ruleOf.get(fix)!;
      applied.set(rule, (applied.get(rule) ?? 0) + 1);
    }
  }
  return { text, applied, passes };
}

/** The loop driven by a check that answers later (the editor's checking thread); `fixAll` in index.ts drives it with `check`. */
export async function fixAllAsync(
  text: string,
  problems: readonly Problem[],
  recheck: (text: string) => Promise<readonly Problem[] | undefined>,
): Promise<FixedText> {
  const steps = fixSteps(text, problems);
  let step = steps.next();
  while (!step.done) step = steps.next(await recheck(step.value));
  return step.value;
}

/** "2 problems (unknown-tactic ×2)": what a fix-all did, for people. */
export function describeFixes(applied: ReadonlyMap<string, number>): string {
  const total = [...applied.values()].reduce((a, b) => a + b, 0);
  const byRule = [...applied].map(([rule, count]) => (count > 1 ? `${rule} ×${count}` : rule)).join(', ');
  return `${total} ${total === 1 ? 'problem' : 'problems'} (${byRule})`;
}
