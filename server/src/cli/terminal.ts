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

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates
// ("Trojan Source") that can make a terminal show text in another order.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** User or file text for one terminal line: controls shown as escapes, never obeyed. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    switch (ch) {
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return ' ';
      default: return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

/** Visible width of a string without its color codes. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
