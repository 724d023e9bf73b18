// GitHub Actions workflow commands: each problem becomes an annotation on the
// pull request's diff. Everything taken from a file is escaped so it cannot
// end the command early or start a new one.
import type { CheckReport } from '../report';
import type { FormatOptions } from './index';

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

// Control characters other than CR and LF (which are escaped, not dropped).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** A command's message: `%`, CR and LF escaped; other controls dropped. */
export function escapeData(text: string): string {
  return text.replace(CONTROLS, '').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as data, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport, _options: FormatOptions): string {
  let out = '';
  for (const file of report.files) {
    for (const p of file.problems) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`tde (${p.rule})`)}`,
      ].join(',');
      out += `::${COMMANDS[p.severity]} ${properties}::${escapeData(p.message)}\n`;
    }
  }
  return out;
}
