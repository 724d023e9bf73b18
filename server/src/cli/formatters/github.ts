// GitHub Actions workflow commands: each problem becomes an annotation on the
// pull request's diff. Everything taken from a file is escaped so it cannot
// end the command early or start a new one. With --since, problems the base
// had already become notices marked as existing, so the annotations' levels
// match what fails the check; each comment that silences a problem becomes a
// notice saying what it silences and why.
import type { CheckReport, SuppressedProblem } from '../report';
import { BIDI_CONTROLS, unicodeEscape } from '../terminal';
import type { FormatOptions } from './formatter';

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

// Control characters other than CR and LF (which are escaped, not dropped).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Bidi overrides, isolates and marks: shown as `\u202e`, so that an annotation reads in the order it was written.
const BIDI = new RegExp(`[${BIDI_CONTROLS}]`, 'g');

/** A command's message: `%`, CR and LF escaped; other controls dropped, bidi controls shown. */
export function escapeData(text: string): string {
  return text
    .replace(CONTROLS, '')
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(BIDI, unicodeEscape);
}

/** A command's property value: as data, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([name, value]) => `${name}=${typeof value === 'number' ? value : escapeProperty(value)}`).join(',');
  return `::${kind} ${props}::${escapeData(message)}\n`;
}

export function formatGithub(report: CheckReport, _options: FormatOptions): string {
  let out = '';
  for (const file of report.files) {
    for (const p of file.problems) {
      const existing = p.baseline === true;
      out += command(
        existing ? 'notice' : COMMANDS[p.severity],
        [
          ['file', file.path],
          ['line', p.line],
          ['col', p.column],
          ['endLine', p.endLine],
          ['endColumn', p.endColumn],
          ['title', existing ? `tde (${p.rule}, existing ${p.severity})` : `tde (${p.rule})`],
        ],
        existing ? `Existing ${p.severity}, not introduced by this change: ${p.message}` : p.message,
      );
    }
    // One notice per comment, naming every rule it silences here.
    const byComment = new Map<string, SuppressedProblem[]>();
    for (const s of file.suppressed) {
      const key = `${s.suppressedBy.line}:${s.suppressedBy.column}`;
      byComment.set(key, [...(byComment.get(key) ?? []), s]);
    }
    for (const silenced of byComment.values()) {
      const by = silenced[0]!.suppressedBy;
      const ruleList = [...new Set(silenced.map((s) => s.rule))].join(', ');
      const lines = [...new Set(silenced.map((s) => s.line))].join(', ');
      out += command(
        'notice',
        [
          ['file', file.path],
          ['line', by.line],
          ['col', by.column],
          ['title', `tde: silenced ${ruleList}`],
        ],
        `This comment silences ${ruleList} (line ${lines}). ${by.reason ? `Reason given: ${by.reason}` : 'It gives no reason.'}`,
      );
    }
  }
  return out;
}
