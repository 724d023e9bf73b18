// The severity configuration gives each rule (`.tderc.yaml`'s `rules:`, the
// editor's settings, the package's `rules` option).
import type { Severity } from './problem';

/** A rule's severity as configuration sets it: `off` silences it. */
export type SeveritySetting = Severity | 'off';

/** The severity each rule is set to, by rule id. */
export type RuleSeverities = Record<string, SeveritySetting>;
