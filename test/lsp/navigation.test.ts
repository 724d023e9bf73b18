// Outline, go to definition, find references and rename over stdio.
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Location, WorkspaceEdit } from 'vscode-languageserver/node';
import { applyLspEdits, editsOf, fixtureUri, positionOf, readFixture, useServer } from '../helpers/lspClient';

describe('language server: outline and names', function () {
  const uri = fixtureUri('project.tde.yaml');
  const text = readFixture('project.tde.yaml');
  const client = useServer({ open: { uri, text } });

  const at = (needle: string, into = 1, occurrence = 0) => positionOf(text, needle, into, occurrence);
  const rangeOf = (needle: string, occurrence = 0) => ({ start: at(needle, 0, occurrence), end: at(needle, needle.length, occurrence) });

  it('outlines the project, the steps with their status, use cases, collaborators, tactics and feedback', async () => {
    const symbols = await client().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const shape = (s: DocumentSymbol): unknown => [s.name, s.detail ?? '', ...(s.children?.length ? [s.children.map(shape)] : [])];
    assert.deepEqual(symbols.map(shape), [
      ['Eviction filings data', 'City of Riverton · iteration 1'],
      ['Find', 'done', [
        ['collaborators', '3', [['Riverton Tenant Council', 'community-group'], ['Riverton Legal Aid Society', 'nonprofit'], ['Housing Lab', 'data-intermediary']]],
        ['tactics', '1', [['join-public-meetings', 'Join public meetings']]],
      ]],
      ['Refine', 'done', [
        ['legal-aid-outreach', 'Reach tenants before their hearing'],
        ['legal-aid-outreach-map', 'A map of filings'],
        ['collaborators', '1', [['Riverton Legal Aid Society', 'nonprofit']]],
        ['tactics', '1', [['workshop-with-partners', 'Workshop with partners']]],
      ]],
      ['Design', 'in-progress', [
        ['selected: legal-aid-outreach', ''],
        ['collaborators', '2', [['Riverton Legal Aid Society', 'nonprofit, intended user'], ['Housing Lab', 'data-intermediary']]],
        ['feedback', '1', [['Riverton Legal Aid Society', 'workshop']]],
      ]],
    ]);
    const find = symbols[1]!;
    assert.deepEqual(find.selectionRange, rangeOf('find'));
    assert.deepEqual(find.range.start, at('find:', 0));
    assert.deepEqual(find.range.end, at('focus_area: Eviction filings and housing instability', 'focus_area: Eviction filings and housing instability'.length));
  });

  it('goes from a use-case reference to its definition, and finds every reference', async () => {
    const definition = await client().request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at('selected_use_case: legal-aid-outreach', 22) });
    assert.deepEqual(definition, [{ uri, range: rangeOf('legal-aid-outreach') }]);
    const references = await client().request<Location[]>('textDocument/references', { textDocument: { uri }, position: at('- id: legal-aid-outreach', 8), context: { includeDeclaration: true } });
    assert.deepEqual(references.map((r) => r.range), [
      rangeOf('legal-aid-outreach'),
      { start: at('selected_use_case: legal-aid-outreach', 19), end: at('selected_use_case: legal-aid-outreach', 37) },
      { start: at('      - legal-aid-outreach #', 8), end: at('      - legal-aid-outreach #', 26) },
    ].sort((a, b) => a.start.line - b.start.line));
  });

  it("goes from a feedback entry's name to Design's collaborator", async () => {
    const definition = await client().request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at('from: Riverton Legal Aid Society', 8) });
    assert.deepEqual(definition, [{ uri, range: rangeOf('Riverton Legal Aid Society', 3) }]);
  });

  it('renames a use-case id everywhere, leaving comments and longer ids alone', async () => {
    const prepared = await client().request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: at('- id: legal-aid-outreach', 8) });
    assert.deepEqual(prepared, { range: rangeOf('legal-aid-outreach'), placeholder: 'legal-aid-outreach' });
    const edit = await client().request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at('- id: legal-aid-outreach', 8), newName: 'early-outreach' });
    const renamed = applyLspEdits(text, editsOf(edit, uri));
    assert.equal(
      renamed,
      text
        .replace('- id: legal-aid-outreach\n', '- id: early-outreach\n')
        .replace('selected_use_case: legal-aid-outreach\n', 'selected_use_case: early-outreach\n')
        .replace('      - legal-aid-outreach # legal-aid-outreach is the strongest', '      - early-outreach # legal-aid-outreach is the strongest'),
    );
  });

  it('refuses a use-case id that is not kebab-case, or that is taken', async () => {
    await assert.rejects(
      client().request('textDocument/rename', { textDocument: { uri }, position: at('- id: legal-aid-outreach', 8), newName: 'Early Outreach' }),
      /not a valid use-case id: use kebab-case/,
    );
    await assert.rejects(
      client().request('textDocument/rename', { textDocument: { uri }, position: at('- id: legal-aid-outreach', 8), newName: 'legal-aid-outreach-map' }),
      /already exists/,
    );
  });

  it('renames a collaborator in every step, in feedback and approvals, keeping quotes and quoting when needed', async () => {
    const edit = await client().request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at('steward: Housing Lab', 10), newName: 'Housing Lab' });
    assert.equal(edit, null, 'a steward is free text, not a reference');
    const rename = await client().request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at('"Housing Lab"', 2), newName: 'RSU Housing Lab: data' });
    const renamed = applyLspEdits(text, editsOf(rename, uri));
    assert.equal(
      renamed,
      text.replace('    - name: Housing Lab\n      role: data-intermediary', '    - name: "RSU Housing Lab: data"\n      role: data-intermediary').replace('- name: "Housing Lab"', '- name: "RSU Housing Lab: data"'),
    );
    const legal = await client().request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at('from: Riverton Legal Aid Society', 8), newName: 'Legal Aid' });
    const after = applyLspEdits(text, editsOf(legal, uri));
    assert.equal((after.match(/Legal Aid\n/g) ?? []).length, 5, 'Find, Refine and Design collaborators, feedback and approval');
    assert.ok(after.includes('      - Riverton Legal Aid Society\n    next_steps'), 'the worksheet text is not a collaborator reference');
  });
});
