// A rule described as plain data, for `tde rules --format json` and the
// package's `rules`. Apart from rule.ts so that the package's type
// declarations need none of the parser's.
import type { Severity } from './problem';

/** What a rule is, as data. */
export interface RuleSummary {
  id: string;
  defaultSeverity: Severity;
  defaultSeverityText?: string;
  description: string;
  /** Offers fixes, applied in bulk. */
  fixable: boolean;
  /** Offers suggestions, chosen one at a time. */
  suggests: boolean;
  docsUrl: string;
}
