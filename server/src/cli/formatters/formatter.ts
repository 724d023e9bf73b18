// What every format of `tde check` is: a function from a report to text.
import type { Rule } from '../../engine';
import type { CheckReport } from '../report';
import type { Palette } from '../terminal';

export interface FormatOptions {
  palette: Palette;
  rules: readonly Rule[];
  /** Told what a format had to leave out (SARIF over GitHub's limits), for stderr. */
  warn?: (message: string) => void;
}

export type Formatter = (report: CheckReport, options: FormatOptions) => string;
