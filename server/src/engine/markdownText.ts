// Text from a file, made inert in Markdown: the one escaping behind every
// Markdown we write, the CLI's reports for GitHub and the editor's hover and
// completion alike. A value can neither start markup, HTML, an image, a link,
// a ping or an issue reference, nor reorder what the reader sees.
import { BIDI_CONTROLS, unicodeEscape } from './controlCharacters';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '&#124;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '*': '&#42;',
  '_': '&#95;',
  '~': '&#126;',
  '#': '&#35;',
  '!': '&#33;',
};

// GitHub pings and links from the text it has already decoded (so `&#64;`
// would still ping): `@name`, `#123`, `GH-123`, `org/repo#123`, e-mail
// addresses; bare `https://…` and `www.…` it links while parsing (so does
// the editor's renderer). A zero-width space, written as an entity, after
// `@`, after an issue number's `#` and `GH-`, between `:` and `//` and before
// the dot of `www.`, breaks each and shows nothing: the text reads as written.
const ZWSP = '&#8203;';

const BIDI = new RegExp(`[${BIDI_CONTROLS}]`);

// Everything escapeText may change: line breaks, what Markdown or HTML reads,
// controls (C0, DEL, C1), bidi controls, where pings and links start, and
// what starts a list or a heading at the start of the text.
const SPECIAL = new RegExp(
  `\\r\\n|[\\r\\n\\u2028\\u2029&<>"|\`[\\]\\\\*_~#!@\\u0000-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]|:(?=//)|(?<=www)\\.|(?<=\\bgh)-(?=\\d)|^[ \\t]*[-+=]|^([ \\t]*\\d+)[.)]`,
  'gi',
);

// Inside <code> GitHub pings no one, but it still links a URL, an e-mail
// address (name@domain.tld), and `www.` after a blank or one of `*_~(` (GFM's rule).
const EMAIL_AT = /(?<=[\w.+-])@(?=[\w-][\w.-]*\.[\w-])/y;
const WWW_LINKABLE = /[\s*_~(]www$/i;

interface MarkdownTextOptions {
  /** Inside `<code>…</code>`: zero-width spaces only where GitHub would still link. */
  inCode?: boolean;
  /** What a line break in the text becomes: `<br>` where HTML is rendered (GitHub), a space where it is not (editors). */
  lineBreak?: string;
  /**
   * How markup is made inert: HTML entities (GitHub, hovers: whatever the
   * reader's renderer, nothing is read as markup), or a backslash before
   * each mark, with quotes left as they are and the zero-width spaces as
   * characters, for Markdown people copy and paste, which must still read
   * as written where it is not rendered (a chat, an e-mail).
   */
  escapes?: 'entities' | 'backslashes';
}

/**
 * Text as the team wrote it (a title, a place, a reason, a message quoting
 * the file, a path) for one Markdown table cell, heading or sentence: inert,
 * on one line. A URL still reads as written; it is not clickable.
 */
export function markdownText(text: string, options: MarkdownTextOptions = {}): string {
  const inCode = options.inCode ?? false;
  const lineBreak = options.lineBreak ?? '<br>';
  const backslashes = options.escapes === 'backslashes';
  const zwsp = backslashes ? '\u200b' : ZWSP;
  /** A character Markdown would read as markup, shown as itself. */
  const mark = (ch: string) => (backslashes ? (ch === '"' ? ch : `\\${ch}`) : ENTITIES[ch] ?? `&#${ch.charCodeAt(0)};`);
  return text.replace(SPECIAL, (ch: string, digits: string | undefined, offset: number) => {
    if (digits !== undefined) return `${digits}${mark(ch.charAt(ch.length - 1))}`; // `1.` starts no list
    switch (ch) {
      case '\r\n':
      case '\r':
      case '\n':
      case '\u2028':
      case '\u2029': return lineBreak;
      case '@':
        EMAIL_AT.lastIndex = offset;
        return !inCode || EMAIL_AT.test(text) ? `@${zwsp}` : '@';
      case '#': return !inCode && /[0-9]/.test(text.charAt(offset + 1)) ? `${mark('#')}${zwsp}` : mark('#');
      case ':': return `:${zwsp}`;
      case '.': return !inCode || WWW_LINKABLE.test(text.slice(Math.max(0, offset - 4), offset)) ? `${zwsp}.` : '.';
    }
    if (ch === '-' && offset > 0) return inCode ? '-' : `-${zwsp}`; // GH-123
    const last = ch.charAt(ch.length - 1);
    if (ch.length > 1 || '-+='.includes(ch)) return `${ch.slice(0, -1)}${mark(last)}`; // `- `, `+ `, `=` at the start begin no list or heading
    if (ENTITIES[ch] !== undefined) return mark(ch);
    if (BIDI.test(ch)) return `${mark('\\')}${unicodeEscape(ch).slice(1)}`;
    return ''; // a control character: dropped
  });
}

/**
 * Text as a backtick code span, where nothing is markup: on one line (a line
 * break would end the span and let the rest be read as Markdown), fenced by
 * more backticks than any run in it, without controls, bidi controls shown
 * as `\u202e`.
 */
export function markdownCodeSpan(text: string): string {
  const flat = text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]`, 'g'), (ch) => (BIDI.test(ch) ? unicodeEscape(ch) : ch === '\t' ? ' ' : ''));
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') || flat.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/** markdownText's text read back as plain text (for clients that show no Markdown): entities decoded, zero-width spaces gone. */
export function markdownTextAsPlain(markdown: string): string {
  return markdown.replace(/&(?:#(\d+)|(amp|lt|gt|quot));/g, (_, code: string | undefined, name: string | undefined) =>
    name ? NAMED_ENTITIES[name]! : code === '8203' ? '' : String.fromCodePoint(Number(code)));
}
