// The engine's defences against hostile YAML, one by one: directives, tags,
// merge keys, duplicate keys, aliases, nesting, keys that name JavaScript's
// own properties, and the linear-time replacements of what was quadratic
// (each checked against the simple version it replaced).
import * as assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parseDocument } from 'yaml';
import { check, compatibleFixes, parseTde, pitchOf, type Fix } from '../../server/src/engine';
import { MAX_NESTING, MAX_SYNTAX_ISSUES, PARSE_OPTIONS } from '../../server/src/engine/document';
import { toPlainData } from '../../server/src/engine/plainData';
import { editDistance, nearest } from '../../server/src/engine/suggest';
import { readDirectives, silencing, type Directive } from '../../server/src/engine/suppressions';
import { someOf } from '../../server/src/engine/rules/messageParts';
import type { Node } from '../../server/src/engine/document';
import { runs, seed } from '../helpers/seed';
import { aliasesThatMultiply, HEAD, hugeCandidates, longContacts, manyDuplicateKeys } from '../hostile/pathological';

const rulesOf = (text: string) => check(text).problems.map((p) => p.rule);
const messagesOf = (text: string) => check(text).problems.map((p) => p.message);

describe('engine defences against hostile YAML', function () {
  // A guard against a hang only: how long the big inputs take is npm run stress's to say.
  this.timeout(120_000);
  describe('directives', () => {
    it('reads a %YAML 1.1 file as YAML 1.2 core, and says so', () => {
      const text = `%YAML 1.1\n---\n${HEAD}  summary: yes\n  iteration: 010\n`;
      const { problems, document } = check(text);
      assert.deepEqual(problems.map((p) => [p.rule, p.offset, p.length]), [['yaml-syntax', 0, 9]]);
      assert.match(problems[0]!.message, /%YAML 1\.1", but TDE files are always read as YAML 1\.2/);
      const project = (document.yaml.toJS() as { project: Record<string, unknown> }).project;
      assert.equal(project.summary, 'yes');
      assert.equal(project.iteration, 10);
    });

    it('says nothing of %YAML 1.2, and words an unknown version its own way', () => {
      assert.deepEqual(rulesOf(`%YAML 1.2\n---\n${HEAD}`), []);
      assert.deepEqual(messagesOf(`# c\n%YAML 1.3\n---\n${HEAD}`).map((m) => /%YAML 1\.3".*YAML 1\.2/.test(m)), [true]);
    });

    it('reads a directive only before the document', () => {
      assert.deepEqual(rulesOf(`${HEAD}x-text: |\n  %YAML 1.1\n`), []);
    });
  });

  describe('tags and merge keys', () => {
    it("reports YAML 1.1's types (!!binary, !!timestamp, !!set, !!omap, !!pairs, !!merge) as tags the core schema lacks", () => {
      for (const tagged of ['!!binary SGVsbG8=', '!!timestamp 2024-03-18', '!!set {a, b}', '!!omap [{a: 1}]', '!!pairs [{a: 1}]', '!!merge x']) {
        const problems = check(`${HEAD}x-v: ${tagged}\n`).problems;
        assert.deepEqual(problems.map((p) => p.rule), ['yaml-syntax'], tagged);
        assert.match(problems[0]!.message, /Custom YAML tags/, tagged);
      }
    });

    it("keeps the core schema's own tags", () => {
      assert.deepEqual(rulesOf(`${HEAD}x-v: [!!str 1, !!int "2", !!bool true, !!null ~, !!map {a: 1}, !!seq [1]]\n`), []);
    });

    it('treats << as a plain key: no merging', () => {
      const text = `x-base: &base {status: done}\n${HEAD}find:\n  <<: *base\n  status: not-started\n`;
      const { problems, document } = check(text);
      assert.ok(problems.some((p) => p.rule === 'schema' && /Unknown key "<<"/.test(p.message)));
      const data = toPlainData(document.yaml.contents as Node, { maxValues: 1000, maxDepth: 100 }) as { find: Record<string, unknown> };
      assert.deepEqual(Object.keys(data.find), ['<<', 'status']);
      assert.equal(data.find.status, 'not-started');
    });
  });

  describe('duplicate keys', () => {
    it('finds the same duplicates as the parser, without its quadratic search', () => {
      const key = fc.constantFrom('a', 'b', '1', '"1"', "'a'", '~', 'null', 'true', '"true"', '0x1', '1.0', '.nan');
      const mapping = fc.array(key, { minLength: 1, maxLength: 8 });
      fc.assert(
        fc.property(fc.array(mapping, { minLength: 1, maxLength: 4 }), fc.boolean(), (maps, flow) => {
          const text = maps
            .map((keys, i) => (flow ? `m${i}: {${keys.map((k, j) => `${k}: ${j}`).join(', ')}}\n` : `m${i}:\n${keys.map((k, j) => `  ${k}: ${j}\n`).join('')}`))
            .join('');
          const parser = parseDocument(text, { ...PARSE_OPTIONS, uniqueKeys: true }).errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]);
          const ours = parseTde(text).syntaxIssues.filter((i) => /appears twice/.test(i.message)).map((i) => i.offset);
          assert.deepEqual(ours.sort((a, b) => a - b), parser.sort((a, b) => a - b), text);
        }),
        { seed, numRuns: runs(300) },
      );
    });

    it('checks 100,000 keys, capping what it reports (npm run stress times it)', () => {
      const issues = parseTde(manyDuplicateKeys()).syntaxIssues;
      assert.equal(issues.length, MAX_SYNTAX_ISSUES + 1, 'capped, with a last word about the rest');
      assert.match(issues[issues.length - 1]!.message, /more YAML problems/);
    });
  });

  describe('aliases', () => {
    it('reports an alias with no anchor, or with its anchor only later', () => {
      const problems = check(`${HEAD}x-a: *nowhere\nx-b: *later\nx-c: &later 1\n`).problems;
      assert.deepEqual(problems.map((p) => [p.rule, /names no anchor/.test(p.message)]), [['yaml-syntax', true], ['yaml-syntax', true]]);
    });

    it('follows an alias to an anchor on a key', () => {
      const { document, problems } = check(`${HEAD}x-map:\n  &k key: 1\nx-use: *k\n`);
      assert.deepEqual(problems, []);
      assert.equal((toPlainData(document.yaml.contents as Node, { maxValues: 100, maxDepth: 10 }) as Record<string, unknown>)['x-use'], 'key');
    });

    it('refuses a recursive alias instead of building a cycle', () => {
      assert.match(messagesOf(`${HEAD}x-a: &a [1, *a]\n`)[0]!, /refers to a value that contains it/);
    });

    it('bounds what aliases expand to (npm run stress times it)', () => {
      assert.match(messagesOf(aliasesThatMultiply())[0]!, /grows past 100,000 values/);
    });

    it('shortens a long alias name in messages', () => {
      const name = 'n'.repeat(100_000);
      const message = messagesOf(`${HEAD}x-a: *${name}\n`)[0]!;
      assert.ok(message.length < 300, `${message.length} characters`);
    });
  });

  describe('nesting', () => {
    const deep = (n: number) => ({
      flow: `${HEAD}x-d: ${'['.repeat(n)}${']'.repeat(n)}\n`,
      map: `${HEAD}x-d: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
      block: `${HEAD}x-d:\n${'- '.repeat(n)}x\n`,
      key: `${HEAD}? ${'['.repeat(n)}${']'.repeat(n)}\n: 1\n`,
    });

    it(`stops at ${MAX_NESTING} levels, at the same node, whatever the stack (main thread and a big-stack worker agree)`, async () => {
      for (const [kind, text] of Object.entries(deep(3000))) {
        const here = check(text).problems.map((p) => [p.rule, p.offset, p.length, p.message]);
        assert.equal(here.length, 1, kind);
        assert.match(String(here[0]![3]), new RegExp(`nested more than ${MAX_NESTING} levels`), kind);
        const there = await checkInWorker(text, 64);
        assert.deepEqual(there, here, kind);
      }
    });

    it('never overflows the stack: check, pitch, directives and the plain data on 10,000 levels', () => {
      for (const text of Object.values(deep(10_000))) {
        const withComments = `# tde-disable-next-line schema\n${text}`;
        assert.doesNotThrow(() => check(withComments));
        assert.doesNotThrow(() => pitchOf(withComments));
        assert.doesNotThrow(() => readDirectives(parseTde(withComments)));
      }
    });

    it('parses with stack traces off, and turns them back on', () => {
      const limit = Error.stackTraceLimit;
      parseTde(`${HEAD}${'- ]\n'.repeat(100)}`);
      assert.equal(Error.stackTraceLimit, limit);
    });
  });

  describe('keys that name JavaScript properties', () => {
    it('are data in the plain view, and Object.prototype is never touched', () => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      const text = `__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\n${HEAD}  __proto__: {polluted: 1}\nfind:\n  status: in-progress\n  collaborators:\n    - {name: __proto__, role: __proto__, __proto__: {polluted: 1}}\n  tactics: [__proto__, {id: constructor, criteria: [__proto__]}]\nrefine:\n  status: in-progress\n  use_cases: [{id: __proto__}]\n  result: {promising_use_cases: [constructor, __proto__]}\ndesign:\n  status: in-progress\n  feedback: [{from: __proto__}]\n`;
      const { problems, document } = check(text);
      assert.ok(problems.some((p) => /Unknown key "__proto__"/.test(p.message)));
      const data = toPlainData(document.yaml.contents as Node, { maxValues: 1000, maxDepth: 100 }) as Record<string, unknown>;
      assert.ok(Object.hasOwn(data, '__proto__'));
      assert.equal(Object.getPrototypeOf(data), Object.prototype);
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      pitchOf(text);
    });
  });

  describe('linear replacements of quadratic code', () => {
    it('compatibleFixes picks what the old all-pairs search picked', () => {
      const edit = fc.record({ offset: fc.nat(60), length: fc.oneof(fc.constant(0), fc.nat(8)), newText: fc.constant('x') });
      const fix = fc.record({ title: fc.constant('f'), edits: fc.array(edit, { minLength: 1, maxLength: 3 }) });
      fc.assert(
        fc.property(fc.array(fix, { maxLength: 30 }), (fixes) => {
          assert.deepEqual(compatibleFixes(fixes), oldCompatibleFixes(fixes));
        }),
        { seed, numRuns: runs(2000) },
      );
    });

    it('silencing finds what the old linear search found', () => {
      const line = fc.constantFrom('a: 1', '', '# c', '# tde-disable-next-line', '# tde-disable-next-line schema', '# tde-disable-next-line schema, yaml-syntax', '# tde-disable', '# tde-disable unknown-tactic', 'b: 2 # tde-disable-next-line schema');
      fc.assert(
        fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('schema', 'yaml-syntax', 'unknown-tactic'), (lines, rule) => {
          const text = lines.join('\n');
          const directives = readDirectives(parseTde(text));
          for (const d of directives) if (d.kind === 'next-line') assert.equal(d.targetLine, naiveNextContentLine(lines, d.line + 1), text);
          for (let l = 0; l <= lines.length; l++) assert.equal(silencing(directives, rule, l), oldSilencing(directives, rule, l), `${text}\nline ${l}`);
        }),
        { seed, numRuns: runs(1000) },
      );
    });

    it('nearest suggests what a full search suggests, without measuring what cannot be near', () => {
      const word = fc.stringMatching(/^[a-z-]{0,14}$/);
      fc.assert(
        fc.property(word, fc.array(word, { maxLength: 20 }), (target, candidates) => {
          assert.equal(nearest(target, candidates), fullNearest(target, candidates));
        }),
        { seed, numRuns: runs(2000) },
      );
    });

    it('nearest answers with huge candidates and huge candidate lists (npm run stress times it)', () => {
      assert.equal(nearest(...hugeCandidates()), undefined);
    });

    it('lists at most a few names, each shortened, in a message', () => {
      const listed = someOf(Array.from({ length: 1000 }, (_, i) => `name-${i}-${'x'.repeat(i % 2 ? 1000 : 1)}`));
      assert.ok(listed.length < 1500, `${listed.length} characters`);
      assert.match(listed, /… \(980 more\)$/);
    });

    it('fills a pitch frame that repeats its blanks only to a readable size', () => {
      const text = `${HEAD}find:\n  status: done\n  result: {focus_area: ${'f'.repeat(100_000)}}\nrefine:\n  status: done\n  pitch:\n    template: "${'{focus_area} '.repeat(10_000)}"\n`;
      const pitch = pitchOf(text);
      assert.ok(pitch.text.length < 1_000_000, `${pitch.text.length} characters`);
      assert.equal(pitch.segments.filter((s) => s.blank).length, 6);
    });

    it('an id of a million `a-` does not overflow the regex engine', () => {
      const id = `${'a-'.repeat(1_000_000)}a`;
      const text = `${HEAD}refine:\n  status: in-progress\n  use_cases: [{id: ${id}}]\n  result: {promising_use_cases: [b]}\ndesign:\n  status: in-progress\n  selected_use_case: [${id}]\n`;
      const errors: string[] = [];
      check(text, { onRuleError: (rule, error) => errors.push(`${rule}: ${String(error)}`) });
      assert.deepEqual(errors, []);
    });

    it('a resident contact of a million letters is checked (npm run stress times it)', () => {
      const problems = check(longContacts()).problems.filter((p) => p.rule === 'personal-contact');
      assert.equal(problems.length, 1, 'the real address is still found');
    });
  });
});

