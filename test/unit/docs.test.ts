// Every rule is documented where users look: its own page, the docs index,
// and the README's generated table (which must be current).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleDocsUrl, rules } from '../../server/src/engine';
import { message } from '../../server/src/shared/l10n';
import { ruleSettingText, SETTING_CATALOGUES, TABLES, withRuleSettings, withRulesTable } from '../../scripts/rules-table';
import { formatDoc } from '../../scripts/format-doc';

const repo = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');

describe('rule documentation', () => {
  for (const rule of rules) {
    it(`${rule.id} has a page with what, why, how to fix and an example`, () => {
      const file = `docs/rules/${rule.id}.md`;
      assert.ok(fs.existsSync(path.join(repo, file)), `${file} is missing`);
      const page = read(file);
      assert.match(page, new RegExp(`^# \`${rule.id}\`\\s*$`, 'm'));
      for (const heading of ['## Why it matters', '## How to fix', '## Example']) {
        assert.ok(page.includes(heading), `${file} lacks "${heading}"`);
      }
      assert.match(page, /```yaml/, `${file} has no YAML example`);
      assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}`), `${file} states another default severity`);
      assert.ok(ruleDocsUrl(rule.id).endsWith(`/docs/rules/${rule.id}.md`));
    });
  }

  it('the docs index links every rule', () => {
    const index = read('docs/rules/README.md');
    for (const rule of rules) assert.ok(index.includes(`(${rule.id}.md)`), `docs/rules/README.md lacks ${rule.id}`);
  });

  for (const { file, docs } of TABLES) {
    it(`the rules table of ${file} is current (run npm run docs:rules)`, () => {
      const text = read(file);
      assert.equal(text, withRulesTable(text, docs));
      for (const rule of rules) assert.ok(text.includes(`[\`${rule.id}\`](${docs}${rule.id}.md)`));
    });
  }

  for (const { file, language } of SETTING_CATALOGUES) {
    it(`the settings editor's words on each rule in ${file} are current (run npm run docs:rules)`, () => {
      const text = read(file);
      assert.equal(text, withRuleSettings(text, language));
    });
  }

  it("the settings editor gives a rule's two defaults in the rule's words (in plain quotes, as the catalogues quote), and each rule's page", () => {
    for (const rule of rules.filter((r) => r.defaultSeverityText)) assert.equal(message('en', `setting.rules.defaultSeverity.${rule.id}`), rule.defaultSeverityText!.replace(/`/g, '"'), rule.id);
    const noSteward = rules.find((r) => r.id === 'no-steward')!;
    assert.equal(ruleSettingText(noSteward, 'en'), 'A Design plan with no "steward". Default: info. [About `no-steward`](https://github.com/tde-tools/tde/blob/main/docs/rules/no-steward.md)');
    assert.match(ruleSettingText(noSteward, 'es'), /^\S.* Predeterminado: información\. \[Sobre `no-steward`\]\(https:\/\/github\.com\/tde-tools\/tde\/blob\/main\/docs\/rules\/no-steward\.md\)$/);
  });

  it('no documentation page exists for a rule that is gone', () => {
    const ids = new Set(rules.map((r) => r.id));
    const pages = fs.readdirSync(path.join(repo, 'docs/rules')).filter((f) => f !== 'README.md');
    assert.deepEqual(pages.filter((f) => !ids.has(f.replace(/\.md$/, ''))), []);
  });
});

describe('rule pages state whether the rule offers fixes and suggestions', () => {
  for (const rule of rules) {
    it(rule.id, () => {
      const page = read(`docs/rules/${rule.id}.md`);
      assert.match(page, rule.fixable ? /\*\*Fixable:\*\* yes/ : /\*\*Fixable:\*\* no/);
      assert.match(page, rule.suggests ? /\*\*Suggestions:\*\* yes/ : /\*\*Suggestions:\*\* no/);
    });
  }
});

describe('format reference', () => {
  it('docs/format.md is current with the schema (run npm run docs:format)', () => {
    assert.equal(read('docs/format.md'), formatDoc());
  });
});
