// `tde diff` formats: what a change means for each project, in TDE terms.
import type { DiffReport } from '../../diffReport';
import type { Palette } from '../../terminal';
import type { DIFF_FORMATS } from '../names';

type DiffFormatter = (report: DiffReport, palette: Palette) => string;

type DiffFormat = (typeof DIFF_FORMATS)[number];

export function loadDiffFormatter(name: DiffFormat): DiffFormatter {
  switch (name) {
    case 'stylish': return (require('./stylish') as typeof import('./stylish')).formatDiffStylish;
    case 'markdown': return (require('./markdown') as typeof import('./markdown')).formatDiffMarkdown;
    case 'json': return (require('./json') as typeof import('./json')).formatDiffJson;
  }
}
