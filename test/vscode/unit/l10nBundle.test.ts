// The extension's own messages (pop-ups, the status bar, the Projects view,
// the preview's words) go through vscode.l10n.t, keyed by their English text:
// every one has a translation in each l10n/bundle.l10n.<lang>.json, with the
// same {0} slots and $(icons), and no translation is left that nothing asks for.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLIENT = path.join(ROOT, 'client', 'src');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const bundles = fs.readdirSync(path.join(ROOT, 'l10n')).filter((name) => /^bundle\.l10n\.[\w-]+\.json$/.test(name));

/** The English texts of every vscode.l10n.t call in client/src, and the calls whose text is not a plain literal. */
function l10nCalls(): { texts: Set<string>; unreadable: string[] } {
  const texts = new Set<string>();
  const unreadable: string[] = [];
  for (const file of fs.readdirSync(CLIENT, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(CLIENT, file), 'utf8');
    for (const call of source.matchAll(/vscode\.l10n\.t\(\s*/g)) {
      const rest = source.slice(call.index! + call[0].length);
      const literal = /^(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")\s*[,)]/.exec(rest);
      if (literal) texts.add((literal[1] ?? literal[2]!).replace(/\\(.)/g, '$1'));
      else unreadable.push(`${file}: ${rest.slice(0, 40)}`);
    }
  }
  return { texts, unreadable };
}

const marks = (text: string): string => [...text.matchAll(/\{\d+\}|\$\([\w-]+\)/g)].map((match) => match[0]).sort().join(' ');

describe('extension messages (l10n/bundle.l10n.*.json)', () => {
  const { texts, unreadable } = l10nCalls();

  it('finds every message the client shows as a literal text', () => {
    assert.deepEqual(unreadable, [], 'a vscode.l10n.t call whose first argument is not a quoted text');
    assert.ok(texts.size > 50, `only ${texts.size} messages found`);
    assert.ok(texts.has('Pitch Preview'));
  });

  it('declares the bundles folder in package.json, and has a Spanish bundle', () => {
    assert.equal(manifest.l10n, './l10n');
    assert.ok(bundles.includes('bundle.l10n.es.json'), bundles.join());
  });

  for (const name of bundles) {
    const bundle: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', name), 'utf8'));
    it(`${name}: translates every message, and only those`, () => {
      assert.deepEqual([...texts].filter((text) => typeof bundle[text] !== 'string'), [], 'messages to translate');
      assert.deepEqual(Object.keys(bundle).filter((text) => !texts.has(text)), [], 'translations nothing asks for');
    });

    it(`${name}: keeps every {0} slot and $(icon)`, () => {
      assert.deepEqual(Object.keys(bundle).filter((text) => marks(text) !== marks(bundle[text]!)), []);
    });
  }
});
