// Completion and hover over stdio, at the places a person types: finished
// lines and half-typed ones.
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver/node';
import { cursor, fixtureUri, positionOf, readFixture, useServer } from '../helpers/lspClient';

let counter = 0;

describe('language server: completion', function () {
  const client = useServer();

  /** Open `marked` (a `|` marks the cursor) as a new file and ask for completion there. */
  async function complete(marked: string): Promise<{ items: CompletionItem[]; text: string }> {
    const { text, position } = cursor(marked);
    const uri = fixtureUri(`completion-${counter++}.tde.yaml`);
    await client().open(uri, text);
    const list = await client().request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    return { items: list?.items ?? [], text };
  }

  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const docs = (item: CompletionItem | undefined) => (item?.documentation as MarkupContent | undefined)?.value ?? '';

  it('offers the tactics of the step the cursor is in, with what each is and when it works', async () => {
    const { items } = await complete('refine:\n  status: in-progress\n  tactics:\n    - |\n');
    assert.deepEqual(labels(items).slice(0, 5), ['interview-stakeholders', 'host-a-scope-a-thon', 'consult-data-users-and-experts', 'consult-the-public', 'workshop-with-partners']);
    const interview = items[0]!;
    assert.equal(interview.detail, 'Interview stakeholders individually — Refine tactic');
    assert.match(docs(interview), /^\*\*Interview stakeholders individually\*\* — Refine tactic `interview-stakeholders`/);
    assert.match(docs(interview), /\*When to use it:\*/);
    assert.deepEqual((interview.textEdit as TextEdit).range, { start: { line: 3, character: 6 }, end: { line: 3, character: 6 } });
  });

  it('completes a half-typed tactic item and replaces what was typed', async () => {
    const { items } = await complete('find:\n  status: in-progress\n  tactics:\n    - join-public-meetings\n    - inter|\n');
    const ids = labels(items);
    assert.ok(!ids.includes('join-public-meetings'), 'a tactic already listed is not offered again');
    assert.ok(ids.includes('identify-shared-priorities'));
    assert.ok(!ids.includes('interview-stakeholders'), 'only Find tactics in Find');
    const item = items.find((i) => i.label === 'analyze-information-requests')!;
    assert.deepEqual(item.textEdit, { newText: 'analyze-information-requests', range: { start: { line: 4, character: 6 }, end: { line: 4, character: 11 } } });
  });

  it('offers Implement tactics for design.plan.intervention', async () => {
    const { items } = await complete('design:\n  status: in-progress\n  plan:\n    intervention: |\n');
    assert.deepEqual(labels(items), ['do-low-tech-outreach', 'create-data-help-guides', 'invite-intermediaries', 'co-create-with-civic-hackers', 'crowdsource-data-quality', 'generate-data-stories', 'host-a-data-challenge']);
  });

  it('offers enum values with their descriptions (role), with the space a bare colon needs', async () => {
    const { items } = await complete('find:\n  collaborators:\n    - name: Rosa\n      role: |\n');
    assert.equal(items.length, 13);
    assert.equal(items[0]!.label, 'resident');
    assert.equal(items[0]!.kind, 20 /* EnumMember */);
    assert.match(docs(items[0]), /lives in the community/);
    const bare = await complete('find:\n  collaborators:\n    - name: Rosa\n      role:|\n');
    assert.equal((bare.items[0]!.textEdit as TextEdit).newText, ' resident');
  });

  it('offers the checklist of the tactic being edited under criteria, minus what is listed', async () => {
    const { items } = await complete('find:\n  tactics:\n    - id: analyze-information-requests\n      criteria:\n        - feedback-data\n        - |\n');
    assert.deepEqual(labels(items), ['records-request-system', 'portal-usage-data', 'api-registrations', 'informal-request-channel']);
    assert.match(docs(items[0]), /Analyze data\/information requests/);
  });

  it('offers use-case ids in selected_use_case and promising_use_cases', async () => {
    const project = readFixture('project.tde.yaml');
    const selected = project.replace('selected_use_case: legal-aid-outreach', 'selected_use_case: |');
    const { items } = await complete(selected);
    assert.deepEqual(labels(items), ['legal-aid-outreach', 'legal-aid-outreach-map']);
    assert.equal(items[0]!.detail, 'Use case: Reach tenants before their hearing (promising)');
    assert.match(docs(items[0]), /Marisol, outreach coordinator/);
    const promising = project.replace('      - legal-aid-outreach-map\n', '      - |\n');
    assert.deepEqual(labels((await complete(promising)).items), ['legal-aid-outreach-map'], 'ids already listed are left out');
  });

  it('offers the promising use cases first in selected_use_case, and says which Refine set aside', async () => {
    const project = readFixture('project.tde.yaml')
      .replace('      - legal-aid-outreach # legal-aid-outreach is the strongest\n', '')
      .replace('selected_use_case: legal-aid-outreach', 'selected_use_case: |');
    const { items } = await complete(project);
    assert.deepEqual(labels(items), ['legal-aid-outreach-map', 'legal-aid-outreach']);
    assert.equal(items[0]!.detail, 'Use case: A map of filings (promising)');
    assert.equal(items[1]!.detail, 'Use case: Reach tenants before their hearing (not on the promising list)');
    const weak = await complete(project.replace('      title: A map of filings\n', '      title: A map of filings\n      support: weak\n'));
    assert.deepEqual(labels(weak.items), ['legal-aid-outreach', 'legal-aid-outreach-map']);
    assert.equal(weak.items[1]!.detail, 'Use case: A map of filings (weak support)');
  });

  it("offers the Design plan's intervention first in implement.intervention.tactic", async () => {
    const { items } = await complete('design:\n  status: in-progress\n  plan:\n    intervention: generate-data-stories\nimplement:\n  status: in-progress\n  intervention:\n    tactic: |\n');
    assert.deepEqual(labels(items), ['generate-data-stories', 'do-low-tech-outreach', 'create-data-help-guides', 'invite-intermediaries', 'co-create-with-civic-hackers', 'crowdsource-data-quality', 'host-a-data-challenge']);
    assert.equal(items[0]!.detail, "Generate data stories — Implement tactic (the plan's intervention)");
  });

  it("offers Design's collaborators in feedback[].from and approved_by", async () => {
    const project = readFixture('project.tde.yaml');
    const from = project.replace('    - from: Riverton Legal Aid Society', '    - from: |');
    assert.deepEqual(labels((await complete(from)).items), ['Riverton Legal Aid Society', 'Housing Lab']);
    const approved = project.replace('approved_by:\n      - Riverton Legal Aid Society\n', 'approved_by:\n      - Riverton Legal Aid Society\n      - |\n');
    assert.deepEqual(labels((await complete(approved)).items), ['Housing Lab']);
  });

  it('offers the keys that fit in a step and are not there yet, as snippets shaped by their values', async () => {
    const { items } = await complete('tde: 1\nfind:\n  status: in-progress\n  |\n');
    const keys = labels(items);
    assert.deepEqual(keys, ['skip_reason', 'action', 'engagement', 'collaborators', 'tactics', 'result', 'notes']);
    const collaborators = items.find((i) => i.label === 'collaborators')!;
    assert.equal(collaborators.insertTextFormat, 2 /* Snippet */);
    assert.equal((collaborators.textEdit as TextEdit).newText, 'collaborators:\n    - $0');
    assert.equal(collaborators.insertTextMode, 1 /* asIs */);
    assert.match(docs(collaborators), /helped show where open data could matter/);
    const status = await complete('tde: 1\nrefine:\n  sta|\n');
    assert.equal((status.items.find((i) => i.label === 'status')!.textEdit as TextEdit).newText, 'status: ${1|not-started,in-progress,done,skipped|}');
  });

  it('offers keys of a half-typed list item, and only the key when a colon follows', async () => {
    const { items } = await complete('find:\n  collaborators:\n    - name: Rosa\n      r|\n');
    assert.ok(labels(items).includes('role'));
    assert.ok(!labels(items).includes('name'), 'a key already there is not offered');
    const key = await complete('find:\n  collaborators:\n    - name: Rosa\n      ro|le: resident\n');
    assert.deepEqual(key.items.find((i) => i.label === 'role')!.textEdit, { newText: 'role', range: { start: { line: 3, character: 6 }, end: { line: 3, character: 10 } } });
  });

  it('offers the top-level keys in an empty file, and never x- keys', async () => {
    const { items } = await complete('|');
    assert.deepEqual(labels(items).filter((l) => !l.startsWith('tde-')), ['tde', 'project', 'find', 'refine', 'design', 'implement', 'next']);
    assert.equal((items[0]!.textEdit as TextEdit).newText, 'tde: 1');
  });

  it('offers a whole step (tde-find, …) only while the file lacks it, and tde-skip for the steps it lacks', async () => {
    const empty = await complete('|');
    assert.deepEqual(labels(empty.items).filter((l) => l.startsWith('tde-')), ['tde-find', 'tde-refine', 'tde-design', 'tde-implement', 'tde-skip']);
    // What "TDE: New Project" writes has a find: already; typing tde-find must not add a second one.
    const starter = await complete('tde: 1\nproject:\n  title: Lots\n  place: Example\nfind:\n  status: not-started\ntde-|\n');
    assert.deepEqual(labels(starter.items).filter((l) => l.startsWith('tde-')), ['tde-refine', 'tde-design', 'tde-implement', 'tde-skip']);
    const refine = starter.items.find((i) => i.label === 'tde-refine')!;
    assert.equal(refine.kind, 15 /* Snippet */);
    assert.equal(refine.insertTextFormat, 2 /* Snippet */);
    assert.equal(refine.detail, 'Refine: use cases with personas and user stories, the worksheet and the pitch.');
    const edit = refine.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 4 } }, 'replaces the typed tde-');
    assert.match(edit.newText, /^refine:\n  status: \$\{1\|/);
    const skip = starter.items.find((i) => i.label === 'tde-skip')!;
    assert.equal((skip.textEdit as TextEdit).newText, '${1|refine,design,implement|}:\n  status: skipped\n  skip_reason: ${2:Why the team passed over this step}\n$0');
    const all = await complete('find: {status: done}\nrefine: {status: done}\ndesign: {status: done}\nimplement: {status: done}\n|\n');
    assert.deepEqual(labels(all.items).filter((l) => l.startsWith('tde-')), [], 'every step there: no step snippet');
    const nested = await complete('refine:\n  status: in-progress\n  tde-|\n');
    assert.deepEqual(labels(nested.items).filter((l) => l.startsWith('tde-')), [], 'a step goes at the top level only');
  });

  it('offers nothing inside free text or comments', async () => {
    assert.deepEqual((await complete('find:\n  action: >\n    We listened |\n')).items, []);
    assert.deepEqual((await complete('find:\n  # a comment |\n')).items, []);
  });
});

