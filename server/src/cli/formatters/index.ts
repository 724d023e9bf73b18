// One module per output format; each turns a CheckReport into text.
import type { Rule } from '../../engine';
import type { CheckReport } from '../report';
import type { Palette } from '../terminal';
import { FORMAT_NAMES, type FormatName } from './names';

export interface FormatOptions {
  palette: Palette;
  rules: readonly Rule[];
  /** Told what a format had to leave out (SARIF over GitHub's limits), for stderr. */
  warn?: (message: string) => void;
}

export type Formatter = (report: CheckReport, options: FormatOptions) => string;

export { FORMAT_NAMES, type FormatName };

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** Whether a format is read by people (diffs and notes may share its stream). */
export function isHumanFormat(name: FormatName): boolean {
  return name === 'stylish' || name === 'compact';
}

/** Only the chosen format's module is loaded. */
export function loadFormatter(name: FormatName): Formatter {
  switch (name) {
    case 'stylish': return (require('./stylish') as typeof import('./stylish')).formatStylish;
    case 'compact': return (require('./compact') as typeof import('./compact')).formatCompact;
    case 'json': return (require('./json') as typeof import('./json')).formatJson;
    case 'sarif': return (require('./sarif') as typeof import('./sarif')).formatSarif;
    case 'github': return (require('./github') as typeof import('./github')).formatGithub;
    case 'markdown': return (require('./markdown') as typeof import('./markdown')).formatMarkdown;
  }
}
