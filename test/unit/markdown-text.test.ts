// The team's text in Markdown people copy and paste (the pitch preview's
// "Copy as Markdown"): every mark escaped with a backslash, which CommonMark
// renders as the mark itself, so the text reads as written both rendered and
// pasted where Markdown is not rendered.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { markdownText } from '../../server/src/engine/markdownText';
import { runs, seed } from '../helpers/seed';

const copyable = (text: string) => markdownText(text, { lineBreak: ' ', escapes: 'backslashes' });
/** What a reader sees where it is rendered: each backslash-escaped punctuation mark as itself, zero-width spaces unseen. */
const rendered = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\u200b/g, '');

describe('Markdown for the clipboard', () => {
  it('escapes marks with backslashes and leaves quotes and words alone', () => {
    assert.equal(copyable('The "North End" & Co_op: *all* [residents] <b>|x|</b> ~1~ `code` \\ !'),
      'The "North End" \\& Co\\_op: \\*all\\* \\[residents\\] \\<b\\>\\|x\\|\\</b\\> \\~1\\~ \\`code\\` \\\\ \\!');
  });

  it('starts no list, heading or numbered item, and links or pings no one', () => {
    assert.equal(copyable('- one'), '\\- one');
    assert.equal(copyable('# title'), '\\# title');
    assert.equal(copyable('1. first'), '1\\. first');
    assert.equal(copyable('see @team, #12 and https://example.org'), 'see @\u200bteam, \\#\u200b12 and https:\u200b//example.org');
  });

  it('shows bidi controls as their code and drops other controls', () => {
    assert.equal(copyable('a\u202eb\u0007c'), 'a\\\\u202ebc');
  });

  it('renders as the text, whatever the text (one line, no controls)', () => {
    const unit = fc.constantFrom('a', ' ', '"', "'", '&', '<', '>', '|', '`', '[', ']', '\\', '*', '_', '~', '#', '!', '@', ':', '/', '.', '-', '+', '=', '1', ')', 'w', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        assert.equal(rendered(copyable(text)), text);
      }),
      { seed, numRuns: runs(2000) },
    );
  });
});
