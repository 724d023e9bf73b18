// Expands a VS Code snippet body the way accepting every default would:
// first choice of each choice, default text of each placeholder, mirrors
// repeat their placeholder, variables take fixed values.
const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2024', CURRENT_MONTH: '05', CURRENT_DATE: '06' };

const unescape = (text: string) => text.replace(/\\([$}\\,|])/g, '$1');

export function expandSnippet(body: string | string[]): string {
  let text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  text = text.replace(/\$\{([A-Z_]+)\}|\$([A-Z_]+)\b/g, (whole, a?: string, b?: string) => VARIABLES[(a ?? b)!] ?? whole);
  text = text.replace(/\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g, (_, n: string, options: string) => {
    const first = unescape(options.split(/(?<!\\),/)[0] ?? '');
    defaults.set(n, first);
    return first;
  });
  // Innermost placeholders first, until none is left.
  const placeholder = /\$\{(\d+):((?:[^${}\\]|\\.)*)\}/g;
  while (placeholder.test(text)) {
    placeholder.lastIndex = 0;
    text = text.replace(placeholder, (_, n: string, value: string) => {
      const resolved = unescape(value);
      if (!defaults.has(n)) defaults.set(n, resolved);
      return resolved;
    });
  }
  text = text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get((a ?? b)!) ?? '');
  return text;
}

/** The text indented as if inserted on a line that starts with `indent`. */
export function indentSnippet(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join('\n');
}
