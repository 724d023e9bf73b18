// Template text is not content: the snippets' placeholders, the starter
// project's examples and the walkthrough's example values are recognised
// wherever they are left, and count as empty.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { check, pitchOf } from '../../server/src/engine';
import { isPlaceholderText } from '../../server/src/engine/placeholders';
import { starterProject } from '../../server/src/shared/starterProject';

const ROOT = path.resolve(__dirname, '..', '..');

/** Defaults a snippet offers that are real values, not text to replace. */
const REAL_DEFAULTS = new Set(['https://', 'CSV', 'CC BY 4.0']);

function snippetDefaults(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'snippets', 'tde.code-snippets'), 'utf8').replace(/^\/\/.*\n/, '');
  const snippets = JSON.parse(text) as Record<string, { body: string[] }>;
  // The whole steps, which the language server offers.
  const steps = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'lsp', 'stepSnippets.json'), 'utf8')) as Record<string, { body: string[] }>;
  const out: string[] = [];
  for (const { body } of [...Object.values(snippets), ...Object.values(steps)]) {
    for (const line of body) {
      // A line that is only placeholders of one text (the user story) is recognised whole.
      for (const m of line.matchAll(/\$\{\d+:((?:\\.|[^}\\])*)\}/g)) out.push(m[1]!.replace(/\\(.)/g, '$1'));
    }
  }
  return out;
}

const FILE = (refine: string) =>
  `tde: 1\nproject: {title: T, place: P}\nfind:\n  status: done\n  collaborators:\n    - {name: Linden Walks, role: advocate}\n  result:\n    focus_area: Broken sidewalks\nrefine:\n  status: done\n  collaborators:\n    - {name: Linden Walks, role: advocate}\n  tactics: [interview-stakeholders]\n  use_cases:\n    - {id: repair-map, title: A repair map}\n  worksheet:\n    data_supply: [repair records]\n    data_requesters: [parents]\n    next_steps: [map the routes]\n${refine}`;

describe('template text', () => {
  it('every placeholder a snippet leaves is recognised', () => {
    const defaults = snippetDefaults().filter((text) => !REAL_DEFAULTS.has(text) && !text.startsWith('${'));
    assert.ok(defaults.length > 40, `${defaults.length} placeholders`);
    const parts = new Set(['role', 'something', 'a benefit']);
    const missed = defaults.filter((text) => !parts.has(text) && !isPlaceholderText(text));
    assert.deepEqual(missed, []);
    assert.ok(isPlaceholderText('As a role, I want something, so that a benefit.'), 'the user story as the snippet leaves it');
    assert.ok(!isPlaceholderText('role'), 'a part of the story alone is not template text');
  });

  it('every example the starter project shows is recognised once uncommented', () => {
    const starter = starterProject({ title: 'Lots', place: 'Riverton', started: new Date(2024, 0, 2), door: 'cli' });
    const uncommented = starter
      .replace(/^(\s*)# (summary|action|engagement):/gm, '$1$2:')
      .replace(/^  # result:\n  #   focus_area: (.*)\n  #   rationale: (.*)$/m, '  result:\n    focus_area: $1\n    rationale: $2')
      .replace(/^  status: not-started$/m, '  status: in-progress');
    const messages = check(uncommented, {}).problems.filter((p) => p.rule === 'placeholder-text').map((p) => p.message);
    assert.equal(messages.length, 4, messages.join('\n'));
    for (const key of ['action', 'engagement', 'focus_area', 'rationale']) assert.ok(messages.some((m) => m.startsWith(`"${key}" in Find`)), key);
  });

  it('every example value of the walkthrough is recognised, but not its names of groups', () => {
    const seen: string[] = [];
    for (const file of fs.readdirSync(path.join(ROOT, 'walkthrough'))) {
      const text = fs.readFileSync(path.join(ROOT, 'walkthrough', file), 'utf8');
      for (const block of text.matchAll(/```yaml\n([\s\S]*?)```/g)) {
        for (const doc of parseAllDocuments(block[1]!)) {
          const walk = (value: unknown, key?: string, parent?: string): void => {
            if (Array.isArray(value)) return value.forEach((v) => walk(v, key, parent));
            if (value && typeof value === 'object') return Object.entries(value).forEach(([k, v]) => walk(v, k, key));
            if (typeof value !== 'string' || !/\s/.test(value.trim())) return; // ids, values of a list, dates
            if ((key === 'name' && parent !== 'persona') || key === 'from' || key === 'steward' || key === 'mode') return;
            seen.push(value);
          };
          walk(doc.toJS());
        }
      }
    }
    assert.ok(seen.length >= 5, `${seen.length} example values`);
    assert.deepEqual(seen.filter((value) => !isPlaceholderText(value)), []);
    assert.ok(!isPlaceholderText('South Side Neighborhood Association'));
  });

  it('ignores case, spacing and a closing stop; a longer sentence is the team\'s own', () => {
    assert.ok(isPlaceholderText('  what YOU will   do next. '));
    assert.ok(!isPlaceholderText('What you will do next: map the routes'));
  });

  it('counts as empty for the pitch and pitch-incomplete', () => {
    const text = FILE('  pitch:\n    impact: why the focus area matters\n');
    const pitch = pitchOf(text);
    assert.deepEqual(pitch.emptyBlanks, ['IMPACT']);
    assert.match(pitch.text, /which matters because \[IMPACT\]\./);
    const problem = check(text, {}).problems.find((p) => p.rule === 'pitch-incomplete');
    assert.match(problem?.message ?? '', /IMPACT \("refine\.pitch\.impact"\)/);
  });

  it('counts as empty for missing-result', () => {
    const text = FILE('  pitch:\n    impact: safer walks to school\n').replace('focus_area: Broken sidewalks', 'focus_area: The issue residents could tackle with city data');
    const rules = check(text, {}).problems.map((p) => `${p.rule}@${p.path.join('.')}`);
    assert.ok(rules.includes('missing-result@find'), rules.join(', '));
    assert.ok(rules.includes('placeholder-text@find.result.focus_area'), rules.join(', '));
  });
});
