// A `.tderc.yaml` from a pull request may be built to be slow: tens of
// thousands of keys, or one key tens of thousands of times. Each mistake is
// still reported on its line, and reading the file takes time in proportion
// to its size (a check that compared every key with every earlier one, or
// counted lines from the top for each issue, took over 20 s for these; the
// suite's timeout would end this test long before).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFor, parseConfig, ruleIds } from '../../server/src/engine';
import { nodeFileHost } from '../../server/src/lsp/files';

const KEYS = 30_000;

function lines(count: number, line: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => line(i)).join('');
}

describe('engine: a configuration with tens of thousands of keys', () => {
  it(`reports each of ${KEYS.toLocaleString('en')} unknown rules on its line, keeping the known ones`, () => {
    const text = `# generated\nrules:\n${lines(KEYS, (i) => `  rule-${i}: off\n`)}  no-steward: error\n`;
    const config = parseConfig(text);
    assert.deepEqual(config.rules, { 'no-steward': 'error' });
    assert.equal(config.issues.length, KEYS);
    assert.deepEqual(config.issues[0], { message: `Unknown rule \`rule-0\`. Rules: ${ruleIds.join(', ')}.`, line: 3 });
    assert.deepEqual(config.issues.at(-1), { message: `Unknown rule \`rule-${KEYS - 1}\`. Rules: ${ruleIds.join(', ')}.`, line: KEYS + 2 });
    assert.ok(config.issues.every((issue, i) => issue.line === i + 3));
  });

  it(`reports one rule given ${KEYS.toLocaleString('en')} times as a YAML mistake on each repeat`, () => {
    const text = `rules:\n${lines(KEYS, () => '  no-steward: off\n')}`;
    const config = parseConfig(text);
    assert.deepEqual(config.rules, {});
    assert.equal(config.issues.length, KEYS - 1);
    assert.ok(config.issues.every((issue, i) => issue.message === 'YAML syntax: Map keys must be unique' && issue.line === i + 3));
  });

  it(`reports ${KEYS.toLocaleString('en')} unknown top-level keys, each on its line (CRLF)`, () => {
    const text = lines(KEYS, (i) => `k${i}: 1\r\n`);
    const config = parseConfig(text);
    assert.equal(config.issues.length, KEYS);
    assert.deepEqual(config.issues.at(-1), { message: `Unknown key \`k${KEYS - 1}\`; the configuration has only \`rules\`.`, line: KEYS });
  });

  it('finds the same in such files on disk, read as the language server reads them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-config-large-'));
    try {
      fs.mkdirSync(path.join(dir, 'many'));
      fs.mkdirSync(path.join(dir, 'repeated'));
      fs.writeFileSync(path.join(dir, 'many', '.tderc.yaml'), `rules:\n${lines(KEYS, (i) => `  rule-${i}: off\n`)}`);
      fs.writeFileSync(path.join(dir, 'repeated', '.tderc.yaml'), `rules:\n  no-steward: warning\n${lines(KEYS - 1, () => '  no-steward: off\n')}`);
      const many = loadConfigFor(path.join(dir, 'many', 'a.tde.yaml'), nodeFileHost);
      assert.equal(many.issues.length, KEYS);
      assert.equal(many.issues.at(-1)!.line, KEYS + 1);
      const repeated = loadConfigFor(path.join(dir, 'repeated', 'a.tde.yaml'), nodeFileHost);
      assert.deepEqual(repeated.rules, {});
      assert.equal(repeated.issues.length, KEYS - 1);
      assert.deepEqual(repeated.issues[0], { message: 'YAML syntax: Map keys must be unique', line: 3 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
