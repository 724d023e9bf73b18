// The words we show people, in their language. Every door (the language
// server, the CLI, the public site) looks its strings up here; the strings
// themselves live in `l10n/<lang>.json`, one catalogue per language, which a
// translator edits without reading code (see l10n/README.md).
//
// English is the source: `l10n/en.json` holds our own interface strings, and
// the method's vocabulary (steps, tactics, criteria, values) stays in
// schemas/src/vocabulary.json, where the schemas are built from. Another
// language's catalogue translates both: the vocabulary under `vocabulary.*`
// keys. A key a catalogue lacks falls back to English, so a half-done
// translation never shows a key to a user.
import en from '../../../l10n/en.json';
import es from '../../../l10n/es.json';

/** The languages we ship, English first. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalogue = Record<string, string>;

const catalogues: Record<Language, Catalogue> = { en, es };

/** Whether a text names one of our languages exactly (`es`, not `es-MX`). */
function isLanguage(text: string): text is Language {
  return (LANGUAGES as readonly string[]).includes(text);
}

/**
 * Our language for a locale as editors and shells give it: `es`, `es-MX`,
 * `es_ES.UTF-8` → `es`; anything we do not ship, or nothing, → `en`.
 */
export function languageOfLocale(locale: string | undefined): Language {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
  return isLanguage(primary) ? primary : 'en';
}

/** Values put into a message's `{name}` slots. */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * The text of `key` in `language`, with each `{name}` replaced by its value.
 * A slot with no value is left as written, so a missing value shows, not hides.
 * A number is written as the language writes numbers.
 */
export function message(language: Language, key: string, values: MessageValues = {}): string {
  const template = catalogues[language][key] ?? catalogues.en[key];
  if (template === undefined) throw new Error(`No English text for the message "${key}" in l10n/en.json.`);
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) return slot;
    const value = values[name]!;
    // A count reads as the language writes it: 1,234 in English, 1234 or 12.345 in Spanish.
    return typeof value === 'number' ? value.toLocaleString(language) : value;
  });
}

/**
 * A word of the method's vocabulary in `language`: `english` as written in
 * schemas/src/vocabulary.json when the language is English or the catalogue
 * has no `vocabulary.<path>` key for it.
 */
export function vocabularyText(language: Language, path: string, english: string): string {
  if (language === 'en') return english;
  return catalogues[language][`vocabulary.${path}`] ?? english;
}

/** The keys of a language's catalogue, for the test that keeps catalogues complete. */
export function catalogueKeys(language: Language): string[] {
  return Object.keys(catalogues[language]);
}
