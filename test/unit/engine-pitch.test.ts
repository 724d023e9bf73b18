// The worksheet's pitch: six blanks filled from the file, in the default
// frame or the team's own, with empty blanks shown and listed.
import * as assert from 'node:assert/strict';
import { pitchOf, pitchParagraphMarkdown } from '../../server/src/engine';
import { DEFAULT_PITCH_TEMPLATE } from '../../server/src/engine/pitch';
import { message } from '../../server/src/shared/l10n';

const ORDER = ['focus_area', 'impact', 'refining_tactic', 'data_requesters', 'data_supply', 'next_steps'];
const LABELS = ['FOCUS AREA', 'IMPACT', 'REFINING TACTIC', 'DATA REQUESTERS', 'MY DATA SUPPLY', 'NEXT STEPS'];

function file(refine: string, focusArea = '    focus_area: vacant lots on the South Side'): string {
  return [
    'tde: 1',
    'project:',
    '  title: Vacant lots',
    '  place: City of Millford',
    'find:',
    '  status: done',
    '  result:',
    focusArea,
    'refine:',
    '  status: in-progress',
    refine,
    '',
  ].join('\n');
}

const FULL = file([
  '  tactics:',
  '    - interview-stakeholders',
  '  worksheet:',
  '    data_supply: [311 requests]',
  '    data_requesters: [block clubs]',
  '    next_steps: [draft a lot map]',
  '  pitch:',
  '    impact: blocks get cleaner',
].join('\n'));

