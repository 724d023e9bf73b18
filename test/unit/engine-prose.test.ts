// Plain words from lists and values: what messages and the pitch are made of.
import * as assert from 'node:assert/strict';
import { clip, listQuoted, listWords, lowerFirstWord, withoutClosingStop, withoutRepeatedWords } from '../../server/src/engine/prose';

describe('engine: plain words', () => {
  it('lists with commas and "and" or "or"', () => {
    assert.equal(listWords([]), '');
    assert.equal(listWords(['a']), 'a');
    assert.equal(listWords(['a', 'b']), 'a and b');
    assert.equal(listWords(['a', 'b', 'c']), 'a, b and c');
    assert.equal(listQuoted(['yes', 'no', 'partly']), '"yes", "no" or "partly"');
    assert.equal(listWords(['Encontrar', 'Diseñar', 'Implementar'], 'and', 'es'), 'Encontrar, Diseñar e Implementar');
    assert.equal(listQuoted(['uno', 'otro'], 'or', 'es'), '"uno" u "otro"');
  });

  it('shortens a text at a word boundary, never inside a word', () => {
    assert.equal(clip('Riverton Tenant Council of the Northeast Valley Region', 40), 'Riverton Tenant Council of the Northeast…');
    assert.equal(clip('one, two, three, four, five, six', 20), 'one, two, three…');
    assert.equal(clip('short', 40), 'short');
    assert.equal(clip('a'.repeat(50), 40), 'a'.repeat(50), 'one word up to three times the length is kept whole');
    assert.equal(clip(`${'b'.repeat(50)} tail`, 40), `${'b'.repeat(50)}…`);
    assert.equal(clip('x'.repeat(500), 40), `${'x'.repeat(120)}…`, 'a word of any length ends somewhere');
    assert.equal(clip('😀 '.repeat(30), 10), '😀 😀 😀 😀 😀…', 'characters, not UTF-16 units');
  });

  it('lowers only an ordinary capitalised first word followed by a lowercase word', () => {
    assert.equal(lowerFirstWord('Test weekly alerts'), 'test weekly alerts');
    assert.equal(lowerFirstWord('Open data on evictions'), 'open data on evictions');
    for (const name of ['NYC tenant groups', 'Ward 5 residents', 'Oak Street Block Club', 'iPhone users', 'McAllen records', 'Riverton', "Maria's block", 'Éclair bakers'.toUpperCase()]) {
      assert.equal(lowerFirstWord(name), name);
    }
    assert.equal(lowerFirstWord('Élan vital'), 'élan vital');
  });

  it('drops one closing stop and the words the frame has just said', () => {
    assert.equal(withoutClosingStop('Map the lots.'), 'Map the lots');
    assert.equal(withoutClosingStop('Wait and see...'), 'Wait and see...');
    assert.equal(withoutRepeatedWords('Next, we will ', 'We will map the lots'), 'map the lots');
    assert.equal(withoutRepeatedWords('which matters because ', 'because, lots stay empty'), 'lots stay empty');
    assert.equal(withoutRepeatedWords('we will ', 'will'), 'will', 'a value is never emptied');
    assert.equal(withoutRepeatedWords('listen to ', 'tenants'), 'tenants');
  });
});
