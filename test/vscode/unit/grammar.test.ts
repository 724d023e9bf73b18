// Tokenizes TDE YAML with VS Code's own TextMate engine and YAML grammar,
// taken from the code-server that the e2e setup installs. Skipped when it is
// not installed (run `bash scripts/e2e-setup.sh` once).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { skipBecause } from '../../helpers/skip';

const ROOT = path.resolve(__dirname, '../../..');

const CACHE = process.env.TDE_E2E_CACHE || path.join(os.homedir(), '.cache', 'tde-e2e');

function findVSCodeSources(): string | undefined {
  if (!fs.existsSync(CACHE)) return undefined;
  for (const entry of fs.readdirSync(CACHE).filter((e) => e.startsWith('code-server-') && !e.includes('.tmp.')).sort().reverse()) {
    const sources = path.join(CACHE, entry, 'node_modules', 'code-server', 'lib', 'vscode');
    if (fs.existsSync(path.join(sources, 'node_modules', 'vscode-textmate')) && fs.existsSync(path.join(sources, 'extensions', 'yaml'))) return sources;
  }
  return undefined;
}

interface Token {
  text: string;
  scopes: string[];
}

describe('TDE YAML grammar', function () {
  const sources = findVSCodeSources();
  let tokenize: (text: string) => Promise<Token[][]>;

  before(function () {
    if (!sources) skipBecause(this, `VS Code's own YAML grammar is not in ${CACHE} (bash scripts/e2e-setup.sh puts it there)`);
    const textmate = require(path.join(sources!, 'node_modules', 'vscode-textmate'));
    const oniguruma = require(path.join(sources!, 'node_modules', 'vscode-oniguruma'));
    const yamlDir = path.join(sources!, 'extensions', 'yaml', 'syntaxes');
    const grammars: Record<string, string> = {
      'source.tde-yaml': path.join(ROOT, 'syntaxes', 'tde-yaml.tmLanguage.json'),
      'tde.directives.injection': path.join(ROOT, 'syntaxes', 'tde-directives.injection.tmLanguage.json'),
    };
    for (const file of fs.readdirSync(yamlDir)) {
      const grammar = JSON.parse(fs.readFileSync(path.join(yamlDir, file), 'utf8'));
      grammars[grammar.scopeName] = path.join(yamlDir, file);
    }
    const wasm = fs.readFileSync(path.join(sources!, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    const ready = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: ready.then(() => ({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      })),
      loadGrammar: async (scope: string) =>
        grammars[scope] ? textmate.parseRawGrammar(fs.readFileSync(grammars[scope]!, 'utf8'), grammars[scope]) : null,
      getInjections: (scope: string) => (scope === 'source.tde-yaml' ? ['tde.directives.injection'] : undefined),
    });
    tokenize = async (text) => {
      const grammar = await registry.loadGrammar('source.tde-yaml');
      let stack = textmate.INITIAL;
      return text.split('\n').map((line) => {
        const result = grammar.tokenizeLine(line, stack);
        stack = result.ruleStack;
        return result.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
      });
    };
  });

  const scopeOf = (tokens: Token[], text: string) => tokens.find((t) => t.text === text)?.scopes.join(' ') ?? '';

  it('highlights keys and values as YAML does', async () => {
    const [line] = await tokenize('find:\n');
    assert.match(scopeOf(line!, 'find'), /^source\.tde-yaml .*entity\.name\.tag\.yaml/);
  });

  it('highlights inline disable comments, their rules and reason', async () => {
    const lines = await tokenize('tde: 1\n# tde-disable-next-line unknown-tactic, schema -- on purpose\nx-a: 1 # tde-disable\n');
    assert.match(scopeOf(lines[1]!, 'tde-disable-next-line'), /comment\.line\.number-sign\.yaml keyword\.control\.directive\.tde$/);
    assert.match(scopeOf(lines[1]!, 'unknown-tactic'), /constant\.other\.rule-id\.tde$/);
    assert.match(scopeOf(lines[1]!, 'schema'), /constant\.other\.rule-id\.tde$/);
    assert.match(scopeOf(lines[1]!, ' on purpose'), /comment\.line\.reason\.tde$/);
    assert.match(scopeOf(lines[2]!, 'tde-disable'), /keyword\.control\.directive\.tde$/);
  });

  it('leaves look-alikes alone: strings and other comments', async () => {
    const lines = await tokenize('notes: "# tde-disable schema"\n# see tde-disable-foo\n');
    assert.ok(!lines.flat().some((t) => t.scopes.some((s) => s.endsWith('.tde'))), JSON.stringify(lines));
  });
});
