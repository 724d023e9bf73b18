// The catalogues stay whole: every language has every English key, keeps
// every slot, translates only vocabulary that exists, and quotes with plain
// quotes (the Problems panel shows backticks as they are).
import * as assert from 'node:assert/strict';
import common from '../../schemas/src/common.json';
import design from '../../schemas/src/design.json';
import find from '../../schemas/src/find.json';
import implement from '../../schemas/src/implement.json';
import project from '../../schemas/src/project.json';
import refine from '../../schemas/src/refine.json';
import tde from '../../schemas/src/tde.json';
import vocabularyJson from '../../schemas/src/vocabulary.json';
import { catalogueKeys, type Language, LANGUAGES, languageOfLocale, message, vocabularyText } from '../../server/src/shared/l10n';

/** Every `vocabulary.*` key a translation may have, from the English vocabulary. */
function vocabularyKeys(): Set<string> {
  const keys = new Set<string>();
  const add = (path: string): void => void keys.add(`vocabulary.${path}`);
  for (const step of vocabularyJson.steps) for (const field of ['title', 'summary', 'keyResult']) add(`step.${step.id}.${field}`);
  for (const tactic of vocabularyJson.tactics) {
    for (const field of ['name', 'summary', 'description', 'worksWellWhen']) add(`tactic.${tactic.id}.${field}`);
    for (const criterion of (tactic as { criteria?: { id: string }[] }).criteria ?? []) add(`tactic.${tactic.id}.criterion.${criterion.id}`);
  }
  for (const [name, values] of Object.entries(vocabularyJson.enums)) for (const entry of values) add(`enum.${name}.${String(entry.value)}`);
  for (const blank of vocabularyJson.pitchBlanks) for (const field of ['label', 'description']) add(`pitchBlank.${blank.key}.${field}`);
  return keys;
}

/**
 * Every `vocabulary.schema.*` key: a title or description of the format's
 * keys, named by where it is written: `schema.<file>.<pointer>` for a file's
 * own node, `schema.<definition>.<pointer>` inside one of its definitions.
 */
function schemaKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${at}.${i}`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'title' || key === 'description') && typeof value === 'string') keys.add(`vocabulary.${at}.${key}`);
      else if (key === '$defs') for (const [name, definition] of Object.entries(value as object)) walk(definition, `schema.${name}`);
      else walk(value, `${at}.${key}`);
    }
  };
  for (const [name, source] of Object.entries({ common, project, find, refine, design, implement, tde })) walk(source, `schema.${name}`);
  return keys;
}

const slotsOf = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

describe('catalogues (l10n/*.json)', () => {
  const english = new Set(catalogueKeys('en'));
  const schema = schemaKeys();
  const vocabulary = new Set([...vocabularyKeys(), ...schema]);

  for (const language of LANGUAGES.filter((code): code is Exclude<Language, 'en'> => code !== 'en')) {
    it(`${language}: has every English key and no key English lacks`, () => {
      const keys = new Set(catalogueKeys(language));
      assert.deepEqual([...english].filter((key) => !keys.has(key)), [], 'keys to translate');
      assert.deepEqual([...keys].filter((key) => !english.has(key) && !vocabulary.has(key)), [], 'keys that nothing reads');
    });

    it(`${language}: translates the whole of the method's vocabulary`, () => {
      const keys = new Set(catalogueKeys(language));
      assert.deepEqual([...vocabulary].filter((key) => !keys.has(key)), [], 'vocabulary to translate');
    });

    it(`${language}: translates every title and description of the format's keys (schemas/src)`, () => {
      const keys = new Set(catalogueKeys(language));
      assert.deepEqual([...schema].filter((key) => !keys.has(key)), [], 'schema words to translate');
    });

    it(`${language}: keeps every slot of the English text`, () => {
      const changed = [...english].filter((key) => catalogueKeys(language).includes(key))
        .filter((key) => slotsOf(message('en', key)).join() !== slotsOf(message(language, key)).join());
      assert.deepEqual(changed, []);
    });
  }

  for (const language of LANGUAGES) {
    it(`${language}: quotes with plain quotes, never backticks`, () => {
      assert.deepEqual(catalogueKeys(language).filter((key) => message(language, key).includes('`')), []);
    });
  }

  it('has a short label for every value a field may take', () => {
    const labels = Object.entries(vocabularyJson.enums).flatMap(([name, values]) => values.map((entry) => `value.${name}.${String(entry.value)}`));
    assert.deepEqual(labels.filter((key) => !english.has(key)), []);
  });

  it('reads the language from a locale as editors and shells write it', () => {
    assert.deepEqual(['es', 'es-MX', 'es_ES.UTF-8', 'ES', 'en-US', 'fr', '', undefined, 'C'].map(languageOfLocale),
      ['es', 'es', 'es', 'es', 'en', 'en', 'en', 'en', 'en']);
  });

  it('fills slots, and falls back to English where a catalogue has no translation', () => {
    assert.equal(message('es', 'value.status.done'), 'terminada');
    assert.equal(vocabularyText('es', 'tactic.no-such-tactic.name', 'As written'), 'As written');
    assert.equal(vocabularyText('en', 'step.find.title', 'Find'), 'Find');
  });
});
