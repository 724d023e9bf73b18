// The hostile corpus: files no TDE user should write but any pull request or
// paste may bring. Small ones live in test/fixtures/hostile/ (byte-exact: a
// .gitattributes there keeps git from touching line endings); the big and
// byte-level ones are made here, at test time, into a temporary folder, so
// the repository stays small. Every file says what it is and what the tool
// must answer; test/hostile/*.test.ts and scripts/stress.mjs run them all
// through the CLI and the language server.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const STATIC_DIR = path.join(ROOT, 'test', 'fixtures', 'hostile');

export interface Expectation {
  /** Rules that must be among the problems. */
  rules?: string[];
  /** Some problem's message must match. */
  message?: RegExp;
  /** No problem at all. */
  none?: boolean;
}

export interface CorpusEntry {
  /** File name, `*.tde.yaml`. */
  name: string;
  about: string;
  /** Made at test time (big or byte-level); else read from test/fixtures/hostile/. */
  generated: boolean;
  bytes(): Buffer;
  /** What `tde check` must report (the language server gets the editor's decoding of the bytes). */
  expect: Expectation;
  /** A known gap: the entry is run and measured, but its bounds are not enforced yet (the reason says where the fix belongs). */
  pending?: string;
  /** The same, for the language server only. */
  pendingServer?: string;
}

const HEAD = 'tde: 1\nproject:\n  title: Flood sensors\n  place: Riverton\n';
const MB = 1024 * 1024;

const yamlSyntax = (message?: RegExp): Expectation => ({ rules: ['yaml-syntax'], message });