describe('engine: pitch', () => {
  it('fills all six blanks of the default frame, in the guide\'s order', () => {
    const pitch = pitchOf(FULL);
    assert.equal(pitch.customTemplate, false);
    assert.deepEqual(pitch.emptyBlanks, []);
    assert.deepEqual(pitch.blanks.map((b) => b.key), ORDER);
    assert.deepEqual(pitch.blanks.map((b) => b.label), LABELS);
    assert.deepEqual(pitch.segments.filter((s) => s.blank).map((s) => s.blank), ORDER, 'each blank once, in order');
    const values: Record<string, string> = {
      focus_area: 'vacant lots on the South Side',
      impact: 'blocks get cleaner',
      refining_tactic: 'Interview stakeholders individually',
      data_requesters: 'block clubs',
      data_supply: '311 requests',
      next_steps: 'draft a lot map',
    };
    assert.equal(pitch.text, DEFAULT_PITCH_TEMPLATE.replace(/\{([a-z_]+)\}/g, (_, key: string) => values[key]!));
    for (const blank of pitch.blanks) assert.equal(blank.value, values[blank.key]);
    assert.doesNotMatch(pitch.text, /[{}[\]]/);
  });

  it('speaks the reader\'s language: our frame, the labels and tactic names; the team\'s words as written', () => {
    const pitch = pitchOf(FULL, 'es');
    assert.equal(pitch.text,
      'Los y las residentes podrían aprovechar la información que tiene la ciudad para trabajar en vacant lots on the South Side, ' +
      'algo que importa porque blocks get cleaner. Con Entrevistar a las partes interesadas una por una, vamos a escuchar a block clubs ' +
      'y a buscar con ellos formas concretas de usar 311 requests. Después, vamos a draft a lot map, y ajustaremos el plan según lo que escuchemos en el camino.');
    const empty = pitchOf(file('  pitch:\n    impact: blocks get cleaner'), 'es');
    assert.deepEqual(empty.emptyBlanks, ['TÁCTICA PARA AFINAR', 'QUIENES PIDEN LOS DATOS', 'MIS DATOS DISPONIBLES', 'PRÓXIMOS PASOS']);
    assert.ok(empty.text.includes('escuchar a [QUIENES PIDEN LOS DATOS]'), empty.text);
    const two = pitchOf(file('  worksheet:\n    data_requesters: [block clubs, inquilinos]'), 'es');
    assert.ok(two.text.includes('escuchar a block clubs e inquilinos'), two.text);
    const own = pitchOf(file('  pitch:\n    template: "We care about {focus_area}."'), 'es');
    assert.equal(own.text, 'We care about vacant lots on the South Side.');
  });

  it('the default frame has each of the six placeholders once, in order', () => {
    for (const frame of [DEFAULT_PITCH_TEMPLATE, message('es', 'pitch.frame')]) {
      const placeholders = [...frame.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);
      assert.deepEqual(placeholders, ORDER);
    }
  });

  it('shows empty blanks as [LABEL] and lists them in order', () => {
    const pitch = pitchOf(file('  pitch:\n    impact: blocks get cleaner'));
    assert.deepEqual(pitch.emptyBlanks, ['REFINING TACTIC', 'DATA REQUESTERS', 'MY DATA SUPPLY', 'NEXT STEPS']);
    for (const label of pitch.emptyBlanks) assert.ok(pitch.text.includes(`[${label}]`), label);
    assert.ok(pitch.text.includes('vacant lots on the South Side'));
    assert.ok(!pitch.text.includes('[FOCUS AREA]'));
    const empty = pitch.segments.filter((s) => s.empty).map((s) => s.text);
    assert.deepEqual(empty, ['[REFINING TACTIC]', '[DATA REQUESTERS]', '[MY DATA SUPPLY]', '[NEXT STEPS]']);
  });

  it('counts an empty string, blank text and an empty list as empty', () => {
    const pitch = pitchOf(file([
      '  tactics: []',
      '  worksheet:',
      '    data_supply: []',
      '    data_requesters: ["", "  "]',
      '    next_steps: ""',
      '  pitch:',
      '    impact: "   "',
    ].join('\n'), '    focus_area: ""'));
    assert.deepEqual(pitch.emptyBlanks, LABELS);
    assert.ok(pitch.blanks.every((b) => b.empty && b.value === undefined));
  });

  it('shows every blank empty for a file with nothing in it, or one that does not parse', () => {
    assert.deepEqual(pitchOf('tde: 1\n').emptyBlanks, LABELS);
    assert.deepEqual(pitchOf('tde: 1\nrefine: [\n').emptyBlanks, LABELS);
    assert.deepEqual(pitchOf('').emptyBlanks, LABELS);
  });

  it('names tactics by the guide\'s names, and custom tactics by their own', () => {
    const pitch = pitchOf(file([
      '  tactics:',
      '    - consult-the-public',
      '    - id: host-a-scope-a-thon',
      '    - custom: Lot walks with block captains',
      '      description: Walking every lot on the list.',
    ].join('\n')));
    const tactic = pitch.blanks.find((b) => b.key === 'refining_tactic')!;
    assert.equal(tactic.value, 'Consult the public, Host a “scope-a-thon” and Lot walks with block captains');
  });

  it('joins lists in prose: one, two, and three or more', () => {
    const one = pitchOf(file('  worksheet:\n    data_requesters: [block clubs]'));
    const two = pitchOf(file('  worksheet:\n    data_requesters: [block clubs, the association]'));
    const three = pitchOf(file('  worksheet:\n    data_requesters: [block clubs, the association, council offices]'));
    const value = (p: ReturnType<typeof pitchOf>) => p.blanks.find((b) => b.key === 'data_requesters')!.value;
    assert.equal(value(one), 'block clubs');
    assert.equal(value(two), 'block clubs and the association');
    assert.equal(value(three), 'block clubs, the association and council offices');
  });

  it('uses the team\'s own frame from refine.pitch.template', () => {
    const pitch = pitchOf(file([
      '  tactics: [interview-stakeholders]',
      '  worksheet:',
      '    data_supply: [datos del 311]',
      '    data_requesters: [los clubes de cuadra]',
      '    next_steps: [diseñar un mapa]',
      '  pitch:',
      '    impact: cuadras más limpias',
      '    template: >',
      '      Queremos trabajar en {focus_area} para {impact}. Con {refining_tactic}',
      '      escucharemos a {data_requesters} sobre {data_supply}; luego, {next_steps}.',
    ].join('\n')));
    assert.equal(pitch.customTemplate, true);
    assert.equal(
      pitch.text,
      'Queremos trabajar en vacant lots on the South Side para cuadras más limpias. Con Interview stakeholders individually ' +
        'escucharemos a los clubes de cuadra sobre datos del 311; luego, diseñar un mapa.',
    );
    assert.deepEqual(pitch.emptyBlanks, []);
  });

  it('shows and lists the empty blanks of the team\'s frame too', () => {
    const pitch = pitchOf(file([
      '  pitch:',
      '    template: "{impact} first: {focus_area}."',
    ].join('\n')));
    assert.equal(pitch.text, '[IMPACT] first: vacant lots on the South Side.');
    assert.ok(pitch.emptyBlanks.includes('IMPACT'));
    assert.ok(!pitch.emptyBlanks.includes('FOCUS AREA'));
  });

  it('falls back to the default frame when the template is empty', () => {
    const pitch = pitchOf(file('  pitch:\n    template: ""'));
    assert.equal(pitch.customTemplate, false);
    assert.deepEqual(pitch.segments.filter((s) => s.blank).map((s) => s.blank), ORDER);
  });

  describe('reads as a sentence', () => {
    const sentence = (refine: string, focusArea?: string) => pitchOf(file(refine, focusArea)).text;

    it('lowers an ordinary first word where the frame goes on, and drops the closing stop', () => {
      const text = sentence([
        '  worksheet:',
        '    next_steps: [Test weekly alerts with two tenant groups., Publish a how-to guide.]',
        '  pitch:',
        '    impact: Keeping families housed.',
      ].join('\n'), '    focus_area: Open data on evictions.');
      assert.match(text, /to work on open data on evictions, which matters because keeping families housed\. Using/);
      assert.match(text, /Next, we will test weekly alerts with two tenant groups and publish a how-to guide, and adjust/);
    });

    it('never lowers names or acronyms', () => {
      const text = sentence([
        '  worksheet:',
        '    data_requesters: [NYC tenant groups, Ward 5 residents, Oak Street Block Club, iPhone users, Riverton]',
        '    data_supply: [McAllen court records]',
      ].join('\n'), '    focus_area: OpenStreetMap edits');
      assert.match(text, /on OpenStreetMap edits,/);
      assert.match(text, /listen to NYC tenant groups, Ward 5 residents, Oak Street Block Club, iPhone users and Riverton and find/);
      assert.match(text, /to use McAllen court records\./);
    });

    it('says the frame\'s words once', () => {
      const text = sentence('  worksheet:\n    next_steps: [We will map the lots]\n  pitch:\n    impact: because lots stay empty');
      assert.match(text, /Next, we will map the lots, and adjust/);
      assert.match(text, /which matters because lots stay empty\./);
      assert.doesNotMatch(text, /\b(\w+) \1\b/i);
    });

    it('keeps an ellipsis, and a team\'s own frame keeps its capitals', () => {
      const text = sentence('  pitch:\n    impact: Fewer lots stay empty...\n    template: "Wir werden {impact} und mehr."');
      assert.equal(text, 'Wir werden Fewer lots stay empty... und mehr.');
    });
  });

  it('is one Markdown paragraph for every door: filled blanks bold and escaped, empty ones as code', () => {
    const pitch = pitchOf(file('  pitch:\n    impact: "*more* <b>\\nlight"'));
    const escape = (text: string) => text.replace(/[*<>]/g, (ch) => `\\${ch}`);
    const markdown = pitchParagraphMarkdown(pitch, escape);
    assert.match(markdown, /because \*\*\\\*more\\\* \\<b\\> light\*\*\. Using `\[REFINING TACTIC\]`, we will listen to `\[DATA REQUESTERS\]`/);
    assert.ok(!markdown.includes('\n'));
  });
});
