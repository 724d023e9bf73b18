// A client whose display language is Spanish (initialize's `locale`, as
// vscode-languageclient sends VS Code's): problems, quick fixes, hover and
// completion in Spanish; rule ids and links as ever.
import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionList, Hover, MarkupContent } from 'vscode-languageserver/node';
import { fixtureUri, positionOf, readFixture, useDocument } from '../helpers/lspClient';

describe('language server: in Spanish when the client says so', function () {
  const uri = fixtureUri('slips.tde.yaml');
  const text = readFixture('slips.tde.yaml');
  const { client, diagnostics } = useDocument(uri, text, { locale: 'es-MX' });

  it('publishes the problems in Spanish, with the same codes and links', () => {
    const tactic = diagnostics().find((d) => d.code === 'unknown-tactic')!;
    assert.equal(tactic.message, 'Táctica desconocida: "interview-stakholders". ¿Quiso decir "interview-stakeholders"?');
    assert.equal(tactic.codeDescription?.href, 'https://github.com/tde-tools/tde/blob/main/docs/rules/unknown-tactic.md');
    const useCase = diagnostics().find((d) => d.code === 'unknown-use-case')!;
    assert.equal(useCase.message, '"block-club-lots-map" no es el id de ningún caso de uso de "refine.use_cases". ¿Quiso decir "block-club-lot-map"?');
    assert.deepEqual(useCase.relatedInformation?.map((r) => r.message), ['caso de uso "block-club-lot-map"', 'caso de uso "lot-owner-lookup"']);
    const via = diagnostics().find((d) => d.code === 'schema')!;
    assert.match(String(via.message), /^"via" debe ser "email", "meeting", .* u "other"; se encontró "meetng"\. ¿Quiso decir "meeting"\?$/);
  });

  it('titles its quick fixes in Spanish', async () => {
    const tactic = diagnostics().find((d) => d.code === 'unknown-tactic')!;
    const actions = await client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: tactic.range, context: { diagnostics: [tactic] } });
    assert.equal(actions[0]!.title, 'Cambiar a "interview-stakeholders"');
    assert.ok(actions.some((a) => a.title === 'Desactivar unknown-tactic en esta línea'), actions.map((a) => a.title).join('\n'));
  });

  it('hovers in Spanish: a step at a glance and a tactic with the method\'s words', async () => {
    const hover = (needle: string, into = 1) => client().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, into) });
    const step = ((await hover('find:'))!.contents as MarkupContent).value;
    assert.match(step, /^\*\*Etapa 1, Encontrar\*\* — terminada\n/);
    assert.match(step, /\*\*Colaboradores:\*\* /);
    assert.match(step, /\[La etapa Encontrar\]\(https:\/\/github\.com\/tde-tools\/tde\/blob\/main\/docs\/format\.md#find\)$/);
    const tactic = ((await hover('join-public-meetings', 3))!.contents as MarkupContent).value;
    assert.match(tactic, /^\*\*.+\*\* — táctica de Encontrar `join-public-meetings`\n/);
    assert.match(tactic, /\n\n\*Cuándo usarla:\* /);
  });

  it('explains the format\'s keys in Spanish, and sums a step\'s result up in Spanish', async () => {
    const hover = (needle: string) => client().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle) });
    const key = ((await hover('focus_area:'))!.contents as MarkupContent).value;
    assert.match(key, /^`focus_area`\n\nEl tema general elegido para esta iteración, .* llena el espacio ÁREA DE ENFOQUE de la propuesta\.\n\n\*Texto\*\n\n\[Referencia del formato\]/);
    const step = ((await hover('find:'))!.contents as MarkupContent).value;
    assert.match(step, /\*\*Resultado:\*\* área de enfoque «Vacant and overgrown lots»/);
    const refine = ((await hover('refine:'))!.contents as MarkupContent).value;
    assert.match(refine, /\*\*Resultado:\*\* 2 casos de uso \(`block-club-lot-map`, `lot-owner-lookup`\); prometedores: /);
  });

  it('completes with Spanish details', async () => {
    const line = text.split('\n').findIndex((l) => l.includes('- interview-stakholders'));
    const list = await client().request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: 6 } });
    const item = list?.items.find((i) => i.label === 'interview-stakeholders');
    assert.ok(item, JSON.stringify(list?.items.map((i) => i.label)));
    assert.match(item!.detail ?? '', / — táctica de Afinar$/);
  });

  it('completes the format\'s keys with their Spanish title and description', async () => {
    // At the start of a key of Find: the keys Find may have.
    const line = text.split('\n').indexOf('  tactics:');
    const list = await client().request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } });
    const labels = JSON.stringify(list?.items.map((i) => `${i.label}: ${i.detail}`));
    const engagement = list?.items.find((i) => i.label === 'engagement');
    assert.ok(engagement, labels);
    assert.equal(engagement!.detail, 'Participación — texto o lista', labels);
    assert.match((engagement!.documentation as MarkupContent).value, /^Cómo escuchó el equipo a la comunidad: /);
    assert.match((engagement!.documentation as MarkupContent).value, /\[Referencia del formato\]/);
  });

  it('offers a new list item in Spanish, with a required key shown as required', async () => {
    const other = fixtureUri('spanish-new-item.tde.yaml');
    await client().open(other, 'tde: 1\nproject:\n  title: Parks\n  place: Riverton\nfind:\n  status: in-progress\n  collaborators:\n    - name: Library\n      role: government\n    - role: nonprofit\n      \n    \n');
    try {
      const list = await client().request<CompletionList | null>('textDocument/completion', { textDocument: { uri: other }, position: { line: 11, character: 4 } });
      const labels = JSON.stringify(list?.items.map((i) => `${i.label}: ${i.detail}`));
      const item = list?.items.find((i) => i.label === '- name: …');
      assert.ok(item, labels);
      assert.equal(item!.detail, 'Agregar colaborador', labels);
      const key = await client().request<CompletionList | null>('textDocument/completion', { textDocument: { uri: other }, position: { line: 10, character: 6 } });
      const name = key?.items.find((i) => i.label === 'name');
      assert.equal(name?.detail, 'texto (obligatoria)', JSON.stringify(key?.items.map((i) => `${i.label}: ${i.detail}`)));
    } finally {
      await client().close(other);
    }
  });
});