/** Expectations of the files in test/fixtures/hostile/, by name. */
const STATIC: Record<string, { about: string; expect: Expectation; pending?: string }> = {
  'yaml-1.1-directive.tde.yaml': { about: '%YAML 1.1: still read as YAML 1.2 core, the directive reported', expect: yamlSyntax(/read as YAML 1\.2/) },
  'yaml-unknown-version.tde.yaml': { about: '%YAML 1.9: read as YAML 1.2 core, reported', expect: yamlSyntax(/read as YAML 1\.2/) },
  'tag-directive.tde.yaml': { about: '%TAG directive and a tag made with it', expect: yamlSyntax(/Custom YAML tags/) },
  'merge-keys.tde.yaml': { about: '`<<` is a plain (unknown) key in YAML 1.2', expect: { rules: ['schema'], message: /Unknown key "<<"/ } },
  'tag-js-function.tde.yaml': { about: '!!js/function and !!python/object: never evaluated', expect: yamlSyntax(/Custom YAML tags/) },
  'tag-local.tde.yaml': { about: '!foo, verbatim tags, !!set', expect: yamlSyntax(/Custom YAML tags/) },
  'tag-binary.tde.yaml': { about: "!!binary and !!timestamp: YAML 1.1 types, not the core schema's", expect: yamlSyntax(/Custom YAML tags/) },
  'multi-document.tde.yaml': { about: 'three documents in one file', expect: yamlSyntax(/one YAML document/) },
  'empty.tde.yaml': { about: 'zero bytes', expect: { rules: ['schema'], message: /empty/ } },
  'comments-only.tde.yaml': { about: 'nothing but comments', expect: { rules: ['schema'], message: /empty/ } },
  'json-flow.tde.yaml': { about: 'the whole file as JSON, with __proto__ and constructor keys', expect: { rules: ['schema'], message: /"__proto__"/ } },
  'duplicate-keys.tde.yaml': { about: 'duplicate keys at several levels, block and flow', expect: yamlSyntax(/appears twice/) },
  'proto-keys.tde.yaml': { about: '__proto__, constructor, prototype, hasOwnProperty as keys, ids and names everywhere', expect: { rules: ['schema', 'unknown-tactic', 'unknown-use-case'], message: /"__proto__"/ } },
  'recursive-alias.tde.yaml': { about: 'an alias inside its own anchor', expect: yamlSyntax(/refers to a value that contains it/) },
  'alias-in-key.tde.yaml': { about: 'aliases as keys, an anchor on a key', expect: { rules: ['schema'] } },
  'undefined-alias.tde.yaml': { about: 'aliases with no anchor, or one defined only later', expect: yamlSyntax(/names no anchor/) },
  'billion-laughs.tde.yaml': { about: '9^9 values from a 600-byte file', expect: yamlSyntax(/grows past/) },
  'alias-bomb-in-keys.tde.yaml': { about: 'an alias bomb used as mapping keys (and in a value)', expect: yamlSyntax(/grows past/) },
  'tabs-in-indentation.tde.yaml': { about: 'tabs indenting a mapping', expect: yamlSyntax(/tab/i) },
  'tabs-in-strings.tde.yaml': { about: 'tabs inside text (fine) and a fixable typo', expect: { rules: ['schema'], message: /Did you mean "in-progress"/ } },
  'script-injection.tde.yaml': { about: '<script>, javascript: URLs and markup in every text field', expect: { rules: ['schema', 'unknown-tactic', 'unknown-use-case'] } },
  'annotation-injection.tde.yaml': { about: '::error::, %0A, ::add-mask::, ::stop-commands:: in values and keys', expect: { rules: ['schema', 'unknown-tactic'] } },
  'ansi-escapes.tde.yaml': { about: 'ESC sequences, OSC 8 links, bidi overrides, C0/C1 controls as YAML escapes', expect: { rules: ['schema', 'unknown-tactic'] } },
  'raw-control-characters.tde.yaml': { about: 'raw BEL, ESC, BS, DEL, NEL and RLO bytes in text', expect: {} },
  'markdown-injection.tde.yaml': { about: 'headings, tables, details, images, mentions, code fences', expect: { rules: ['schema', 'unknown-tactic'] } },
  'previous-paths.tde.yaml': { about: '`previous` naming /dev/zero, /etc/passwd, URLs, a NUL', expect: { rules: ['missing-previous'] } },
  'previous-device.tde.yaml': { about: '`previous` naming /dev/urandom', expect: { rules: ['missing-previous'] } },
  'previous-fifo-like.tde.yaml': { about: '`previous` naming /dev/stdin', expect: { rules: ['missing-previous'] } },
  'odd-numbers.tde.yaml': { about: '1e400, huge integers, .nan, impossible dates', expect: { rules: ['schema'] } },
  'top-level-list.tde.yaml': { about: 'a list, not a mapping', expect: { rules: ['schema'], message: /made of keys with values/ } },
  'top-level-scalar.tde.yaml': { about: 'one scalar, not a mapping', expect: { rules: ['schema'], message: /made of keys with values/ } },
  'top-level-null.tde.yaml': { about: '`~` alone', expect: { rules: ['schema'] } },
  'hostile-disable-comments.tde.yaml': { about: 'disable comments naming __proto__, with injected reasons, at the end of the file', expect: {} },
  'lone-surrogates.tde.yaml': { about: 'escapes making lone surrogates and noncharacters', expect: {} },
  'unclosed-everything.tde.yaml': { about: 'unclosed flow collections, quotes, block scalar header', expect: yamlSyntax() },
  'odd-whitespace.tde.yaml': { about: 'NBSP, U+2028/2029, zero-width space in a key, form feed', expect: yamlSyntax() },
  'collection-keys.tde.yaml': { about: 'nested lists and mappings as keys', expect: { rules: ['schema'] } },
};

function staticEntries(): CorpusEntry[] {
  return Object.entries(STATIC).map(([name, info]) => ({
    name,
    about: info.about,
    generated: false,
    bytes: () => fs.readFileSync(path.join(STATIC_DIR, name)),
    expect: info.expect,
    pending: info.pending,
  }));
}

/** The names of the TDE files in test/fixtures/hostile/ (each must have an entry). */
export function staticFileNames(): string[] {
  return fs.readdirSync(STATIC_DIR).filter((name) => /\.tde\.ya?ml$/.test(name)).sort();
}

export function staticEntryNames(): string[] {
  return Object.keys(STATIC).sort();
}

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => {
  const le = utf16le(text);
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};
const text = (s: string) => () => Buffer.from(s, 'utf8');

