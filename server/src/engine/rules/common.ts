// Small helpers shared by rules: naming steps and lists in messages.
import type { Step } from '../model';
import { stepTitle } from '../vocabulary';

export function stepName(step: Step): string {
  return stepTitle(step.id);
}

/** "a, b and c" */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function code(text: string): string {
  return `\`${text}\``;
}

/** Where a problem about a whole step goes: its key. */
export function stepKey(step: Step) {
  return step.key ?? undefined;
}
