// The promise of a fix, as a property: applying every fix (the engine's one
// fix loop, as `--fix` and "Fix all" run it) never makes a problem that had
// no fix disappear — whatever its rule — and never changes a YAML value that
// no fixed problem is about. Over every fixture, every example, and seeded
// random slips in the examples (the slips a fix is for, and some it is not).
// The seed is test/helpers/seed.ts's (TDE_TEST_SEED replays or explores).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { check, fixAll, loadConfigFor, type CheckOptions, type NodePath, type Problem } from '../../server/src/engine';
import { fixSteps } from '../../server/src/engine/fixAll';
import { nodeHost } from '../helpers/host';
import { runs, seed } from '../helpers/seed';
import { skipBecause } from '../helpers/skip';
import { differences, tdeFiles } from '../helpers/tdeFiles';

const RUNS = runs(100);
const repo = path.resolve(__dirname, '..', '..');


const samePath = (a: NodePath, b: NodePath) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));
const under = (long: NodePath, prefix: NodePath) => prefix.every((s, i) => String(long[i]) === String(s));

/** YAML 1.2 data of a text, or undefined when it does not read as one document. */
function dataOf(text: string): unknown {
  try {
    return parse(text.replace(/\r(?!\n)/g, '\n'), { version: '1.2', schema: 'core', uniqueKeys: false, maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

function valueAt(data: unknown, at: NodePath): unknown {
  let value = data;
  for (const key of at) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}


/** How many texts `violations` saw fixed: a property over texts with nothing to fix would prove nothing. */
let textsFixed = 0;

/** What the invariant found wrong with fixing `text`; empty when it holds. */
function violations(text: string, options: CheckOptions): string[] {
  const before = check(text, options).problems;
  // Drive the loop by hand to learn every problem whose fix it applied, pass by pass.
  const fixedPaths: NodePath[] = [];
  const steps = fixSteps(text, before);
  let problems: readonly Problem[] = before;
  let step = steps.next();
  while (!step.done) {
    for (const p of problems) if (p.fix) fixedPaths.push(p.path);
    problems = check(step.value, options).problems;
    step = steps.next(problems);
  }
  const after = step.value.text;
  if (after === text) return [];
  textsFixed++;
  const found: string[] = [];
  const afterProblems = check(after, options).problems;
  for (const problem of before) {
    if (problem.fix) continue;
    if (!afterProblems.some((p) => p.rule === problem.rule && samePath(p.path, problem.path))) {
      found.push(`a problem with no fix disappeared: ${problem.rule} at ${problem.path.join('.')}: ${problem.message}`);
    }
  }
  const [was, is] = [dataOf(text), dataOf(after)];
  if (was !== undefined && is !== undefined) {
    for (const changed of differences(was, is)) {
      if (fixedPaths.some((fixed) => under(changed, fixed))) continue;
      // A key moved where it belongs: the value added is the one a fixed problem's key took away.
      const moved = fixedPaths.some((fixed) => fixed.length > 0 && String(fixed[fixed.length - 1]) === String(changed[changed.length - 1])
        && valueAt(is, fixed) === undefined && JSON.stringify(valueAt(is, changed)) === JSON.stringify(valueAt(was, fixed)));
      if (!moved) found.push(`a value no fixed problem is about changed: ${changed.join('.')} (fixed: ${fixedPaths.map((p) => p.join('.') || '(file)').join(', ')})`);
    }
  }
  return found;
}

const fixtures = [...tdeFiles(path.join(repo, 'test', 'fixtures')), ...tdeFiles(path.join(repo, 'examples'))];
const optionsFor = (file: string): CheckOptions => ({ fileName: file, host: nodeHost, severities: loadConfigFor(file, nodeHost).rules });

describe('fixes never change what a file says (property)', () => {
  it('has fixtures and examples to run over', () => {
    assert.ok(fixtures.length > 50, `only ${fixtures.length} files`);
  });

  it('over every fixture and example', () => {
    let fixedFiles = 0;
    const problems: string[] = [];
    for (const file of fixtures) {
      const text = fs.readFileSync(file, 'utf8');
      const options = optionsFor(file);
      if (fixAll(text, options).text !== text) fixedFiles++;
      for (const v of violations(text, options)) problems.push(`${path.relative(repo, file)}: ${v}`);
    }
    assert.deepEqual(problems, []);
    assert.ok(fixedFiles >= 5, `only ${fixedFiles} files had anything to fix`);
  });

  describe('over seeded slips in the examples', () => {
    const examples = tdeFiles(path.join(repo, 'examples'));
    // Values a slip is likely in: ids, list values, names, dates.
    const KEYS = '(?:id|name|status|role|via|support|formality|incorporated|state|intervention|tactic|selected_use_case|from|started|date):\\s+';
    const WORD = new RegExp(`(?<=(?:^|\\n)\\s*(?:-\\s+(?:${KEYS})?|${KEYS}))[A-Za-z0-9][A-Za-z0-9 ./-]*[A-Za-z0-9]`, 'g');
    const slip = fc.record({
      file: fc.integer({ min: 0, max: Math.max(0, examples.length - 1) }),
      word: fc.nat(),
      kind: fc.constantFrom('drop', 'double', 'swap', 'change', 'date', 'other-name', 'team-up'),
      at: fc.nat(),
      letter: fc.constantFrom(...'aeiourstn-'),
    });

    function applySlip(text: string, s: { word: number; kind: string; at: number; letter: string }): string {
      if (s.kind === 'other-name') return text.replace(/\bjoin-public-meetings\b/, 'observe-popular-meetings').replace(/\binterview-stakeholders\b/, 'interview-stakeholders-individually');
      if (s.kind === 'team-up') {
        const team = /\n  team:.*(\n    .*)*/.exec(text);
        return team ? `${text.replace(team[0], '')}${team[0].replace(/\n  /g, '\n')}\n` : text;
      }
      const words = [...text.matchAll(WORD)];
      if (words.length === 0) return text;
      const m = words[s.word % words.length]!;
      const word = m[0];
      const i = s.at % word.length;
      let next = word;
      if (s.kind === 'drop') next = word.slice(0, i) + word.slice(i + 1);
      if (s.kind === 'double') next = word.slice(0, i) + word[i] + word.slice(i);
      if (s.kind === 'swap' && i + 1 < word.length) next = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (s.kind === 'change') next = word.slice(0, i) + s.letter + word.slice(i + 1);
      if (s.kind === 'date') {
        const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
        next = d ? `${Number(d[2])}/${Number(d[3])}/${d[1]}` : word;
      }
      return text.slice(0, m.index) + next + text.slice(m.index! + word.length);
    }

    it(`applying every fix keeps every problem with no fix and every value no fix is about (seed ${seed}, ${RUNS} runs)`, function () {
      if (examples.length === 0) skipBecause(this, 'no examples in this checkout: nothing to slip');
      const fixedBefore = textsFixed;
      fc.assert(
        fc.property(fc.array(slip, { minLength: 1, maxLength: 3 }), (slips) => {
          const file = examples[slips[0]!.file % examples.length]!;
          let text = fs.readFileSync(file, 'utf8');
          for (const s of slips) text = applySlip(text, s);
          const found = violations(text, optionsFor(file));
          assert.deepEqual(found, [], `${path.relative(repo, file)} with ${JSON.stringify(slips)}`);
        }),
        { seed, numRuns: RUNS },
      );
      assert.ok(textsFixed - fixedBefore >= RUNS / 5, `only ${textsFixed - fixedBefore} of ${RUNS} slipped texts had a fix applied`);
    });
  });
});
