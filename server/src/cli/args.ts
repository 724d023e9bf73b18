// A small, strict command-line parser: every option is declared, so a typo is
// a usage error with a one-line message instead of a silently ignored flag.
import { CliError } from './io';
import { terminalSafe } from './terminal';

export interface OptionSpec {
  /** Long name without dashes, e.g. `format`. */
  name: string;
  /** One-letter alias without the dash, e.g. `f`. */
  short?: string;
  /** Takes a value (`--format json`, `--format=json`, `-f json`). */
  value?: boolean;
}

interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const hint = command ? `tde ${command} --help` : 'tde --help';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    let shown: string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      spec = byLong.get(name);
      shown = `--${name}`;
    } else {
      spec = byShort.get(arg[1]!);
      shown = arg.slice(0, 2);
      if (arg.length > 2) inline = arg[2] === '=' ? arg.slice(3) : arg.slice(2);
      if (spec && !spec.value && inline !== undefined) spec = undefined;
      if (!spec) shown = arg;
    }
    if (!spec) throw new CliError(`unknown option ${printable(shown)} (see ${hint})`);
    if (spec.value) {
      let value = inline;
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new CliError(`${shown} needs a value (see ${hint})`);
        value = argv[++i]!;
      }
      options.set(spec.name, value);
    } else {
      if (inline !== undefined) throw new CliError(`${shown} takes no value`);
      options.set(spec.name, true);
    }
  }
  return { options, positionals };
}

/** A user string made safe to echo in a one-line message. */
export function printable(text: string): string {
  return terminalSafe(text);
}

/** The options every reporting command (check, diff, status) shares. */
export const REPORT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'color' },
  { name: 'no-color' },
  { name: 'help', short: 'h' },
];

/** The chosen `--format`, checked against a command's formats. */
export function chosenFormat<F extends string>(options: ParsedArgs['options'], formats: readonly F[], fallback: F, kind: string): F {
  const format = (options.get('format') as string | undefined) ?? fallback;
  if (!(formats as readonly string[]).includes(format)) throw new CliError(`unknown ${kind} ${printable(format)}; formats: ${formats.join(', ')}`);
  return format as F;
}

/** --color / --no-color as a tri-state (undefined: decide from the terminal and NO_COLOR). */
export function colorFlag(options: ParsedArgs['options']): boolean | undefined {
  if (options.has('color') && options.has('no-color')) throw new CliError('use either --color or --no-color, not both');
  return options.has('color') ? true : options.has('no-color') ? false : undefined;
}
