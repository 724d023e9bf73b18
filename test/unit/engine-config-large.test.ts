// A `.tderc.yaml` from a pull request may be built to be slow: tens of
// thousands of keys, or one key tens of thousands of times. The first
// mistakes are reported on their lines, then one issue counts the rest (30,000
// "Unknown rule" messages, each listing every rule, came to 12 MB for the
// editor); reading the file takes time in proportion to its size (a check
// that compared every key with every earlier one, or counted lines from the
// top for each issue, took over 20 s for these; the suite's timeout would end
// this test long before).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFor, parseConfig, ruleIds } from '../../server/src/engine';
import { MAX_CONFIG_ISSUES } from '../../server/src/engine/config';
import { nodeHost as nodeFileHost } from '../helpers/host';

const KEYS = 30_000;

function lines(count: number, line: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => line(i)).join('');
}

/** The issue that stands for those left out. */
function leftOut(count: number, line: number) {
  return { message: `… and ${count.toLocaleString('en-US')} more problems in this file.`, line };
}

describe('engine: a configuration with tens of thousands of keys', () => {
  it(`reports the first of ${KEYS.toLocaleString('en')} unknown rules on their lines, counts the rest, and keeps the known ones`, () => {
    const text = `# generated\nrules:\n${lines(KEYS, (i) => `  rule-${i}: off\n`)}  no-steward: error\n`;
    const config = parseConfig(text);
    assert.deepEqual(config.rules, { 'no-steward': 'error' });
    assert.equal(config.issues.length, MAX_CONFIG_ISSUES + 1);
    assert.deepEqual(config.issues[0], { message: `Unknown rule "rule-0". Rules: ${ruleIds.join(', ')}.`, line: 3 });
    // The list of rules is given the first few times, not in every message.
    assert.deepEqual(config.issues.slice(0, MAX_CONFIG_ISSUES).filter((issue) => issue.message.includes('Rules:')).length, 3);
    assert.deepEqual(config.issues[MAX_CONFIG_ISSUES - 1], { message: `Unknown rule "rule-${MAX_CONFIG_ISSUES - 1}".`, line: MAX_CONFIG_ISSUES + 2 });
    assert.ok(config.issues.slice(0, MAX_CONFIG_ISSUES).every((issue, i) => issue.line === i + 3));
    // The last says how many more, from the line of the first it leaves out.
    assert.deepEqual(config.issues.at(-1), leftOut(KEYS - MAX_CONFIG_ISSUES, MAX_CONFIG_ISSUES + 3));
    assert.ok(JSON.stringify(config.issues).length < 20_000, 'what the editor is sent stays small');
  });

  it('reports exactly the cap one by one, and one more as "1 more problem"', () => {
    const rules = (count: number) => `rules:\n${lines(count, (i) => `  rule-${i}: off\n`)}`;
    assert.equal(parseConfig(rules(MAX_CONFIG_ISSUES)).issues.length, MAX_CONFIG_ISSUES);
    assert.ok(!parseConfig(rules(MAX_CONFIG_ISSUES)).issues.at(-1)!.message.startsWith('…'));
    assert.deepEqual(parseConfig(rules(MAX_CONFIG_ISSUES + 1)).issues.at(-1), { message: '… and 1 more problem in this file.', line: MAX_CONFIG_ISSUES + 2 });
  });

  it('suggests the rule an unknown id is a slip for, in every message that has one', () => {
    const text = `rules:\n${lines(5, (i) => `  rule-${i}: off\n`)}  no-stewart: off\n  unknown-tactics: warning\n`;
    const config = parseConfig(text);
    assert.deepEqual(config.issues.slice(-2), [
      { message: 'Unknown rule "no-stewart". Did you mean "no-steward"?', line: 7 },
      { message: 'Unknown rule "unknown-tactics". Did you mean "unknown-tactic"?', line: 8 },
    ]);
  });

  it(`reports one rule given ${KEYS.toLocaleString('en')} times as a YAML mistake on each repeat`, () => {
    const text = `rules:\n${lines(KEYS, () => '  no-steward: off\n')}`;
    const config = parseConfig(text);
    assert.deepEqual(config.rules, {});
    assert.equal(config.issues.length, MAX_CONFIG_ISSUES + 1);
    assert.ok(config.issues.slice(0, MAX_CONFIG_ISSUES).every((issue, i) => issue.message === 'YAML syntax: Map keys must be unique' && issue.line === i + 3));
    assert.deepEqual(config.issues.at(-1), leftOut(KEYS - 1 - MAX_CONFIG_ISSUES, MAX_CONFIG_ISSUES + 3));
  });

  it(`reports ${KEYS.toLocaleString('en')} unknown top-level keys, each on its line (CRLF)`, () => {
    const text = lines(KEYS, (i) => `k${i}: 1\r\n`);
    const config = parseConfig(text);
    assert.equal(config.issues.length, MAX_CONFIG_ISSUES + 1);
    assert.deepEqual(config.issues[MAX_CONFIG_ISSUES - 1], { message: `Unknown key "k${MAX_CONFIG_ISSUES - 1}"; the configuration has only "rules".`, line: MAX_CONFIG_ISSUES });
    assert.deepEqual(config.issues.at(-1), leftOut(KEYS - MAX_CONFIG_ISSUES, MAX_CONFIG_ISSUES + 1));
  });

  it('finds the same in such files on disk, read as the language server reads them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-config-large-'));
    try {
      fs.mkdirSync(path.join(dir, 'many'));
      fs.mkdirSync(path.join(dir, 'repeated'));
      fs.writeFileSync(path.join(dir, 'many', '.tderc.yaml'), `rules:\n${lines(KEYS, (i) => `  rule-${i}: off\n`)}`);
      fs.writeFileSync(path.join(dir, 'repeated', '.tderc.yaml'), `rules:\n  no-steward: warning\n${lines(KEYS - 1, () => '  no-steward: off\n')}`);
      const many = loadConfigFor(path.join(dir, 'many', 'a.tde.yaml'), nodeFileHost);
      assert.equal(many.issues.length, MAX_CONFIG_ISSUES + 1);
      assert.deepEqual(many.issues.at(-1), leftOut(KEYS - MAX_CONFIG_ISSUES, MAX_CONFIG_ISSUES + 2));
      const repeated = loadConfigFor(path.join(dir, 'repeated', 'a.tde.yaml'), nodeFileHost);
      assert.deepEqual(repeated.rules, {});
      assert.deepEqual(repeated.issues.at(-1), leftOut(KEYS - 1 - MAX_CONFIG_ISSUES, MAX_CONFIG_ISSUES + 3));
      assert.deepEqual(repeated.issues[0], { message: 'YAML syntax: Map keys must be unique', line: 3 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
