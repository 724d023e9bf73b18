// Escaping for HTML, in one place: every door that puts a file's text on a
// page (`tde pitch -f html`, the public site, the project page preview) calls
// this, so no text a team wrote is ever read as markup.
import { BIDI_CONTROLS, unicodeEscape } from './controlCharacters';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Controls but LF (CR and tab included: a page needs neither), DEL, and the
// bidi overrides, isolates and marks. Printed to a terminal the text must
// not drive it, and on a page it must not reorder what a reader sees.
const HTML_UNSAFE = new RegExp(`\\r\\n?|[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]`, 'g');

/** Text or an attribute value for HTML: markup escaped, controls shown as `\u001b` (line breaks kept, tabs as spaces). */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!)
    .replace(HTML_UNSAFE, (ch) => (ch[0] === '\r' ? '\n' : ch === '\t' ? ' ' : unicodeEscape(ch)));
}
