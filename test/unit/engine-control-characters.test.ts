// Raw control characters: YAML allows none but tab, LF and CR (and NEL), the
// `yaml` package reads them silently, and they are invisible in most views.
// Each run is one yaml-syntax error on exactly its characters; a fix deletes
// it only where nothing else can change.
import * as assert from 'node:assert/strict';
import { applyEdits, check, compatibleFixes, type Problem } from '../../server/src/engine';
import { MAX_CONTROL_RUNS } from '../../server/src/engine/controlCharacters';
import { IncrementalChecker } from '../../server/src/engine/incrementalCheck';
import { decodeTdeFile } from '../../server/src/cli/readTdeFile';
import { CONTROL_RUNS, controlCharacterRuns, HEAD } from '../hostile/pathological';

function problems(text: string): Problem[] {
  return check(text).problems;
}

function only(text: string): Problem {
  const found = problems(text);
  assert.equal(found.length, 1, JSON.stringify(found, null, 1));
  assert.equal(found[0]!.rule, 'yaml-syntax');
  assert.equal(found[0]!.severity, 'error');
  return found[0]!;
}

describe('engine: control characters', function () {
  // A guard against a hang only: how long 8 MB takes is npm run stress's to say.
  this.timeout(120_000);
  it('flags C0 controls but tab and line breaks, DEL, C1 controls but NEL, U+FFFE and U+FFFF', () => {
    const flagged = [0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1a, 0x1b, 0x1f, 0x7f, 0x80, 0x84, 0x86, 0x92, 0x9b, 0x9f, 0xfffe, 0xffff];
    for (const code of flagged) {
      const text = `${HEAD}x-note: a${String.fromCharCode(code)}b\n`;
      const problem = only(text);
      assert.equal(problem.offset, text.indexOf('a', HEAD.length) + 1, `U+${code.toString(16)}`);
      assert.equal(problem.length, 1);
      assert.ok(problem.message.includes(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`), problem.message);
    }
    const allowed = ['\t', '\u0085', '\u00a0', '\u2028', '\ud83d\ude00', '\ue000', '\ufffd', '\u0020\u007e'];
    for (const text of allowed) assert.deepEqual(problems(`${HEAD}x-note: "a${text}b"\n`), [], JSON.stringify(text));
    assert.deepEqual(problems(`\ufeff${HEAD}`), [], 'a byte order mark');
    assert.deepEqual(problems(HEAD.replace(/\n/g, '\r\n')), [], 'CRLF');
    assert.deepEqual(problems(HEAD.replace(/\n/g, '\r')), [], 'CR');
  });

  it('reports one problem per run, on exactly its characters, wherever it is', () => {
    const text = `${HEAD}x-a: "x\u001b[31my\u001b\u0008\u0007z"  # note\u000c\u000c\nx-b: |\n  one\u007ftwo\n`;
    const found = problems(text).map((p) => [text.slice(p.offset, p.offset + p.length), p.message]);
    assert.deepEqual(found.map(([chars]) => chars), ['\u001b', '\u001b\u0008\u0007', '\u000c\u000c', '\u007f']);
    assert.match(found[0]![1]!, /^A control character \(U\+001B ESCAPE\) is not allowed in YAML, not even in quotes: delete it, or write it as "\\e"\.$/);
    assert.match(found[1]![1]!, /^3 control characters in a row \(U\+001B ESCAPE, U\+0008 BACKSPACE, U\+0007 BELL\)/);
    assert.match(found[2]![1]!, /FORM FEED\) are not allowed in YAML, not even in a comment: delete them\.$/);
    assert.match(found[3]![1]!, /U\+007F DELETE.*"\\x7F" inside a double-quoted string/);
  });

  it('names the common ones and falls back to the code point', () => {
    for (const [char, name] of [['\u0000', ''], ['\u0008', 'BACKSPACE'], ['\u000c', 'FORM FEED'], ['\u001b', 'ESCAPE'], ['\u007f', 'DELETE'], ['\u0001', ''], ['\u0092', '']] as const) {
      if (char === '\u0000') continue; // binary data: below
      const { message } = only(`${HEAD}x-note: "a${char}b"\n`);
      const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      assert.ok(message.includes(name ? `(${code} ${name})` : `(${code})`), message);
    }
    assert.match(only(`${HEAD}x-note: "a\ufffeb"\n`).message, /^A noncharacter \(U\+FFFE\)/);
  });

  it('keeps other rules quiet, as every yaml-syntax problem does', () => {
    const text = `${HEAD}find:\n  status: in-progres\n  notes: a\u001bb\n`;
    assert.deepEqual(problems(text).map((p) => p.rule), ['yaml-syntax']);
    assert.deepEqual(problems(text.replace('\u001b', '')).map((p) => p.rule), ['schema']);
  });

  it('reports the first runs, then one problem counting the rest, on 8 MB (npm run stress times it)', () => {
    const found = problems(controlCharacterRuns());
    assert.equal(found.length, MAX_CONTROL_RUNS + 1);
    const last = found.at(-1)!;
    assert.equal(last.offset, found.at(-2)!.offset + 2, 'on the first run left out');
    assert.equal(last.length, 1);
    assert.match(last.message, new RegExp(`^…and ${(CONTROL_RUNS - MAX_CONTROL_RUNS).toLocaleString('en')} more places with control characters from here on`));
  });

  it('reports exactly the cap one by one, and one more as "1 more place"', () => {
    const runs = (count: number) => `${HEAD}x-note: ${'a\u001b'.repeat(count)}a\n`;
    assert.equal(problems(runs(MAX_CONTROL_RUNS)).length, MAX_CONTROL_RUNS);
    assert.ok(!problems(runs(MAX_CONTROL_RUNS)).at(-1)!.message.startsWith('…'));
    assert.match(problems(runs(MAX_CONTROL_RUNS + 1)).at(-1)!.message, /^…and 1 more place with control characters from here on/);
  });

  it('gives text with a NUL the one problem the CLI gives its bytes, and nothing else', () => {
    for (const text of [`${HEAD}x-note: a\u0000b\u0001\n- ]\n`, `\u0000\u0001\ufffe: [`, `\ufeff${HEAD}x-é: "ü\u0000"\n`]) {
      const found = problems(text);
      const cli = decodeTdeFile(Buffer.from(text, 'utf8'));
      assert.ok(!cli.ok);
      assert.deepEqual(found.map((p) => [p.rule, p.message, p.offset, p.length]), [[cli.problem.rule, cli.problem.message, cli.problem.offset, 0]]);
      assert.match(found[0]!.message, /binary data|UTF-16/);
    }
  });

  describe('fixes', () => {
    const fixOf = (text: string) => only(text).fix;

    it('deletes a run between two visible characters of a plain or block value', () => {
      for (const [value, fixed] of [
        ['Flood\u001b[1m sensors', 'Flood[1m sensors'],
        ['Lakeside\u0092s library', 'Lakesides library'],
        ['a\u0008\u0008\u0008b', 'ab'],
        ['[x\u001by, z]', '[xy, z]'],
        ['|\n    Page one.\u007fPage two.', '|\n    Page one.Page two.'],
      ]) {
        const text = `${HEAD}x-note: ${value}\n`;
        const fix = fixOf(text);
        assert.ok(fix, value);
        const after = applyEdits(text, fix.edits);
        assert.equal(after, `${HEAD}x-note: ${fixed}\n`);
        assert.deepEqual(problems(after), []);
      }
    });

    it('turns a form feed or vertical tab between words into a space', () => {
      const text = `${HEAD}  summary: |\n    Asked in May.\u000cAnswered\u000b\u000bin June.\n`;
      const found = problems(text);
      assert.deepEqual(found.map((p) => p.fix?.title), ['Replace the control character with a space', 'Replace the 2 control characters with a space']);
      const after = applyEdits(text, compatibleFixes(found.map((p) => p.fix!)).flatMap((f) => f.edits));
      assert.equal(after, `${HEAD}  summary: |\n    Asked in May. Answered in June.\n`);
      // In plain text, not where the space would start a comment or a mapping value.
      assert.equal(fixOf(`${HEAD}x-note: a:\u000cb\n`)?.edits[0]?.newText, '');
      assert.equal(fixOf(`${HEAD}x-note: a\u000c#b\n`)?.edits[0]?.newText, '');
    });

    it('offers none in quotes, comments, keys, at either end of a value, where text would become a number, or in a file that does not parse', () => {
      for (const rest of [
        'x-note: "a\u001bb"\n',
        "x-note: 'a\u001bb'\n",
        'x-note: ab # a\u001bb\n',
        '# a\u001bb\n',
        'x-n\u001bote: ab\n',
        'x-note: \u001b[1mab\n',
        'x-note: ab\u001b\n',
        'x-note: ab \u001bc\n',
        'x-note: a\u001b b\n',
        'x-note: 1\u001b2\n',
        'x-note: tr\u001bue\n',
        'x-note: |\u001b\n  ab\n',
        '\u000c\n',
        'x-note: a\u001bb\n- ]\n',
      ]) {
        const found = problems(`${HEAD}${rest}`).filter((p) => /control character/.test(p.message));
        assert.equal(found.length, 1, JSON.stringify(rest));
        assert.equal(found[0]!.fix, undefined, JSON.stringify(rest));
      }
      // A multi-line plain value stays text whatever is deleted from it.
      assert.ok(fixOf(`${HEAD}x-note: 1\n  2\u001b3\n`));
    });
  });

  it('incremental checking equals a fresh check when a control character is typed and deleted', () => {
    const checker = new IncrementalChecker();
    const base = `${HEAD}find:\n  status: in-progress\n  collaborators:\n    - name: Ward 5 block club\n      role: community-group\n  notes: first meeting\n`;
    const at = base.indexOf('first') + 5;
    for (const text of [base, `${base.slice(0, at)}\u001b${base.slice(at)}`, base, `${base.slice(0, at)}\u000c\u0092${base.slice(at)}`, base]) {
      const view = (found: Problem[]) => found.map((p) => [p.rule, p.offset, p.length, p.message, p.fix?.title]);
      assert.deepEqual(view(checker.check(text).problems), view(check(text).problems));
    }
  });
});