describe('language server: hover', function () {
  const uri = fixtureUri('project.tde.yaml');
  const text = readFixture('project.tde.yaml');
  const client = useServer({ open: { uri, text } });

  async function hover(needle: string, into = 1, occurrence = 0): Promise<Hover | null> {
    return client().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, into, occurrence) });
  }

  const value = (h: Hover | null) => (h?.contents as MarkupContent).value;

  it('explains a key in our words, with a link to the format reference', async () => {
    const h = await hover('steward:');
    assert.match(value(h), /^`steward`/);
    assert.match(value(h), /house or sustain the work/);
    assert.match(value(h), /\[Format reference\]\(https:\/\/github\.com\/tde-tools\/tde\/blob\/main\/docs\/format\.md#design\)/);
    assert.deepEqual(h!.range, { start: positionOf(text, 'steward:'), end: positionOf(text, 'steward:', 'steward'.length) });
  });

  it('shows a tactic: name, summary, description, when it works, its step', async () => {
    const h = await hover('workshop-with-partners', 3);
    const md = value(h);
    assert.match(md, /^\*\*Workshop with partners\*\* — Refine tactic `workshop-with-partners`/);
    assert.match(md, /\*When to use it:\*/);
    assert.deepEqual(h!.range, { start: positionOf(text, 'workshop-with-partners'), end: positionOf(text, 'workshop-with-partners', 'workshop-with-partners'.length) });
  });

  it('shows a step at one glance on its key: status, action, engagement, collaborators, result', async () => {
    const md = value(await hover('find:', 1));
    assert.match(md, /^\*\*Step 1, Find\*\* — done/);
    assert.match(md, /\*\*Action:\*\* Listened at Tenant Council meetings\./);
    assert.match(md, /\*\*Engagement:\*\* Monthly Tenant Council meetings\./);
    assert.match(md, /\*\*Collaborators:\*\* Riverton Tenant Council \(community-group\); Riverton Legal Aid Society \(nonprofit\); Housing Lab \(data-intermediary\)/);
    assert.match(md, /\*\*Result:\*\* focus area “Eviction filings and housing instability”/);
  });

  it('explains enum values, checklist items and use cases', async () => {
    assert.match(value(await hover('status: done', 9)), /^`done` — The step is finished/);
    assert.match(value(await hover('standing-meetings', 2)), /a checklist item of \*\*Join public meetings\*\*/);
    const useCase = value(await hover('selected_use_case: legal-aid-outreach', 'selected_use_case: '.length + 2));
    assert.match(useCase, /^\*\*Reach tenants before their hearing\*\* — use case `legal-aid-outreach`/);
    assert.match(useCase, /\*Persona:\* Marisol, outreach coordinator/);
  });

  it('warns on a selected use case Refine set aside, and on an intervention the plan did not intend', async () => {
    const otherUri = fixtureUri('hover-concerns.tde.yaml');
    const other = text
      .replace('      - legal-aid-outreach # legal-aid-outreach is the strongest\n', '')
      .concat('implement:\n  status: in-progress\n  intervention:\n    name: Filings stories\n    tactic: generate-data-stories\n');
    await client().open(otherUri, other);
    const at = (needle: string, into: number) => client().request<Hover | null>('textDocument/hover', { textDocument: { uri: otherUri }, position: positionOf(other, needle, into) });
    assert.match(value(await at('selected_use_case: legal-aid-outreach', 'selected_use_case: '.length + 2)),
      /\n\n⚠ This use case is not among Refine's promising use cases \(`legal-aid-outreach-map`\): Design is meant to take up one that Refine found most promising\.$/);
    assert.match(value(await at('tactic: generate-data-stories', 'tactic: '.length + 2)),
      /\n\n⚠ The Design plan intends `invite-intermediaries` \(`design\.plan\.intervention`\)\.$/);
    assert.doesNotMatch(value(await hover('selected_use_case: legal-aid-outreach', 'selected_use_case: '.length + 2)), /⚠/);
  });

  it('says nothing over free text', async () => {
    assert.equal(await hover('Listened at Tenant', 3), null);
  });
});
