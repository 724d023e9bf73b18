// The web build's checks: its language server already runs in a Worker, so
// checks run there, in-process (no time or memory budget can be enforced).
import { InProcessRunner, type RunnerHooks, type ValidationRunner } from './validationWorkerInProcess';

export type {  CheckOutcome, ValidationRunner } from './validationWorkerInProcess';

export function createValidationRunner(hooks: RunnerHooks): ValidationRunner {
  return new InProcessRunner(hooks);
}
