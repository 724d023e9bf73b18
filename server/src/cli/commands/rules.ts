// `tde rules`: every rule, its default severity and what it flags.
import { ruleOffers, rules, summarizeRule } from '../../engine';
import { printable } from '../commandLine';
import type { InputOf } from '../help';
import { ruleDescription } from '../../engine/rule';
import { chosenLanguage } from '../language';
import { CliError, ExitCode, type CliIO } from '../world';

export async function rulesCommand({ options, operands }: InputOf<'rules'>, io: CliIO): Promise<ExitCode> {
  if (operands.length) throw new CliError(`tde rules takes no arguments, got ${printable(operands[0]!)}`);
  const language = chosenLanguage(options.lang, io.env);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(rules.map((rule) => summarizeRule(rule, language)), null, 2)}\n`);
    return ExitCode.Clean;
  }
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