/** A deterministic pseudo-random byte source (no Math.random: a failure must reproduce). */
function bytesFrom(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function lines(count: number, line: (i: number) => string): string {
  const parts: string[] = new Array(count);
  for (let i = 0; i < count; i++) parts[i] = line(i);
  return parts.join('');
}

function generatedEntries(): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  const add = (name: string, about: string, bytes: () => Buffer, expect: Expectation, pending?: string, pendingServer?: string) =>
    entries.push({ name, about, generated: true, bytes, expect, pending, pendingServer });
  const undecodable = (message: RegExp) => yamlSyntax(message);

  // Bytes before YAML.
  add('utf16le-bom.tde.yaml', 'UTF-16 LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(HEAD)]), undecodable(/UTF-16/));
  add('utf16be-bom.tde.yaml', 'UTF-16 BE with BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(HEAD)]), undecodable(/UTF-16/));
  add('utf16le-no-bom.tde.yaml', 'UTF-16 LE without BOM', () => utf16le(HEAD), undecodable(/UTF-16/));
  add('utf16be-no-bom.tde.yaml', 'UTF-16 BE without BOM', () => utf16be(HEAD), undecodable(/UTF-16/));
  add('bom-crlf.tde.yaml', 'UTF-8 BOM and CRLF line endings, a fixable typo', text(`\ufeff${HEAD}find:\n  status: in-progres\n  collaborators:\n    - {name: Ward 5, role: comunity-group}\n`.replace(/\n/g, '\r\n')), { rules: ['schema'], message: /Did you mean "in-progress"/ });
  add('cr-only.tde.yaml', 'old Mac line endings (CR only), a fixable typo', text(`${HEAD}find:\n  status: in-progres\n`.replace(/\n/g, '\r')), { rules: ['schema'], message: /Did you mean "in-progress"/ });
  add('mixed-line-endings.tde.yaml', 'LF, CRLF and CR mixed', text('tde: 1\r\nproject:\r  title: Flood sensors\n  place: Riverton\r\nfind:\r  status: in-progres\n'), { rules: ['schema'] });
  add('binary-random.tde.yaml', '64 KB of random bytes (with NULs)', () => bytesFrom(7, 64 * 1024), undecodable(/binary|UTF-16/));
  add('binary-png-header.tde.yaml', 'a PNG file renamed', () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), bytesFrom(11, 4096)]), undecodable(/binary/));
  add('invalid-utf8.tde.yaml', 'valid text, then a broken sequence at a known byte', () => Buffer.concat([Buffer.from(`${HEAD}x-note: caf`), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]), undecodable(new RegExp(`offset ${HEAD.length + 'x-note: caf'.length}\\b`)));
  add('latin1.tde.yaml', 'a Latin-1 file (é as one byte)', () => Buffer.from(`${HEAD}x-note: café\n`, 'latin1'), undecodable(/not valid UTF-8/));
  add('overlong-utf8.tde.yaml', 'an overlong encoding of "/" and an encoded surrogate', () => Buffer.concat([Buffer.from(HEAD), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x0a])]), undecodable(/not valid UTF-8/));
  add('high-bytes-no-nul.tde.yaml', 'random bytes above 0x7f, no NUL', () => Buffer.from(bytesFrom(13, 32 * 1024).map((b) => b | 0x80)), undecodable(/not valid UTF-8/));
  add('oversize.tde.yaml', 'one byte over the size limit', () => Buffer.concat([Buffer.from(HEAD), Buffer.alloc(8 * MB + 1 - HEAD.length, 0x20)]), undecodable(/over the/));

  // Size.
  add('line-5mb.tde.yaml', 'one 5 MB line', text(`${HEAD}x-line: ${'a'.repeat(5 * MB)}\n`), {});
  add('key-1mb.tde.yaml', 'a 1 MB key (YAML allows 1024 characters), a 1 MB tactic id and a 1 MB status', text(`${HEAD}${'k'.repeat(MB)}: 1\nfind:\n  status: ${'d'.repeat(MB)}\n  tactics: [${'t'.repeat(MB)}]\n`), yamlSyntax(/1024/));
  add('values-1mb.tde.yaml', 'a 1 MB status, a 1 MB tactic id, a 1 MB unknown key in flow style', text(`${HEAD}find:\n  status: ${'d'.repeat(MB)}\n  tactics: [${'t'.repeat(MB)}]\n  ? ${'k'.repeat(MB)}\n  : 1\n`), { rules: ['schema', 'unknown-tactic'] });
  add('items-100k.tde.yaml', '100,000 list items', text(`${HEAD}next:\n  opportunities:\n${lines(100_000, (i) => `    - lead ${i}\n`)}`), { none: true });
  add('flow-items-100k.tde.yaml', '100,000 items in one flow list', text(`${HEAD}x-flow: [${lines(100_000, (i) => `${i}, `)}end]\n`), { none: true });
  add('comments-200k.tde.yaml', '200,000 comment lines', text(`${HEAD}${lines(200_000, () => '# a comment\n')}`), { none: true });
  add('block-scalar-5mb.tde.yaml', 'a 5 MB literal block scalar', text(`${HEAD}  summary: |\n${lines(100_000, () => `    ${'w'.repeat(50)}\n`)}`), { none: true });

  // Nesting.
  add('deep-flow-10k.tde.yaml', '10,000 nested flow lists', text(`${HEAD}x-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), yamlSyntax(/nested more than 100 levels/));
  add('deep-flow-map-1k.tde.yaml', '1,000 nested flow mappings', text(`${HEAD}x-deep: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}\n`), yamlSyntax(/nested more than 100 levels/));
  add('deep-block-seq-10k.tde.yaml', '10,000 nested block lists on one line (`- - - …`)', text(`${HEAD}x-deep:\n${'- '.repeat(10_000)}x\n`), yamlSyntax(/nested more than 100 levels/));
  add('deep-block-map-1500.tde.yaml', '1,500 nested block mappings, each indented one more', text(`${HEAD}x-deep:\n${lines(1500, (i) => `${' '.repeat(i + 1)}k:\n`)}${' '.repeat(1501)}v\n`), yamlSyntax(/nested more than 100 levels/));
  add('deep-150.tde.yaml', '150 levels: parses, too deep to check', text(`${HEAD}x-deep: ${'['.repeat(150)}${']'.repeat(150)}\n`), yamlSyntax(/nested more than/));

  // Aliases.
  add('anchors-50k.tde.yaml', '50,000 distinct anchors and 50,000 aliases to them', text(`${HEAD}x-anchors:\n${lines(50_000, (i) => `  - &a${i} v${i}\n`)}x-aliases:\n${lines(50_000, (i) => `  - *a${i}\n`)}`), { none: true });
  add('aliases-to-one-200k.tde.yaml', '200,000 aliases to one list of 100 items', text(`${HEAD}x-one: &one [${lines(100, (i) => `${i}, `)}x]\nx-many:\n${lines(200_000, () => '  - *one\n')}`), yamlSyntax(/grows past/));
  add('billion-laughs-padded.tde.yaml', 'an alias bomb in a file padded to raise the value budget', () => Buffer.from(`${fs.readFileSync(path.join(STATIC_DIR, 'billion-laughs.tde.yaml'), 'utf8')}${lines(60_000, () => '# padding padding padding padding padding padding padding padding padding padding padding\n')}`), yamlSyntax(/grows past/));
  add('undefined-aliases-100k.tde.yaml', '100,000 aliases naming no anchor', text(`${HEAD}x-refs:\n${lines(100_000, (i) => `  - *missing${i}\n`)}`), yamlSyntax(/names no anchor/));

  // Many problems, many keys, many directives.
  add('keys-100k.tde.yaml', '100,000 unknown top-level keys', text(`${HEAD}${lines(100_000, (i) => `k${i}: 1\n`)}`), { rules: ['schema'] });
  add('duplicate-keys-100k.tde.yaml', 'one key 100,000 times', text(`${HEAD}${lines(100_000, () => 'x-a: 1\n')}`), yamlSyntax(/appears twice/));
  add('syntax-errors-200k.tde.yaml', '200,000 lines that each break YAML', text(`${HEAD}${lines(200_000, () => '- ]\n')}`), yamlSyntax(/more YAML problems/));
  add('disable-comments-100k.tde.yaml', '100,000 disable-next-line comments, each above an unknown key', text(`${HEAD}${lines(50_000, (i) => `# tde-disable-next-line schema -- reason ${i}\nk${i}: 1\n`)}${lines(50_000, () => '# tde-disable-next-line\n')}x-end: 1\n`), { none: true });
  add('fixable-typos-20k.tde.yaml', '20,000 collaborators with a misspelt role (20,000 fixes)', text(`${HEAD}find:\n  status: in-progress\n  collaborators:\n${lines(20_000, (i) => `    - {name: n${i}, role: resdent}\n`)}`), { rules: ['schema'], message: /Did you mean "resident"/ });
  add('unknown-tactics-20k.tde.yaml', '20,000 misspelt tactic ids', text(`${HEAD}find:\n  status: in-progress\n  tactics:\n${lines(20_000, () => '    - identify-shared-prioritie\n')}`), { rules: ['unknown-tactic'] });
  add('use-case-refs-20k.tde.yaml', '20,000 use cases and 20,000 references to missing ones', text(`${HEAD}refine:\n  status: in-progress\n  use_cases:\n${lines(20_000, (i) => `    - {id: case-${i}}\n`)}  result:\n    promising_use_cases:\n${lines(20_000, (i) => `      - other-${i}\n`)}`), { rules: ['unknown-use-case'] });
  add('collaborator-refs-20k.tde.yaml', '20,000 Design collaborators and 20,000 feedback entries from unknown people', text(`${HEAD}design:\n  status: in-progress\n  collaborators:\n${lines(20_000, (i) => `    - {name: person ${i}, role: resident}\n`)}  feedback:\n${lines(20_000, (i) => `    - {from: someone ${i}}\n`)}`), { rules: ['unknown-collaborator'] });
  add('long-names-suggestions.tde.yaml', 'a 2 MB collaborator name and a 2 MB use-case id, each referred to by a near miss', text(`${HEAD}refine:\n  status: in-progress\n  use_cases:\n    - id: ${'a-'.repeat(MB)}a\n  result:\n    promising_use_cases: [${'b'.repeat(150)}]\ndesign:\n  status: in-progress\n  collaborators:\n    - {name: ${'n'.repeat(2 * MB)}, role: resident}\n  feedback:\n    - {from: ${'m'.repeat(150)}}\n`), { rules: ['unknown-use-case', 'unknown-collaborator'] });
  // Controls in what the problems say: a key and a tactic id the engine quotes.
  add('controls-in-messages.tde.yaml', 'bidi overrides, isolates and marks and C1 controls (NEL, CSI) in an unknown key and an unknown tactic id, as YAML escapes', text(`${HEAD}"team\\u202Enoissim\\u202C \\u2066iso\\u2069 \\u200F\\u061C \\x85nel \\x9b31mcsi": 1\nfind:\n  status: in-progress\n  collaborators: [{name: A, role: resident}]\n  tactics:\n    - "walk\\u202Esdrawkcab\\u2067 \\u200E \\x9b2J \\u0085 \\x9d0;title\\x9c"\n`), { rules: ['schema', 'unknown-tactic'], message: /Unknown tactic "walk\u202esdrawkcab\u2067 \u200e \u009b2J \u0085 \u009d0;title\u009c"/ });
  add('contact-redos.tde.yaml', 'a 1 MB contact of e-mail-like characters with no @ (regex backtracking)', text(`${HEAD}find:\n  status: in-progress\n  collaborators:\n    - {name: A, role: resident, contact: ${'a'.repeat(MB)}}\n    - {name: B, role: resident, contact: "+1 ${'1 '.repeat(MB / 4)}x"}\n`), { rules: ['narrow-collaborators'] });
  add('pitch-bomb.tde.yaml', 'a pitch frame with 300,000 placeholders and a 2 MB focus area', text(`${HEAD}find:\n  status: done\n  collaborators: [{name: A, role: resident}]\n  result:\n    focus_area: ${'f'.repeat(2 * MB)}\nrefine:\n  status: done\n  pitch:\n    template: "${'{focus_area}'.repeat(300_000)}"\n`), { rules: ['missing-collaborators'] });
  return entries;
}

export function corpus(): CorpusEntry[] {
  return [...staticEntries(), ...generatedEntries()];
}

export interface WrittenCorpus {
  dir: string;
  files: { entry: CorpusEntry; file: string }[];
  remove(): void;
}

/** Write the corpus into a fresh temporary folder (removed by `remove()`). */
export function writeCorpus(entries: CorpusEntry[] = corpus()): WrittenCorpus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-hostile-'));
  const files = entries.map((entry) => {
    const file = path.join(dir, entry.name);
    fs.writeFileSync(file, entry.bytes());
    return { entry, file };
  });
  return { dir, files, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** What an editor would hand the language server for these bytes: BOM-detected UTF-16, else UTF-8 with replacement characters. */
export function editorText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
