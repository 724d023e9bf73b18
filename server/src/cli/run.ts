// The CLI as a function: arguments and a world in, an exit code out, so tests
// run it in-process and as a real process alike. Commands load lazily, with
// require() (which the bundle and the tests' CommonJS loader both resolve):
// `tde --version` never loads the YAML parser or the schema validator.
import { printable } from './args';
import { CHECK_HELP, CI_SUMMARY_HELP, DIFF_HELP, INIT_HELP, MAIN_HELP, PITCH_HELP, RULES_HELP, SITE_HELP, STATUS_HELP } from './help';
import { CliError, ExitCode, type CliIO } from './io';
import { VERSION } from './version';

export {  type CliIO } from './io';

const COMMAND_HELP: Record<string, string> = {
  check: CHECK_HELP,
  status: STATUS_HELP,
  diff: DIFF_HELP,
  pitch: PITCH_HELP,
  init: INIT_HELP,
  rules: RULES_HELP,
  'ci-summary': CI_SUMMARY_HELP,
  site: SITE_HELP,
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

async function dispatch(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [command, ...rest] = argv;
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
      else if (COMMAND_HELP[topic]) io.stdout(COMMAND_HELP[topic]);
      else throw new CliError(`no help for ${printable(topic)}; commands: ${Object.keys(COMMAND_HELP).join(', ')}`);
      return ExitCode.Clean;
    }
    case '-v':
    case '-V':
    case '--version':
      io.stdout(`${VERSION}\n`);
      return ExitCode.Clean;
    case 'check':
      return (require('./commands/check') as typeof import('./commands/check')).checkCommand(rest, io);
    case 'status':
      return (require('./commands/status') as typeof import('./commands/status')).statusCommand(rest, io);
    case 'diff':
      return (require('./commands/diff') as typeof import('./commands/diff')).diffCommand(rest, io);
    case 'ci-summary':
      return (require('./commands/ciSummary') as typeof import('./commands/ciSummary')).ciSummaryCommand(rest, io);
    case 'pitch':
      return (require('./commands/pitch') as typeof import('./commands/pitch')).pitchCommand(rest, io);
    case 'init':
      return (require('./commands/init') as typeof import('./commands/init')).initCommand(rest, io);
    case 'rules':
      return (require('./commands/rules') as typeof import('./commands/rules')).rulesCommand(rest, io);
    case 'site':
      return (require('./commands/site') as typeof import('./commands/site')).siteCommand(rest, io);
    default: {
      if (command.startsWith('-')) {
        throw new CliError(`unknown option ${printable(command)}; options go after the command, as in 'tde check ${printable(command)}' (see tde --help)`);
      }
      const hint = /\.ya?ml$/i.test(command) ? ` Did you mean 'tde check ${printable(command)}'?` : '';
      throw new CliError(`unknown command ${printable(command)}.${hint} Run 'tde --help' for the commands.`);
    }
  }
}
