// `tde status` formats: one row per project file.
import type { StatusReport } from '../../statusReport';
import type { Palette } from '../../terminal';
import type { STATUS_FORMATS } from '../names';

type StatusFormatter = (report: StatusReport, palette: Palette) => string;

type StatusFormat = (typeof STATUS_FORMATS)[number];

export function loadStatusFormatter(name: StatusFormat): StatusFormatter {
  switch (name) {
    case 'stylish': return (require('./stylish') as typeof import('./stylish')).formatStatusStylish;
    case 'markdown': return (require('./markdown') as typeof import('./markdown')).formatStatusMarkdown;
    case 'json': return (require('./json') as typeof import('./json')).formatStatusJson;
  }
}
