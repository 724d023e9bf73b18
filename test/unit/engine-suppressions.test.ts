// Inline control in YAML comments: which comments are directives, what they
// name, the reason after `--`, and which line a next-line directive reaches.
import * as assert from 'node:assert/strict';
import { check, parseTde } from '../../server/src/engine';
import { readDirectives } from '../../server/src/engine/suppressions';

const directivesOf = (text: string) => readDirectives(parseTde(text));

describe('engine: suppressions', () => {
  describe('readDirectives', () => {
    it('reads both kinds with their rules', () => {
      const text = [
        'tde: 1',
        '# tde-disable-next-line unknown-tactic',
        'a: 1',
        '# tde-disable no-steward, step-order',
        '',
      ].join('\n');
      const [next, rest] = directivesOf(text);
      assert.equal(next!.kind, 'next-line');
      assert.deepEqual(next!.rules, ['unknown-tactic']);
      assert.equal(next!.line, 1);
      assert.equal(next!.targetLine, 2);
      assert.equal(rest!.kind, 'rest-of-file');
      assert.deepEqual(rest!.rules, ['no-steward', 'step-order']);
      assert.equal(rest!.line, 3);
    });

    it('splits rules on commas and spaces alike', () => {
      const [d] = directivesOf('# tde-disable a-rule,b-rule  c-rule , d-rule\n');
      assert.deepEqual(d!.rules, ['a-rule', 'b-rule', 'c-rule', 'd-rule']);
    });

    it('reads the reason after `--`, which never counts as a rule', () => {
      const [withReason, withoutReason, emptyReason, bareWithReason] = directivesOf([
        '# tde-disable-next-line unknown-tactic -- our own name, agreed with the team',
        'a: 1',
        '# tde-disable-next-line unknown-tactic',
        'b: 1',
        '# tde-disable-next-line unknown-tactic --',
        'c: 1',
        '# tde-disable -- legacy file',
        '',
      ].join('\n'));
      assert.deepEqual(withReason!.rules, ['unknown-tactic']);
      assert.equal(withReason!.reason, 'our own name, agreed with the team');
      assert.equal(withoutReason!.reason, undefined);
      assert.equal(emptyReason!.reason, undefined);
      assert.deepEqual(emptyReason!.rules, ['unknown-tactic']);
      assert.equal(bareWithReason!.rules, undefined, 'a bare directive with a reason is still bare');
      assert.equal(bareWithReason!.reason, 'legacy file');
    });

    it('reads a bare directive as all rules', () => {
      const [next, rest] = directivesOf('# tde-disable-next-line\na: 1\n#tde-disable\n');
      assert.equal(next!.rules, undefined);
      assert.equal(rest!.rules, undefined);
      assert.equal(rest!.kind, 'rest-of-file');
    });

    it('aims a next-line directive past blank and comment-only lines', () => {
      const text = ['# tde-disable-next-line x-rule', '', '   ', '# a note', '    # an indented note', 'a: 1', 'b: 2'].join('\n');
      assert.equal(directivesOf(text)[0]!.targetLine, 5);
    });

    it('aims at nothing when only blank and comment lines follow', () => {
      assert.equal(directivesOf('a: 1\n# tde-disable-next-line\n\n# end\n')[0]!.targetLine, undefined);
    });

    it('aims a trailing directive at the next line, not its own', () => {
      const [d] = directivesOf('a: 1 # tde-disable-next-line x-rule\nb: 2\n');
      assert.equal(d!.line, 0);
      assert.equal(d!.targetLine, 1);
    });

    it('gives the comment\'s offset and length', () => {
      const text = 'a: 1   # tde-disable x-rule -- why\nb: 2\n';
      const [d] = directivesOf(text);
      assert.equal(d!.offset, text.indexOf('#'));
      assert.equal(text.slice(d!.offset, d!.offset + d!.length), '# tde-disable x-rule -- why');
    });

    it('ignores directive-like text inside strings', () => {
      const text = [
        'a: "# tde-disable"',
        "b: 'x # tde-disable-next-line x-rule'",
        'c: |',
        '  # tde-disable',
        '  # tde-disable-next-line x-rule',
        'd: >',
        '  # tde-disable',
        'e: 1',
        '',
      ].join('\n');
      assert.deepEqual(directivesOf(text), []);
    });

    it('ignores words that only start like a directive, and `#` glued to text', () => {
      assert.deepEqual(directivesOf('# tde-disabled x-rule\n# tde-disable-next-lines\n# please tde-disable\na: b#tde-disable\n'), []);
    });

    it('reads directives in CRLF files', () => {
      const [d] = directivesOf('a: 1\r\n# tde-disable-next-line x-rule -- why\r\n\r\nb: 2\r\n');
      assert.deepEqual(d!.rules, ['x-rule']);
      assert.equal(d!.reason, 'why');
      assert.equal(d!.targetLine, 3);
    });
  });

  describe('in check()', () => {
    const text = [
      'tde: 1',
      'project:',
      '  title: Sidewalk repair requests',
      '  place: City of Linden',
      'find:',
      '  status: not-started',
      '  tactics:',
      '    # tde-disable-next-line unknown-tactic -- our own name',
      '    - knock-on-doors',
      '    - listen-broadly',
      '',
    ].join('\n');

    it('moves silenced problems to `suppressions`, with the comment that did it', () => {
      const result = check(text);
      assert.deepEqual(result.problems.map((p) => text.slice(p.offset, p.offset + p.length)), ['listen-broadly']);
      assert.equal(result.suppressions.length, 1);
      const [s] = result.suppressions;
      assert.equal(s!.rule, 'unknown-tactic');
      assert.equal(text.slice(s!.problem.offset, s!.problem.offset + s!.problem.length), 'knock-on-doors');
      assert.equal(s!.commentOffset, text.indexOf('# tde-disable'));
      assert.equal(result.directives[0]!.reason, 'our own name');
    });

    it('does not silence other rules', () => {
      const other = text.replace('unknown-tactic -- our own name', 'tactic-wrong-step');
      assert.equal(check(other).problems.length, 2);
      assert.equal(check(other).suppressions.length, 0);
    });
  });
});
