// How we write a user's text into a TDE file as a YAML value: the one rule
// for a fix, a rename, a completion and the starter project alike.

/** Words that a YAML reader may take for a boolean or null (YAML 1.1 readers too). */
const RESERVED = /^(?:true|false|null|~|yes|no|on|off|y|n)$/i;

/**
 * Numbers of YAML 1.2's core schema (`1`, `1.`, `.5`, `1e3`, `0x1F`, `0o17`,
 * `.inf`, `.nan`) and of YAML 1.1 (`1_000`, `0b101`, `1:30`). Dates stay plain:
 * the format writes them so (`started: 2024-03-01`) and reads them as text.
 */
const NUMBER = /^(?:[-+]?(?:\.[\d_]+|\d[\d_]*(?:\.[\d_]*)?)(?:e[-+]?\d+)?|0o[0-7_]+|0x[\da-f_]+|0b[01_]+|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?|[-+]?\.inf|\.nan)$/i;

/**
 * Whether `text` reads back as the same string when written plain (unquoted)
 * as a value, in a block or a flow collection, by YAML 1.2 and 1.1 readers.
 * Errs on the side of quoting.
 */
export function isPlainYamlText(text: string): boolean {
  return text !== '' &&
    text === text.trim() &&
    // Indicators that start something else: a list, a key, a comment, an anchor, a tag, a quote…
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    // A key, a comment, a flow collection's punctuation, a line break or a tab.
    !/:(?:\s|$)| #|[,[\]{}]|[\n\r\t]/.test(text) &&
    !NUMBER.test(text) &&
    !RESERVED.test(text) &&
    // Only printable characters.
    !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/.test(text);
}

/**
 * `text` as a YAML value: plain when that reads back the same, else
 * double-quoted (a JSON string is a valid YAML 1.2 double-quoted scalar; the
 * characters JSON leaves raw that YAML does not allow raw are escaped too).
 */
export function yamlValue(text: string): string {
  if (isPlainYamlText(text)) return text;
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A text of several lines as a YAML value: a literal block (`|-`) whose lines
 * sit at `indent`, when every line reads back as written; else yamlValue's
 * double quotes. One line is yamlValue's.
 */
export function yamlBlockValue(text: string, indent: string): string {
  const lines = text.split('\n');
  const literal = lines.length > 1 &&
    lines.every((line) => line === line.trimEnd() && !/^\s/.test(line) && line !== '') &&
    !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/.test(text);
  return literal ? `|-\n${lines.map((line) => indent + line).join('\n')}` : yamlValue(text);
}
