// `tde rules`: every rule, its default severity and what it flags.
import { ruleOffers, rules, summarizeRule } from '../../engine';
import { ruleDescription } from '../../engine/rule';
import { chosenLanguage, LANG_OPTION } from '../language';
import { parseArgs, printable } from '../args';
import { RULES_HELP } from '../help';
import { CliError, ExitCode, type CliIO } from '../io';

export async function rulesCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { options, positionals } = parseArgs(argv, [{ name: 'format', short: 'f', value: true }, LANG_OPTION, { name: 'help', short: 'h' }], 'rules');
  if (options.has('help')) {
    io.stdout(RULES_HELP);
    return ExitCode.Clean;
  }
  if (positionals.length) throw new CliError(`tde rules takes no arguments, got ${printable(positionals[0]!)}`);
  const format = (options.get('format') as string | undefined) ?? 'text';
  const language = chosenLanguage(options, io.env);
  if (format === 'json') {
    io.stdout(`${JSON.stringify(rules.map((rule) => summarizeRule(rule, language)), null, 2)}\n`);
    return ExitCode.Clean;
  }
  if (format !== 'text') throw new CliError(`unknown rules format ${printable(format)}; formats: text, json`);
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const severityWidth = Math.max(...rules.map((r) => r.defaultSeverity.length));
  const lines = rules.map((r) => {
    const notes = [r.defaultSeverityText ? `(default: ${r.defaultSeverityText.replace(/`/g, '')})` : '', ruleOffers(r) ? `(${ruleOffers(r)})` : '']
      .filter(Boolean)
      .join(' ');
    return `${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(severityWidth)}  ${ruleDescription(r.id, language)}${notes ? ` ${notes}` : ''}`;
  });
  io.stdout(`${lines.join('\n')}\n`);
  return ExitCode.Clean;
}
