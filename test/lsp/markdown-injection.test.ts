// Hover and completion Markdown built from a file a stranger wrote: a value
// with line breaks and Markdown in it must stay text, never an image, a
// link or a heading in the editor's popup.
import * as assert from 'node:assert/strict';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver/node';
import { cursor, fixtureUri, positionOf, useServer } from '../helpers/lspClient';

const IMAGE = '![t](https://evil.example/t.png)';
const ID = `x\\n\\n${IMAGE}\\n# heading`;
const TEXT = [
  'refine:',
  '  use_cases:',
  `    - id: "${ID}"`,
  `      title: "Title\\n\\n${IMAGE} @someone GH-12"`,
  `      user_story: "As a resident\\n\\n[click](https://evil.example) org/repo#1"`,
  'design:',
  `  selected_use_case: "${ID}"`,
  '',
].join('\n');

/**
 * What the Markdown would make live: outside code spans (each on one line),
 * any image or link syntax, raw HTML, a bare URL, or a line that starts a
 * heading. Code spans are cut out first: their text is literal.
 */
function liveMarkup(markdown: string): string[] {
  const found: string[] = [];
  const spans = [...markdown.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)];
  for (const span of spans) if (/[\r\n]/.test(span[2]!)) found.push(`a code span over a line break: ${JSON.stringify(span[0])}`);
  // Our own links to the docs are the only links there may be.
  const ours = /\[[^\]]*\]\(https:\/\/github\.com\/tde-tools\/tde\/[^)\s]*\)/g;
  const outside = markdown.replace(/(`+)([^\r\n]*?[^`])\1(?!`)/g, '').replace(ours, '');
  if (/!\[|\]\(/.test(outside)) found.push('image or link syntax');
  if (/<[a-z]/i.test(outside)) found.push('raw HTML');
  if (/https?:\/\//.test(outside)) found.push('a bare URL');
  if (/^\s*#/m.test(outside)) found.push('a heading');
  if (/@someone/.test(outside)) found.push('a mention');
  return found;
}

describe('language server: file text in hover and completion Markdown is inert', function () {
  const uri = fixtureUri('markdown-injection.tde.yaml');
  const client = useServer({ open: { uri, text: TEXT } });

  it('shows use case ids with line breaks and an image as text in the step hovers', async () => {
    for (const step of ['refine:', 'design:']) {
      const hover = await client().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, step, 1) });
      const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      assert.match(markdown, /use case/, step);
      assert.deepEqual(liveMarkup(markdown), [], markdown);
    }
  });

  it('offers that use case in completion with the same inert documentation', async () => {
    const { text, position } = cursor(TEXT.replace(`  selected_use_case: "${ID}"`, '  selected_use_case: |'));
    const other = fixtureUri('markdown-injection-completion.tde.yaml');
    await client().open(other, text);
    const list = await client().request<CompletionList | null>('textDocument/completion', { textDocument: { uri: other }, position });
    const docs = (list?.items ?? []).map((item) => (item.documentation as MarkupContent | undefined)?.value ?? '');
    assert.ok(docs.some((d) => /use case/.test(d)), `a use case is offered: ${JSON.stringify(list?.items.map((i) => i.label))}`);
    for (const markdown of docs) assert.deepEqual(liveMarkup(markdown), [], markdown);
  });
});