/** compatibleFixes before it was made linear. */
function oldCompatibleFixes(fixes: readonly Fix[]): Fix[] {
  const taken: [number, number][] = [];
  const chosen: Fix[] = [];
  const ordered = [...fixes].sort((a, b) => (a.edits[0]?.offset ?? 0) - (b.edits[0]?.offset ?? 0));
  for (const fix of ordered) {
    const spans = fix.edits.map((e) => [e.offset, e.offset + e.length] as [number, number]);
    const clash = spans.some(([s, e]) => taken.some(([ts, te]) => (s < te && ts < e) || (s === ts && e === te) || (s === e && s >= ts && s <= te)));
    if (clash) continue;
    taken.push(...spans);
    chosen.push(fix);
  }
  return chosen;
}

function oldSilencing(directives: readonly Directive[], rule: string, line: number): Directive | undefined {
  return directives.find((d) => {
    if (d.rules && !d.rules.includes(rule)) return false;
    return d.kind === 'next-line' ? d.targetLine === line : line > d.line;
  });
}

function naiveNextContentLine(lines: string[], from: number): number | undefined {
  for (let line = from; line < lines.length; line++) {
    const content = lines[line]!.trim();
    if (content !== '' && !content.startsWith('#')) return line;
  }
  return undefined;
}

function fullNearest(word: string, candidates: string[]): string | undefined {
  const norm = (w: string) => w.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const target = norm(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, norm(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : undefined;
}

/** check() in a worker thread with a bigger stack than the main thread's. */
function checkInWorker(text: string, stackSizeMb: number): Promise<unknown> {
  const register = path.resolve(__dirname, '../register.cjs');
  const engine = path.resolve(__dirname, '../../server/src/engine/index.ts');
  const source = `
    require(${JSON.stringify(register)});
    const { parentPort, workerData } = require('node:worker_threads');
    const { check } = require(${JSON.stringify(engine)});
    parentPort.postMessage(check(workerData).problems.map((p) => [p.rule, p.offset, p.length, p.message]));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: text, resourceLimits: { stackSizeMb } });
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
