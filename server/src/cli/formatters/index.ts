// One module per output format; each turns a CheckReport into text.
import type { Formatter } from './formatter';
import type { FormatName } from './names';

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
