// Random edits for test/unit/incremental.test.ts: half of them what typing in
// a valid file mostly is (so that grafting is exercised), half anything.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const repo = path.resolve(__dirname, '..', '..');

export const SNIPPETS = [
  'a', ' ', '  ', '\n', ':', '-', '- ', '#', '# note\n', '"', "'", '&a ', '*a', '!!str ', '{', '[', ']', '\t', '%', '---\n', '...\n',
  'x-note: hi\n', '  x-note: hi\n', '    - extra\n', '      role: resident\n', '  status: done\n', 'status: skipped\n',
  'design:\n  status: in-progress\n', 'find:\n  status: done\n', 'tde: 1\n', 'anchor: &a {k: v}\nalias: *a\n',
  '  - name: Someone\n    role: nonprofit\n', '    - id: use-case-x\n', 'done', 'in-progress', 'very-strong', '\r\n', '\r',
  '# tde-disable-next-line schema\n', '  # tde-disable schema\n', '|\n  text\n', 'x-é: ü\n',
  // Raw characters YAML does not allow (the parser reads them silently), and NEL, which it does.
  '\u001b[1m', '\f', '\u0008\u0008', '\u007f', '\u0092', '\ufffe', '\u0085',
];

export interface Edit {
  kind: 'insert' | 'delete' | 'replace' | 'copy-line' | 'drop-line' | 'indent-line' | 'snippet-line' | 'type-in-value' | 'clone-item' | 'drop-item';
  at: number;
  size: number;
  pick: number;
}

export const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constantFrom('type-in-value', 'clone-item', 'drop-item'), weight: 3 },
    { arbitrary: fc.constantFrom('insert', 'delete', 'replace', 'copy-line', 'drop-line', 'indent-line', 'snippet-line'), weight: 2 },
  ),
  at: fc.nat(),
  size: fc.nat({ max: 40 }),
  pick: fc.nat(),
});

function lineBounds(text: string, at: number): [number, number] {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  return [start, newline < 0 ? text.length : newline + 1];
}

/** The offsets of the lines that match, for edits aimed at values or list items. */
function linesMatching(text: string, pattern: RegExp): number[] {
  const starts: number[] = [];
  for (let at = 0; at < text.length; at = lineBounds(text, at)[1]) if (pattern.test(text.slice(at, lineBounds(text, at)[1]))) starts.push(at);
  return starts;
}

/** A list item: its line and the lines indented deeper than its dash. */
function itemBounds(text: string, start: number): [number, number] {
  const indent = /^ */.exec(text.slice(start))![0].length;
  let end = lineBounds(text, start)[1];
  while (end < text.length) {
    const line = text.slice(end, lineBounds(text, end)[1]);
    if (line.trim() !== '' && /^ */.exec(line)![0].length <= indent) break;
    end = lineBounds(text, end)[1];
  }
  return [start, end];
}

export function applyEdit(text: string, edit: Edit, eol: string): string {
  const at = text.length ? edit.at % (text.length + 1) : 0;
  const snippet = SNIPPETS[edit.pick % SNIPPETS.length]!.replace(/\n/g, eol);
  const [start, end] = lineBounds(text, at);
  switch (edit.kind) {
    case 'type-in-value': {
      const values = linesMatching(text, /^\s*[\w-]+: \S/);
      if (!values.length) return text;
      const line = values[edit.at % values.length]!;
      const where = text.indexOf(': ', line) + 2 + (edit.size % 5);
      const typed = 'abcxyz019 -.'[edit.pick % 12]!;
      return text.slice(0, where) + typed + text.slice(where);
    }
    case 'clone-item':
    case 'drop-item': {
      const items = linesMatching(text, /^\s*- /);
      if (!items.length) return text;
      const [from, to] = itemBounds(text, items[edit.at % items.length]!);
      return edit.kind === 'clone-item' ? text.slice(0, to) + text.slice(from, to) + text.slice(to) : text.slice(0, from) + text.slice(to);
    }
    case 'insert':
      return text.slice(0, at) + snippet + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + Math.min(edit.size, 12));
    case 'replace':
      return text.slice(0, at) + snippet + text.slice(at + Math.min(edit.size, 6));
    case 'copy-line': {
      const [from, to] = lineBounds(text, edit.pick % (text.length + 1));
      return text.slice(0, start) + text.slice(from, to) + text.slice(start);
    }
    case 'drop-line':
      return text.slice(0, start) + text.slice(end);
    case 'indent-line':
      return edit.size % 2 ? text.slice(0, start) + '  ' + text.slice(start) : text.slice(0, start) + text.slice(start).replace(/^ {1,2}/, '');
    case 'snippet-line':
      return text.slice(0, start) + snippet + (snippet.endsWith(eol) ? '' : eol) + text.slice(start);
  }
}

export function bases(generateProject: (lines: number, errors: number) => string): { name: string; text: string }[] {
  const files = ['examples', 'test/fixtures/valid', 'test/fixtures/invalid/schema', 'test/fixtures/invalid/line-endings', 'test/fixtures/invalid/encoding']
    .flatMap((dir) => {
      const full = path.join(repo, dir);
      return fs.existsSync(full) ? fs.readdirSync(full).filter((f) => /\.tde\.ya?ml$/.test(f)).map((f) => path.join(full, f)) : [];
    })
    .map((file) => ({ name: path.relative(repo, file), text: fs.readFileSync(file, 'utf8') }));
  const generated = generateProject(240, 3);
  return [
    { name: 'generated', text: generated },
    { name: 'generated, CRLF', text: generated.replace(/\n/g, '\r\n') },
    { name: 'generated, BOM', text: `\ufeff${generated}` },
    { name: 'anchors', text: 'tde: 1\nproject: &p\n  title: T\n  place: P\nx-copy: *p\n' },
    ...files,
  ];
}

