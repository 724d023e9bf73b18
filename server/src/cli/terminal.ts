// Terminal output: colors when wanted, and user text made unable to drive
// the terminal (escape sequences, carriage returns, bidi overrides).

export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const colors: Palette = {
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
  green: sgr(32, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
  underline: sgr(4, 24),
};

const same = (text: string) => text;
export const noColors: Palette = { red: same, yellow: same, cyan: same, green: same, dim: same, bold: same, underline: same };

/**
 * Whether to color: `--no-color` and NO_COLOR (any non-empty value) turn it
 * off, `--color` and FORCE_COLOR (other than 0/false) turn it on, and
 * otherwise only a terminal gets colors.
 */
export function wantsColor(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  return isTTY;
}

export { BIDI_CONTROLS, unicodeEscape } from '../engine/controlCharacters';
import { BIDI_CONTROLS, unicodeEscape } from '../engine/controlCharacters';

// C0 and C1 controls, DEL, and the bidi controls.
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]`, 'g');

/** User or file text for one terminal line: controls shown as escapes, never obeyed. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    switch (ch) {
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return ' ';
      default: return unicodeEscape(ch);
    }
  });
}

// A line a GitHub Actions runner takes for a workflow command: `::` at its
// start once leading blanks are trimmed (.NET's white space: Unicode spaces
// and NEL too). Color codes count as blanks here (a log shows none); line
// breaks do not (each line is tested on its own).
// eslint-disable-next-line no-control-regex
const COMMAND_START = /^((?:[^\S\r\n\u2028\u2029]|\u0085|\u001b\[[0-9;]*m)*):(?=:)/gm;

/** How lineSafe writes the first colon of a line that would be a command. */
export const ESCAPED_COLON = { terminal: '\\:', markup: '&#58;' } as const;

/**
 * Output a runner will not obey: in each line that would start with `::`, the
 * first colon is written escaped. At a terminal as `\::error::…`, an escape
 * like terminalSafe's `\u001b`; in Markdown and HTML as `&#58;`, which renders
 * as the colon itself. Lines without `::` at their start are left as they are.
 */
export function lineSafe(text: string, colon: string = ESCAPED_COLON.terminal): string {
  return text.replace(COMMAND_START, (_match, blanks: string) => `${blanks}${colon}`);
}

/**
 * A relative path for the start of a line: `./::warning::x.tde.yaml` where
 * the path alone would be a workflow command. The same file, still a path an
 * editor or a shell can open, as terminalSafe text.
 */
export function linePath(path: string): string {
  const shown = terminalSafe(path);
  return /^\s*::/.test(shown) ? `./${shown}` : shown;
}

// What JSON.stringify leaves raw that a terminal or a page would obey: DEL,
// C1 controls, bidi controls, and the line and paragraph separators.
const JSON_UNSAFE = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${BIDI_CONTROLS}]`, 'g');

/**
 * A JSON report as text: JSON.stringify's, with the characters above written
 * as `\u202e` escapes. They occur only inside strings, so the value a program
 * reads is the same; only someone printing the file sees the difference.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(JSON_UNSAFE, unicodeEscape)}\n`;
}

/** Visible width of a string without its color codes. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
