// The extension manifest (package.json contributes) agrees with the code:
// every rule has a setting, every command is registered, every file exists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../../server/src/engine';
import { FIX_ALL_KIND } from '../../../server/src/lsp/codeActions';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
/** A manifest text as VS Code shows it in English: `%key%` read from package.nls.json. */
const englishWords = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const shown = (text: string): string => text.replace(/^%(.+)%$/, (_, key: string) => englishWords[key] ?? text);
const exists = (relative: string) => fs.existsSync(path.join(ROOT, relative));
const clientSource = fs
  .readdirSync(path.join(ROOT, 'client', 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => fs.readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8'))
  .join('\n');

describe('extension manifest', () => {
  it('has a tde.rules setting for every rule, and only those', () => {
    const setting = contributes.configuration.properties['tde.rules'];
    assert.equal(setting.scope, 'resource');
    assert.deepEqual(Object.keys(setting.properties).sort(), rules.map((r) => r.id).sort());
    for (const [id, property] of Object.entries<{ enum: string[]; markdownDescription: string }>(setting.properties)) {
      assert.deepEqual(property.enum, ['off', 'info', 'warning', 'error'], id);
      assert.match(shown(property.markdownDescription), new RegExp(`docs/rules/${id}\\.md`), id);
    }
    assert.deepEqual(setting.additionalProperties.enum, ['off', 'info', 'warning', 'error']);
  });

  it('declares the server\'s Fix all kind, so editor.codeActionsOnSave offers and runs it', () => {
    const declared = contributes.codeActions.flatMap((c: { languages: string[]; actions: { kind: string }[] }) => c.actions.map((a) => [c.languages, a.kind]));
    assert.deepEqual(declared, [[['tde-yaml'], FIX_ALL_KIND]]);
  });

  it('declares tde.trace.server for the language client', () => {
    assert.deepEqual(contributes.configuration.properties['tde.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.match(clientSource, /CLIENT_ID = 'tde'/);
  });

  it('registers every command it contributes, and contributes every command it registers', () => {
    const contributed = contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = [...clientSource.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, contributed);
    for (const menu of Object.values<{ command: string }[]>(contributes.menus)) {
      for (const item of menu) assert.ok(contributed.includes(item.command), item.command);
    }
  });

  it('activates only for TDE files, the language and the preview', () => {
    assert.deepEqual(manifest.activationEvents, ['workspaceContains:**/*.tde.{yaml,yml}', 'onLanguage:tde-yaml', 'onWebviewPanel:tdePitchPreview']);
    assert.match(clientSource, /PREVIEW_VIEW_TYPE = 'tdePitchPreview'/);
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.browser, './dist/web/client.js');
  });

  it('points at files that exist', () => {
    const files = [
      ...contributes.languages.flatMap((l: { configuration: string; icon: { light: string; dark: string } }) => [l.configuration, l.icon.light, l.icon.dark]),
      ...contributes.grammars.map((g: { path: string }) => g.path),
      ...contributes.snippets.map((s: { path: string }) => s.path),
      ...contributes.walkthroughs.flatMap((w: { steps: { media: { markdown: string } }[] }) => w.steps.map((s) => s.media.markdown)),
    ];
    for (const file of files) assert.ok(exists(file), file);
  });

  it('has a grammar that builds on YAML', () => {
    const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes', 'tde-yaml.tmLanguage.json'), 'utf8'));
    assert.equal(grammar.scopeName, 'source.tde-yaml');
    assert.deepEqual(grammar.patterns, [{ include: 'source.yaml' }]);
  });

  it('has a language configuration whose patterns compile', () => {
    const configuration = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'));
    const patterns = [
      configuration.wordPattern,
      configuration.indentationRules.increaseIndentPattern,
      configuration.indentationRules.decreaseIndentPattern,
      ...configuration.onEnterRules.map((r: { beforeText: string }) => r.beforeText),
    ];
    for (const pattern of patterns) assert.doesNotThrow(() => new RegExp(pattern), pattern);
    const [indentAfterKey, alignUnderItem, continueList] = configuration.onEnterRules.map((r: { beforeText: string }) => new RegExp(r.beforeText));
    assert.ok(indentAfterKey.test('  collaborators:'));
    assert.ok(indentAfterKey.test('  summary: >'));
    assert.ok(!indentAfterKey.test('  url: https://example.org'));
    assert.ok(alignUnderItem.test('    - name: Rosa'));
    assert.ok(continueList.test('    - join-public-meetings'));
    assert.ok(new RegExp(configuration.wordPattern).exec('identify-shared-priorities')?.[0] === 'identify-shared-priorities');
  });

  it('supports untrusted and (with limits) virtual workspaces', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
  });
});
