// A pull-request comment pings no one and points at no issue: `GH-123`,
// `org/repo#123`, `#123` and `@name` written in a TDE file reach a Markdown
// report broken by a zero-width space, and read as written.
import * as assert from 'node:assert/strict';
import { markdownAsSeen, removeTempTrees, tde, tempTree } from './helpers';

const REFERENCES = 'GH-123, gh-7, org/repo#45, #9 and @someone';
const PROJECT = [
  'tde: 1',
  'project:',
  `  title: "${REFERENCES}"`,
  '  place: Riverton',
  'find:',
  '  status: in-progress',
  '  tactics:',
  `    - "${REFERENCES}"`,
  '',
].join('\n');

/** The issue references and mentions GitHub would make live in rendered Markdown text (it makes none inside code). */
function liveReferences(markdown: string): string[] {
  return markdownAsSeen(markdown.replace(/<code>[\s\S]*?<\/code>/g, '')).match(/\bGH-\d+|[\w.-]+\/[\w.-]+#\d+|(?<![\w&])#\d+|@[a-z][\w-]*/gi) ?? [];
}

describe('Markdown reports: issue references and mentions from a file are not live', function () {
  after(removeTempTrees);

  it('check --format markdown and status --format markdown break GH-123, org/repo#123, #123 and @name', async () => {
    const dir = tempTree({ 'refs.tde.yaml': PROJECT });
    const check = await tde(dir, ['check', '--format', 'markdown', 'refs.tde.yaml']);
    assert.ok(markdownAsSeen(check.stdout).replace(/\u200b/g, '').includes(REFERENCES), check.stdout);
    assert.deepEqual(liveReferences(check.stdout), []);
    const status = await tde(dir, ['status', '--format', 'markdown']);
    assert.ok(markdownAsSeen(status.stdout).replace(/\u200b/g, '').includes(REFERENCES), status.stdout);
    assert.deepEqual(liveReferences(status.stdout), []);
  });
});
