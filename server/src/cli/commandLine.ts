// How a command's options are declared, and the one parser over those
// declarations. Every option is declared, so a typo is a usage error with a
// one-line message instead of a silently ignored flag; values come out typed
// (a count as a number, a format as one of its names), so no command reads
// a raw string map. The help texts are built from the same declarations
// (help.ts).
import { CliError } from './world';
import { terminalSafe } from './terminal';

/** An option without a value: `--quiet`. */
interface FlagOption {
  short?: string;
  help: string;
  /** `--no-NAME` too: true, false, or undefined when neither is given. */
  negatable?: true;
}

/** An option with a value: `--format json`, `--format=json`, `-f json`. */
interface ValueOption {
  short?: string;
  /** The value's name in the help: `NAME`, `FILE`, `N`. */
  value: string;
  help: string;
  /** The report formats it accepts; a wrong one is named with `formatKind` ("diff format"). */
  formats?: readonly string[];
  formatKind?: string;
  /** Other closed lists of words it accepts. */
  choices?: readonly string[];
  /** What it means when not given (a format or a choice). */
  default?: string;
  /** A whole number of 0 or more. */
  count?: true;
}

export type OptionDeclaration = FlagOption | ValueOption;

/** A command as `tde --help` and `tde COMMAND --help` show it, and as its arguments are read. */
export interface CommandDeclaration<O extends Record<string, OptionDeclaration> = Record<string, OptionDeclaration>> {
  /** Its lines in `tde --help`: what follows the name, and what it does. */
  summary: readonly (readonly [string, string])[];
  /** The `Usage:` lines, after `tde NAME`. */
  usage: readonly string[];
  /** What it does, in a paragraph or two. */
  about: string;
  /** Keyed by the option's name in camelCase: `maxWarnings` is `--max-warnings`. */
  options: O;
  /** What follows the options in the help: formats, exit codes. */
  footer?: string;
  /** What comes after `--` is a list of paths apart from the other operands (`tde diff BASE -- PATH`). */
  pathsAfterDashes?: true;
  /** A value that is empty or blank counts as not given (a workflow passes its inputs through as they are). */
  blankIsAbsent?: true;
}

type ValueOf<D> = D extends { count: true }
  ? number | undefined
  : D extends { formats: readonly (infer F)[]; default: string }
    ? F
    : D extends { formats: readonly (infer F)[] }
      ? F | undefined
      : D extends { choices: readonly (infer C)[]; default: string }
        ? C
        : D extends { choices: readonly (infer C)[] }
          ? C | undefined
          : D extends { value: string }
            ? string | undefined
            : D extends { negatable: true }
              ? boolean | undefined
              : boolean;

type OptionValues<O> = { -readonly [K in keyof O]: ValueOf<O[K]> };

/** What a command is given: its options, typed, and its operands. */
export interface CommandInput<O> {
  options: OptionValues<O>;
  operands: string[];
  /** After `--`, for a command that declares `pathsAfterDashes`; else empty. */
  paths: string[];
}

/** Declares a command, keeping the exact types of its options. */
export function defineCommand<const O extends Record<string, OptionDeclaration>>(declaration: CommandDeclaration<O>): CommandDeclaration<O> {
  return declaration;
}

/** `maxWarnings` → `max-warnings`. */
export function longName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Every command takes `-h, --help`. */
export const HELP_OPTION = { short: 'h', help: 'show this help' } as const;

/**
 * Reads a command's arguments by its declaration: `'help'` when `-h`/`--help`
 * is among them (what else they hold is not judged), else the typed input.
 */
export function parseCommandLine<O extends Record<string, OptionDeclaration>>(
  argv: readonly string[],
  command: string,
  declaration: CommandDeclaration<O>,
): CommandInput<O> | 'help' {
  const declared = new Map<string, { key: string; option: OptionDeclaration | typeof HELP_OPTION }>();
  for (const [key, option] of [...Object.entries(declaration.options), ['help', HELP_OPTION] as const]) {
    declared.set(`--${longName(key)}`, { key, option });
    if (option.short) declared.set(`-${option.short}`, { key, option });
    if ('negatable' in option && option.negatable) declared.set(`--no-${longName(key)}`, { key, option });
  }
  const hint = `tde ${command} --help`;
  const given = new Map<string, { shown: string; value: string | boolean }[]>();
  const operands: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      (declaration.pathsAfterDashes ? paths : operands).push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    let shown: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      shown = eq === -1 ? arg : arg.slice(0, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      shown = arg.slice(0, 2);
      if (arg.length > 2) inline = arg[2] === '=' ? arg.slice(3) : arg.slice(2);
    }
    let found = declared.get(shown);
    // `-qx` is not `-q` with a value: the whole of it is unknown.
    if (found && !arg.startsWith('--') && !('value' in found.option) && inline !== undefined) found = undefined;
    if (!found) throw new CliError(`unknown option ${printable(arg.startsWith('--') ? shown : arg)} (see ${hint})`);
    const { key, option } = found;
    let value: string | boolean;
    if ('value' in option) {
      if (inline === undefined) {
        if (i + 1 >= argv.length) throw new CliError(`${shown} needs a value (see ${hint})`);
        inline = argv[++i]!;
      }
      value = inline;
    } else {
      if (inline !== undefined) throw new CliError(`${shown} takes no value`);
      value = !shown.startsWith('--no-') || shown === `--${longName(key)}`;
    }
    given.set(key, [...(given.get(key) ?? []), { shown, value }]);
  }
  if (given.has('help')) return 'help';
  const options: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(declaration.options)) {
    options[key] = optionValue(key, option, given.get(key) ?? [], declaration.blankIsAbsent);
  }
  return { options: options as OptionValues<O>, operands, paths };
}

function optionValue(key: string, option: OptionDeclaration, given: readonly { shown: string; value: string | boolean }[], blankIsAbsent?: boolean): unknown {
  if (!('value' in option)) {
    if (!option.negatable) return given.length > 0;
    const said = new Set(given.map((g) => g.value));
    if (said.size > 1) throw new CliError(`use either --${longName(key)} or --no-${longName(key)}, not both`);
    return given.length ? given[0]!.value : undefined;
  }
  // The last one given wins, as with most tools.
  const last = given.at(-1);
  let text = typeof last?.value === 'string' ? last.value : undefined;
  if (blankIsAbsent && text !== undefined) text = text.trim() || undefined;
  if (text === undefined) return option.default;
  const shown = last!.shown;
  if (option.count) {
    if (!/^\d+$/.test(text.trim())) throw new CliError(`${shown} needs a whole number of 0 or more, got ${printable(text)}`);
    return Number(text.trim());
  }
  if (option.formats && !option.formats.includes(text)) {
    throw new CliError(`unknown ${option.formatKind ?? 'format'} ${printable(text)}; formats: ${option.formats.join(', ')}`);
  }
  if (option.choices && !option.choices.includes(text)) {
    throw new CliError(`${shown} takes ${option.choices.join(' or ')}, got ${printable(text)}`);
  }
  return text;
}

/** A user string made safe to echo in a one-line message. */
export function printable(text: string): string {
  return terminalSafe(text);
}
