// The manifest's words (command titles, settings, the walkthrough, the view)
// come from package.nls.json, and every language VS Code may show has them all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8'));
const manifestText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const english: Record<string, string> = read('package.nls.json');
const translations = fs.readdirSync(ROOT).filter((name) => /^package\.nls\.[\w-]+\.json$/.test(name));

/** Every `%key%` the manifest refers to. */
const referenced = [...manifestText.matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]!);

/** What must survive translation: links (docs, commands) and code spans (ids, values, file names). */
const kept = (text: string): string[] => [...text.matchAll(/\]\(([^)]+)\)|`([^`]+)`/g)].map((match) => match[1] ?? match[2]!).sort();

describe('manifest words (package.nls*.json)', () => {
  it('has an English text for every %key% of package.json, and no key package.json does not use', () => {
    assert.ok(referenced.length > 50, `only ${referenced.length} references`);
    assert.deepEqual(referenced.filter((key) => english[key] === undefined), []);
    assert.deepEqual(Object.keys(english).filter((key) => !referenced.includes(key)), []);
  });

  it('names every word VS Code shows from the manifest by a %key%', () => {
    const shownFields = new Set(['title', 'description', 'markdownDescription', 'enumDescriptions', 'name', 'displayName']);
    const plain: string[] = [];
    const walk = (value: unknown, where: string, shown: boolean): void => {
      if (typeof value === 'string') {
        if (shown && !/^%[^%]+%$/.test(value) && !/^(TDE|tde)$/.test(value)) plain.push(`${where}: ${value}`);
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => walk(item, `${where}[${i}]`, shown));
      } else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) walk(item, `${where}.${key}`, shownFields.has(key));
      }
    };
    const manifest = JSON.parse(manifestText);
    walk({ displayName: manifest.displayName, description: manifest.description }, 'package', false);
    for (const part of ['commands', 'configuration', 'walkthroughs', 'views', 'codeActions']) walk(manifest.contributes[part], part, false);
    assert.deepEqual(plain, []);
  });

  it('has a Spanish catalogue', () => assert.ok(translations.includes('package.nls.es.json'), translations.join()));

  for (const name of translations) {
    const words: Record<string, string> = read(name);
    it(`${name}: has every key of package.nls.json, and only those`, () => {
      assert.deepEqual(Object.keys(english).filter((key) => words[key] === undefined), [], 'keys to translate');
      assert.deepEqual(Object.keys(words).filter((key) => english[key] === undefined), [], 'keys nothing reads');
    });

    it(`${name}: keeps every link, command and code span of the English`, () => {
      const changed = Object.keys(english).filter((key) => words[key] !== undefined && kept(words[key]!).join('\n') !== kept(english[key]!).join('\n'));
      assert.deepEqual(changed, []);
    });

    it(`${name}: translates what people read (no text left as the English)`, () => {
      const same = Object.keys(english).filter((key) => words[key] === english[key] && !/^(TDE|\w+)$/.test(english[key]!));
      assert.deepEqual(same, []);
    });
  }
});
