// The CLI as a function: arguments and a world in, an exit code out, so tests
// run it in-process and as a real process alike. Every command's arguments are
// read here, by its declaration (help.ts); its module loads lazily, with
// require() (which the bundle and the tests' CommonJS loader both resolve):
// `tde --version` never loads the YAML parser or the schema validator.
import { parseCommandLine, printable } from './commandLine';
import { COMMANDS, commandHelp, DECLARATIONS, isCommandName, MAIN_HELP, type CommandName, type CommandRun } from './help';
import { CliError, ExitCode, type CliIO } from './world';
import { VERSION } from './version';

export {  type CliIO } from './world';

/** Each command's work, loaded when it runs. */
const RUNS: { [N in CommandName]: () => CommandRun<N> } = {
  check: () => (require('./commands/check') as typeof import('./commands/check')).checkCommand,
  status: () => (require('./commands/status') as typeof import('./commands/status')).statusCommand,
  diff: () => (require('./commands/diff') as typeof import('./commands/diff')).diffCommand,
  'ci-summary': () => (require('./commands/ciSummary') as typeof import('./commands/ciSummary')).ciSummaryCommand,
  pitch: () => (require('./commands/pitch') as typeof import('./commands/pitch')).pitchCommand,
  init: () => (require('./commands/init') as typeof import('./commands/init')).initCommand,
  rules: () => (require('./commands/rules') as typeof import('./commands/rules')).rulesCommand,
  site: () => (require('./commands/site') as typeof import('./commands/site')).siteCommand,
};

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`tde: ${error.message}\n`);
      return ExitCode.UsageOrIO;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`tde: internal error (please report it): ${detail}\n`);
    return ExitCode.UsageOrIO;
  }
}

/** Reads a command's arguments once, by its declaration, and runs it with them. */
async function runCommand<N extends CommandName>(name: N, argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const input = parseCommandLine(argv, name, DECLARATIONS[name]);
  if (input === 'help') {
    io.stdout(commandHelp(name));
    return ExitCode.Clean;
  }
  return RUNS[name]()(input, io);
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (isCommandName(command)) return runCommand(command, rest, io);
  switch (command) {
    case undefined:
      io.stderr(MAIN_HELP);
      return ExitCode.UsageOrIO;
    case '-h':
    case '--help':
      io.stdout(MAIN_HELP);
      return ExitCode.Clean;
    case 'help': {
      const topic = rest[0];
      if (topic === undefined) io.stdout(MAIN_HELP);
      else if (isCommandName(topic)) io.stdout(commandHelp(topic));
      else throw new CliError(`no help for ${printable(topic)}; commands: ${Object.keys(COMMANDS).join(', ')}`);
      return ExitCode.Clean;
    }
    case '-v':
    case '-V':
    case '--version':
      io.stdout(`${VERSION}\n`);
      return ExitCode.Clean;
    default: {
      if (command.startsWith('-')) {
        throw new CliError(`unknown option ${printable(command)}; options go after the command, as in 'tde check ${printable(command)}' (see tde --help)`);
      }
      const hint = /\.ya?ml$/i.test(command) ? ` Did you mean 'tde check ${printable(command)}'?` : '';
      throw new CliError(`unknown command ${printable(command)}.${hint} Run 'tde --help' for the commands.`);
    }
  }
}
