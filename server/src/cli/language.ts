// The language of the words a command prints (problems, rule descriptions,
// the pitch): `--lang en|es`, else the locale the shell gives (LC_ALL, then
// LC_MESSAGES, then LANG, as gettext reads them), else English. Rule ids,
// option names and the help text stay English.
import { LANGUAGES, languageOfLocale, type Language } from '../shared/l10n';
import { printable } from './commandLine';
import { CliError } from './world';

export function chosenLanguage(given: string | undefined, env: Record<string, string | undefined>): Language {
  if (given !== undefined) {
    const language = LANGUAGES.find((known) => known === given.trim().toLowerCase());
    if (!language) throw new CliError(`unknown language ${printable(given)} for --lang; choose ${LANGUAGES.join(' or ')}`);
    return language;
  }
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '');
  return languageOfLocale(locale);
}
