import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { isPlainYamlText, yamlValue } from '../../server/src/engine/yamlValue';

describe('a text written as a YAML value', () => {
  const tricky = [
    'Vacant lots: the map', 'yes', 'No', 'y', '2024', '1.5', '1.', '.5', '-1e3', '0x1F', '0o17', '1_000', '1:30', '.inf', '-.Inf', '.NaN',
    'off', 'null', 'Null', '~', '# hash', 'a # b', "It's 'quoted'", 'He said "hi"', '- dash', '-', '?', ':', '[x]', '{y}', 'a, b',
    '*alias', '&anchor', '!tag', '%directive', '@at', '`tick`', '>folded', '|literal', '?question', 'trailing:', 'key: value',
    'tab\there', '  padded  ', 'line\nbreak', '', 'back\\slash', 'a\u0085b', 'a\u007fb', 'x\u2028y', 'bom\ufeff',
    'City of Riverton', 'Ville de Montréal', "O'Brien", 'a:b', 'http://x.org/a#b', '2024-01-01',
  ];

  it('reads back as the same text, as a value, in a list and in a flow list', () => {
    for (const text of tricky) {
      const written = yamlValue(text);
      assert.equal(parse(`title: ${written}\n`, { version: '1.2' }).title, text, `title: ${written}`);
      assert.equal(parse(`- ${written}\n`, { version: '1.2' })[0], text, `- ${written}`);
      assert.equal(parse(`list: [${written}, z]\n`, { version: '1.2' }).list[0], text, `[${written}, z]`);
    }
  });

  it('stays plain where that reads the same, and is quoted where YAML 1.1 readers would see a boolean or a number', () => {
    assert.equal(yamlValue('City of Riverton'), 'City of Riverton');
    assert.equal(yamlValue("O'Brien"), "O'Brien");
    assert.equal(yamlValue('2024-01-01'), '2024-01-01');
    assert.equal(yamlValue('yes'), '"yes"');
    assert.equal(yamlValue('1_000'), '"1_000"');
    assert.equal(yamlValue('a\u0085b'), '"a\\u0085b"');
  });

  it('never calls a number, a boolean, null or a key plain', () => {
    for (const text of ['12', '1.', 'true', 'NULL', 'on', 'a: b', '']) assert.equal(isPlainYamlText(text), false, text);
  });
});
