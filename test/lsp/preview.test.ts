// The custom requests behind the pitch preview: tde/documentInfo and
// tde/revealBlank (the edit that creates a missing field, then where to type).
import * as assert from 'node:assert/strict';
import { check } from '../../server/src/engine';
import type { DocumentInfo, RevealBlankResult } from '../../server/src/shared/protocol';
import { starterProject } from '../../server/src/shared/starterProject';
import { applyLspEdits, fixtureUri, readFixture, useServer } from '../helpers/lspClient';

let counter = 0;

describe('language server: pitch preview requests', function () {
  const client = useServer();

  async function openNew(text: string): Promise<string> {
    const uri = fixtureUri(`preview-${counter++}.tde.yaml`);
    await client().open(uri, text);
    return uri;
  }

  it('describes a file: project, steps with status, the current step, the filled pitch and the problems', async () => {
    const uri = fixtureUri('project.tde.yaml');
    await client().open(uri, readFixture('project.tde.yaml'));
    const info = await client().request<DocumentInfo>('tde/documentInfo', { uri });
    assert.equal(info.uri, uri);
    assert.equal(info.version, 1);
    assert.equal(info.title, 'Eviction filings data');
    assert.equal(info.place, 'City of Riverton');
    assert.equal(info.iteration, 1);
    assert.equal(info.parsed, true);
    assert.deepEqual(info.steps.map((s) => [s.id, s.title, s.status]), [
      ['find', 'Find', 'done'],
      ['refine', 'Refine', 'done'],
      ['design', 'Design', 'in-progress'],
      ['implement', 'Implement', 'absent'],
    ]);
    assert.deepEqual(info.steps[0]!.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 4 } });
    assert.equal(info.currentStep?.id, 'design');
    assert.deepEqual(info.pitch.emptyBlanks, []);
    assert.equal(info.pitch.customTemplate, false);
    assert.deepEqual(info.pitch.blanks.map((b) => [b.key, b.path, b.value]), [
      ['focus_area', 'find.result.focus_area', 'Eviction filings and housing instability'],
      ['impact', 'refine.pitch.impact', 'fewer evictions without a lawyer'],
      ['refining_tactic', 'refine.tactics', 'Workshop with partners'],
      ['data_requesters', 'refine.worksheet.data_requesters', 'Riverton Legal Aid Society'],
      ['data_supply', 'refine.worksheet.data_supply', 'Weekly filings extract'],
      ['next_steps', 'refine.worksheet.next_steps', 'Draft a plan with legal aid'],
    ]);
    assert.equal(info.pitch.text, info.pitch.segments.map((s) => s.text).join(''));
    assert.ok(info.pitch.markdown.includes('**eviction filings and housing instability**'));
    assert.deepEqual(info.problems, []);
  });

  it('speaks the reader\'s language when asked: the pitch\'s frame, its labels, the step titles; the team\'s words as written', async () => {
    const uri = fixtureUri('project.tde.yaml');
    await client().open(uri, readFixture('project.tde.yaml'));
    const info = await client().request<DocumentInfo>('tde/documentInfo', { uri, locale: 'es-MX' });
    assert.deepEqual(info.steps.map((s) => s.title), ['Encontrar', 'Afinar', 'Diseñar', 'Implementar']);
    assert.deepEqual(info.pitch.blanks.map((b) => b.label), ['ÁREA DE ENFOQUE', 'IMPACTO', 'TÁCTICA PARA AFINAR', 'QUIENES PIDEN LOS DATOS', 'MIS DATOS DISPONIBLES', 'PRÓXIMOS PASOS']);
    assert.match(info.pitch.text, /^Los y las residentes podrían aprovechar la información que tiene la ciudad para trabajar en eviction filings and housing instability, /);
    assert.ok(info.pitch.text.includes('Con Hacer talleres con aliados, vamos a escuchar a Riverton Legal Aid Society'), info.pitch.text);
    const empty = await openNew('tde: 1\nproject: {title: t, place: p}\nfind:\n  status: in-progress\n');
    const blank = await client().request<DocumentInfo>('tde/documentInfo', { uri: empty, locale: 'es' });
    assert.ok(blank.pitch.markdown.includes('`[ÁREA DE ENFOQUE]`'), blank.pitch.markdown);
  });

  it('lists the problems with ranges and docs links, and shows empty blanks', async () => {
    const uri = await openNew('tde: 1\nproject:\n  title: "*Lots* <b>"\n  place: Millford\nfind:\n  status: in-progress\n');
    const info = await client().request<DocumentInfo>('tde/documentInfo', { uri });
    assert.deepEqual(info.steps.map((s) => s.status), ['in-progress', 'absent', 'absent', 'absent']);
    assert.equal(info.currentStep?.id, 'find');
    assert.equal(info.pitch.emptyBlanks.length, 6);
    assert.ok(info.pitch.markdown.includes('`[FOCUS AREA]`'), info.pitch.markdown);
    const problem = info.problems.find((p) => p.rule === 'missing-collaborators')!;
    assert.deepEqual(problem, {
      rule: 'missing-collaborators',
      severity: 'warning',
      message: problem.message,
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } },
      docsUrl: 'https://github.com/tde-tools/tde/blob/main/docs/rules/missing-collaborators.md',
    });
    assert.equal(info.title, '*Lots* <b>', 'user text is data; the client renders it as text');
  });

  it('escapes user text in the pitch Markdown, which still reads as written where it is pasted as plain text', async () => {
    const uri = await openNew('tde: 1\nproject: {title: t, place: p}\nfind:\n  status: done\n  result:\n    focus_area: "*bold* [link](http://x) <img> in the \\"North End\\" & Co_op"\n');
    const info = await client().request<DocumentInfo>('tde/documentInfo', { uri });
    assert.ok(info.pitch.markdown.includes('**\\*bold\\* \\[link\\](http:\u200b//x) \\<img\\> in the "North End" \\& Co\\_op**'), info.pitch.markdown);
    assert.doesNotMatch(info.pitch.markdown, /&#?\w+;/, 'no HTML entities in text people paste');
  });

  it('says the YAML did not parse', async () => {
    const uri = await openNew('tde: 1\nproject: [\n');
    const info = await client().request<DocumentInfo>('tde/documentInfo', { uri });
    assert.equal(info.parsed, false);
    assert.deepEqual(info.problems.map((p) => p.rule), ['yaml-syntax']);
  });

  async function reveal(text: string, key: string): Promise<{ result: RevealBlankResult; after: string; selected: string }> {
    const uri = await openNew(text);
    const result = await client().request<RevealBlankResult>('tde/revealBlank', { uri, key });
    const after = result.edit ? applyLspEdits(text, [result.edit]) : text;
    const lines = after.split(/\r?\n/);
    const { start, end } = result.selection;
    const selected = start.line === end.line ? lines[start.line]!.slice(start.character, end.character) : '(multi-line)';
    return { result, after, selected };
  }

  const base = 'tde: 1\nproject:\n  title: t\n  place: p\n\nfind:\n  status: done\n  result:\n    focus_area: Lots\n';

  it('selects the value of a blank that is filled', async () => {
    const { result, selected } = await reveal(base, 'focus_area');
    assert.equal(result.edit, undefined);
    assert.equal(selected, 'Lots');
  });

  it('creates a missing step with the path to the blank, after the step before it, with a placeholder to type over', async () => {
    const text = `${base}\ndesign:\n  status: not-started\n`;
    const { result, after, selected } = await reveal(text, 'impact');
    assert.equal(after, `${base}\nrefine:\n  status: not-started\n  pitch:\n    impact: why the focus area matters\n\ndesign:\n  status: not-started\n`);
    assert.equal(selected, 'why the focus area matters');
    assert.equal(result.snippet, '${1:why the focus area matters}');
  });

  it('creates a missing key inside an existing mapping, indented like it', async () => {
    const text = `${base}refine:\n    status: in-progress\n    worksheet:\n        data_supply:\n            - Filings\n`;
    const { after, selected } = await reveal(text, 'data_requesters');
    assert.equal(after, `${text.trimEnd()}\n        data_requesters:\n            - "Who asks for, or would use, the data"\n`);
    assert.equal(selected, '"Who asks for, or would use, the data"', 'quoted as YAML needs, and typed over whole');
  });

  it('fills an empty key in place, never leaving the value empty (a problem of its own)', async () => {
    const empty = await reveal(`${base}refine:\n  status: done\n  pitch:\n    impact:\n`, 'impact');
    assert.equal(empty.after, `${base}refine:\n  status: done\n  pitch:\n    impact: why the focus area matters\n`);
    assert.equal(empty.selected, 'why the focus area matters');
    const spaced = await reveal(`${base}refine:\n  status: done\n  pitch:\n    impact: # to do\n`, 'impact');
    assert.equal(spaced.after, `${base}refine:\n  status: done\n  pitch:\n    impact: why the focus area matters # to do\n`, 'the comment stays a comment');
    const list = await reveal(`${base}refine:\n  status: done\n  tactics:\n`, 'refining_tactic');
    assert.equal(list.after, `${base}refine:\n  status: done\n  tactics:\n    - interview-stakeholders\n`);
    assert.equal(list.result.snippet, '${1|interview-stakeholders,host-a-scope-a-thon,consult-data-users-and-experts,consult-the-public,workshop-with-partners|}', 'a choice of the Refine tactics');
    const parent = await reveal(`${base}refine:\n  status: done\n  pitch:\n`, 'impact');
    assert.equal(parent.after, `${base}refine:\n  status: done\n  pitch:\n    impact: why the focus area matters\n`);
    for (const { after } of [empty, spaced, list, parent]) {
      assert.deepEqual(check(after).problems.filter((p) => p.rule === 'schema' || p.rule === 'yaml-syntax').map((p) => p.message), []);
    }
  });

  it("keeps the file's CRLF line endings", async () => {
    const crlf = base.replace(/\n/g, '\r\n');
    const { after } = await reveal(crlf, 'next_steps');
    assert.equal(after, `${crlf.trimEnd()}\r\n\r\nrefine:\r\n  status: not-started\r\n  worksheet:\r\n    next_steps:\r\n      - What you will do next\r\n`);
  });

  it("writes the field over the starter project's commented template, its example to type over", async () => {
    const starter = starterProject({ title: 'Lots', place: 'Example', started: new Date(2024, 4, 6), door: 'editor' });
    const focus = await reveal(starter, 'focus_area');
    assert.ok(starter.includes('  # result:\n  #   focus_area: Vacant lots and who maintains them\n  #   rationale:'));
    assert.equal(focus.after, starter.replace('  # result:\n  #   focus_area: Vacant lots and who maintains them\n', '  result:\n    focus_area: Vacant lots and who maintains them\n'));
    assert.equal(focus.selected, 'Vacant lots and who maintains them');
    assert.equal(focus.result.snippet, '${1:Vacant lots and who maintains them}');
    assert.deepEqual(check(focus.after).problems.map((p) => p.rule), [], 'no problem: Find has not started, so the example is not yet flagged');
    const impact = await reveal(starter, 'impact');
    assert.equal(impact.after, starter.replace('# refine:\n#   status: not-started\n', 'refine:\n  status: not-started\n  pitch:\n    impact: why the focus area matters\n'));
    assert.equal(impact.selected, 'why the focus area matters');
    assert.deepEqual(check(impact.after).problems.filter((p) => p.severity === 'error').map((p) => p.message), []);
  });

  it('leaves a commented key alone where writing it would take over the lines below', async () => {
    const text = `${base}refine:\n  status: done\n  pitch:\n  # impact: x\n    template: "{impact}"\n`;
    const { after } = await reveal(text, 'impact');
    assert.ok(after.includes('  # impact: x\n'), 'the comment is kept');
    assert.deepEqual(check(after).problems.filter((p) => p.rule === 'yaml-syntax'), []);
  });

  it('answers null for an unknown blank', async () => {
    const uri = await openNew(base);
    assert.equal(await client().request('tde/revealBlank', { uri, key: 'nope' }), null);
  });
});
