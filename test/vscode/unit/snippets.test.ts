// The generated snippets are current, and accepting their defaults gives
// TDE YAML that the engine accepts (no syntax or schema problems, known
// tactics and criteria).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../../server/src/engine';
import { expandSnippet, indentSnippet } from './snippetExpansion';

const ROOT = path.resolve(__dirname, '../../..');
const SNIPPETS = path.join(ROOT, 'snippets', 'tde.code-snippets');

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
  scope?: string;
}

function readSnippets(): Record<string, Snippet> {
  // JSON with comments: only whole-line // comments are used.
  const text = fs.readFileSync(SNIPPETS, 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return JSON.parse(text) as Record<string, Snippet>;
}

const snippets = readSnippets();
/** The whole steps, which the language server offers while a file lacks them. */
const stepSnippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'lsp', 'stepSnippets.json'), 'utf8')) as Record<string, Omit<Snippet, 'scope'>>;
const byPrefix = new Map([...Object.values(snippets), ...Object.values(stepSnippets)].map((s) => [s.prefix, s]));
const expand = (prefix: string) => {
  const snippet = byPrefix.get(prefix);
  assert.ok(snippet, `a snippet with prefix ${prefix}`);
  return expandSnippet(snippet.body);
};

const HEADER = 'tde: 1\nproject:\n  title: Snippet test\n  place: City of Example\n';
const STRUCTURAL_RULES = ['yaml-syntax', 'schema', 'unknown-tactic', 'tactic-wrong-step', 'unknown-criterion', 'duplicate-use-case'];

function structuralProblems(text: string): string[] {
  return check(text)
    .problems.filter((p) => STRUCTURAL_RULES.includes(p.rule))
    .map((p) => `${p.rule}: ${p.message}`);
}

describe('snippets', () => {
  it('are generated from the current vocabulary and rules', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'client', 'scripts', 'build-snippets.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('cover what the issue asks for', () => {
    for (const prefix of ['tde-project', 'tde-collaborator', 'tde-use-case', 'tde-feedback', 'tde-tactic', 'tde-find-analyze-information-requests']) {
      assert.ok(Object.values(snippets).some((s) => s.prefix === prefix), prefix);
    }
    // A static tde-find would add a second find: to a file that has one (the starter does).
    assert.deepEqual(Object.keys(stepSnippets), ['find', 'refine', 'design', 'implement', 'skip']);
    for (const [step, snippet] of Object.entries(stepSnippets)) {
      assert.equal(snippet.prefix, `tde-${step}`);
      assert.ok(!Object.values(snippets).some((s) => s.prefix === snippet.prefix), `${snippet.prefix} is only the server's`);
    }
    for (const snippet of Object.values(snippets)) {
      assert.equal(snippet.scope, 'tde-yaml');
      assert.ok(snippet.description.length > 10, `${snippet.prefix} has a description`);
    }
  });

  it('a whole project is a valid file without errors', () => {
    const text = expand('tde-project');
    const errors = check(text).problems.filter((p) => p.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('the four steps together form a valid file', () => {
    const text = [HEADER, expand('tde-find'), expand('tde-refine'), expand('tde-design'), expand('tde-implement')].join('\n');
    assert.deepEqual(structuralProblems(text), []);
    // Design names the use case Refine defines; feedback comes from Design's collaborator.
    const rules = new Set(check(text).problems.map((p) => p.rule));
    for (const rule of ['unknown-use-case', 'unknown-collaborator', 'single-use-case', 'skipped-stage', 'no-intended-users']) {
      assert.ok(!rules.has(rule), `no ${rule}`);
    }
  });

  it('a skipped step is valid', () => {
    // The server puts the choice of the missing steps before the body.
    assert.deepEqual(structuralProblems(`${HEADER}${expandSnippet(['${1|design,implement|}:', ...stepSnippets.skip!.body])}`), []);
  });

  const lists: [prefix: string, host: string][] = [
    ['tde-collaborator', 'find:\n  status: in-progress\n  collaborators:\n'],
    ['tde-intended-user', 'find:\n  status: in-progress\n  collaborators:\n'],
    ['tde-engagement', 'find:\n  status: in-progress\n  engagement:\n'],
    ['tde-tactic', 'find:\n  status: in-progress\n  tactics:\n'],
    ['tde-custom-tactic', 'find:\n  status: in-progress\n  tactics:\n'],
    ['tde-use-case', 'refine:\n  status: in-progress\n  use_cases:\n'],
    ['tde-feedback', 'design:\n  status: in-progress\n  feedback:\n'],
    ['tde-feedback-channel', 'implement:\n  status: in-progress\n  feedback_channels:\n'],
    ['tde-dataset', 'implement:\n  status: in-progress\n  datasets:\n'],
    ['tde-outcome', 'implement:\n  status: in-progress\n  outcomes:\n'],
  ];
  for (const [prefix, host] of lists) {
    it(`${prefix} fits its list`, () => {
      const text = `${HEADER}${host}${indentSnippet(expand(prefix), '    ')}\n`;
      assert.deepEqual(structuralProblems(text), []);
    });
  }

  for (const snippet of Object.values(snippets).filter((s) => s.prefix.startsWith('tde-find-'))) {
    it(`${snippet.prefix} lists only that tactic's criteria`, () => {
      const text = `${HEADER}find:\n  status: in-progress\n  tactics:\n${indentSnippet(expandSnippet(snippet.body), '    ')}\n`;
      assert.deepEqual(structuralProblems(text), []);
    });
  }

  it('the disable comments name real rules', () => {
    const text = `${HEADER}${expand('tde-disable-next-line')}\nx-note: hi\n`;
    assert.equal(check(text).directives.length, 1);
    assert.deepEqual(structuralProblems(text), []);
  });
});
