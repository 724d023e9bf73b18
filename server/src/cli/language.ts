// The language of the words a command prints (problems, rule descriptions,
// the pitch): `--lang en|es`, else the locale the shell gives (LC_ALL, then
// LC_MESSAGES, then LANG, as gettext reads them), else English. Rule ids,
// option names and the help text stay English.
import { LANGUAGES, languageOfLocale, type Language } from '../shared/l10n';
import { printable, type OptionSpec } from './args';
import { CliError } from './io';

export const LANG_OPTION: OptionSpec = { name: 'lang', value: true };

export function chosenLanguage(options: Map<string, string | true>, env: Record<string, string | undefined>): Language {
  const given = options.get(LANG_OPTION.name);
  if (typeof given === 'string') {
    const language = given.trim().toLowerCase();
    if (!(LANGUAGES as readonly string[]).includes(language)) throw new CliError(`unknown language ${printable(given)} for --lang; choose ${LANGUAGES.join(' or ')}`);
    return language as Language;
  }
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '');
  return languageOfLocale(locale);
}
