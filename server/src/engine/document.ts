// Parses a TDE file into a YAML document that keeps every node's range, and
// indexes each node's path so problems can name where they are.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { decodeTdeBytes } from './bytes';
import { controlCharacterIssues } from './controlCharacters';
import { LineIndex } from './lineIndex';
import { message, type MessageValues } from '../shared/l10n';
import { clip } from './prose';
import type { Fix, NodePath } from './problem';

export type TdeYaml = Document.Parsed;

interface SyntaxIssue {
  /** In English; `words` gives it in any language. */
  message: string;
  /** The message's key in the catalogues (`syntax.*`) and its values. */
  words?: { key: string; values: MessageValues };
  offset: number;
  length: number;
  /** Only where the edit cannot change anything but the problem (see controlCharacters.ts). */
  fix?: Fix;
}

export interface TdeDocument {
  text: string;
  lines: LineIndex;
  yaml: TdeYaml;
  /** The top-level mapping, when the file is one. */
  root: YAMLMap | undefined;
  syntaxIssues: SyntaxIssue[];
  /** Path of every node (keys map to their pair's path). */
  pathOf(node: Node): NodePath | undefined;
  /** Offset ranges of string scalars, sorted, to tell comments from text. */
  scalarRanges: [number, number][];
}

export const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  merge: false,
  keepSourceTokens: false,
  // `!!binary`, `!!timestamp`, `!!set`, `!!omap`, `!!pairs` and `!!merge` are
  // YAML 1.1 types the parser would otherwise build (a byte array, a Date, a
  // Symbol…): here they are tags the core schema lacks, reported as such.
  resolveKnownTags: false,
} as const;

/**
 * What a whole file is parsed with. The parser's own duplicate-key check
 * compares each key with every earlier one (minutes for a mapping of 100,000
 * keys), so structureIssues does it instead, in linear time, with the same
 * notion of "the same key". PARSE_OPTIONS keeps the parser's check for the
 * small pieces incremental.ts re-parses.
 */
const FULL_PARSE_OPTIONS = { ...PARSE_OPTIONS, uniqueKeys: false } as const;

/**
 * The parse, with the parser's errors made without stack traces: they are
 * values here, never thrown, and a file with 200,000 broken lines would
 * otherwise spend seconds and hundreds of megabytes capturing stacks.
 * Duplicate keys are left to structureIssues (config.ts parses this way too).
 */
export function parseQuietly(source: string): TdeYaml {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(source, FULL_PARSE_OPTIONS) as TdeYaml;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * How deep values may nest (the root's own values are at depth 1). The
 * plain-data view (index.ts) keeps to the same bound, so a file is refused at
 * the same node whichever finds it first.
 */
export const MAX_NESTING = 100;

/** Where a walk over the YAML nodes stops: past MAX_NESTING a file is refused anyway, so this only bounds the stack, with room to spare. */
export const MAX_NODE_DEPTH = 2 * MAX_NESTING;

/** A file with more YAML problems than this is reported up to here; the rest would be noise. */
export const MAX_SYNTAX_ISSUES = 1000;

/** An issue found here, in the parser's shape, so one loop turns both into SyntaxIssues. */
interface FoundIssue {
  code: string;
  message: string;
  pos: [number, number];
}

/** An issue with a fix (only the control characters' have one). */
type FixableIssue = FoundIssue & { fix?: Fix };

/**
 * `%YAML` directives before the document: whatever version they name, the
 * file is read as YAML 1.2 with the core schema (so `yes` stays text), and
 * saying otherwise in the file would mislead its readers.
 */
function readAsYaml12(source: string): FoundIssue[] {
  const issues: FoundIssue[] = [];
  let at = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < source.length) {
    const newline = source.indexOf('\n', at);
    const end = newline < 0 ? source.length : newline;
    const line = source.slice(at, end);
    if (line.startsWith('%')) {
      const version = /^%YAML[ \t]+([^\s#]+)/.exec(line)?.[1];
      if (version !== undefined && version !== '1.2') {
        const length = /^%YAML[ \t]+[^\s#]+/.exec(line)![0].length;
        issues.push({ code: 'TDE_YAML_VERSION', message: version, pos: [at, at + length] });
      }
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      break; // directives come only before the document
    }
    at = end + 1;
  }
  return issues;
}

/**
 * What the parser leaves to us, in one walk of the tree in document order
 * (iterative, so no nesting depth can overflow the stack): keys that appear
 * twice in one mapping, aliases that name no anchor defined before them
 * (the parser only notices those when converting to JavaScript, which we
 * never do; plainData would otherwise read them as empty), and the first
 * node nested deeper than MAX_NESTING: the node plainData would stop at, or
 * a collection used as a key there (as costly, though plainData never reads it).
 */
export function structureIssues(contents: Node | null | undefined): FoundIssue[] {
  const issues: FoundIssue[] = [];
  const anchors = new Set<string>();
  const stack: [Node | null | undefined, number, boolean][] = [[contents, 0, false]];
  let tooDeep = false;
  while (stack.length > 0) {
    const [node, depth, isKey] = stack.pop()!;
    if (!node) continue;
    if (depth > MAX_NESTING) {
      if (isKey && isScalar(node)) continue;
      if (!tooDeep && node.range) {
        // A block collection's end depends on where the parser's stack ran out
        // (more in a worker thread than in the CLI): mark only its first character.
        const block = (isMap(node) || isSeq(node)) && !node.flow;
        issues.push({ code: 'TDE_TOO_DEEP', message: String(MAX_NESTING), pos: [node.range[0], block ? node.range[0] + 1 : node.range[1]] });
      }
      tooDeep = true;
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.add(anchor);
    if (isAlias(node)) {
      // (Below a node too deep, anchors went unseen: no alias is judged after it.)
      if (!anchors.has(node.source) && node.range && !tooDeep) {
        issues.push({ code: 'TDE_UNKNOWN_ALIAS', message: node.source, pos: [node.range[0], node.range[1]] });
      }
    } else if (isMap(node)) {
      // The parser's notion of the same key: the same scalar value (so `1` and "1" differ).
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (seen.has(key.value) && key.range) {
          issues.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [key.range[0], key.range[1]] });
        }
        seen.add(key.value);
      }
      for (let i = node.items.length - 1; i >= 0; i--) {
        stack.push([node.items[i]!.value as Node | null, depth + 1, false], [node.items[i]!.key as Node | null, depth + 1, true]);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i] as Node | null, depth + 1, false]);
    }
  }
  return issues;
}

export function parseTde(text: string): TdeDocument {
  return parseTdeIndexed(text).document;
}

/** parseTde, with the index of node paths it built (incremental.ts keeps it up to date across edits). */
export function parseTdeIndexed(text: string): { document: TdeDocument; paths: Map<Node, NodePath> } {
  const lines = new LineIndex(text);
  // YAML 1.2 counts a lone CR as a line break; the parser does not. Same length, same offsets.
  const source = /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
  const yaml = parseQuietly(source);
  const syntaxIssues: SyntaxIssue[] = [];
  const starts = new Set<number>();
  const nul = text.indexOf('\u0000');
  const structure = nul >= 0 ? [] : structureIssues(yaml.contents as Node | null);
  // How deep the parser got before its stack ran out depends on the stack it
  // had (a worker thread has more than the CLI): report the depth limit,
  // found the same way everywhere, instead.
  const tooDeep = structure.some((issue) => issue.code === 'TDE_TOO_DEEP');
  const parserIssues = [...yaml.errors, ...yaml.warnings].filter((e) => !(tooDeep && e.code === 'RESOURCE_EXHAUSTION'));
  // Characters YAML allows nowhere come first, so that where the parser also
  // stumbled on one, the problem says what it is.
  const controls: FixableIssue[] = nul >= 0 ? [] : controlCharacterIssues(text, lines, yaml.contents as Node | null, yaml.errors.length === 0)
    .map((issue) => ({ code: 'TDE_CONTROL', message: issue.message, pos: [issue.offset, issue.offset + issue.length], fix: issue.fix }));
  // A NUL is binary data: the file gets the one problem the CLI gives it
  // when it reads the bytes (bytes.ts), not one for every character.
  const found: FixableIssue[] = nul >= 0 ? [binaryData(text, nul)] : [...controls, ...parserIssues, ...readAsYaml12(source), ...structure];
  found.sort((a, b) => a.pos[0] - b.pos[0]);
  for (let i = 0; i < found.length; i++) {
    const error = found[i]!;
    if (syntaxIssues.length >= MAX_SYNTAX_ISSUES) {
      const words = { key: 'syntax.more', values: { count: found.length - i } };
      syntaxIssues.push({ message: message('en', words.key, words.values), words, offset: error.pos[0], length: 0 });
      break;
    }
    // The parser's own word on a `%YAML` version it does not know is replaced by readAsYaml12's.
    if (error.code === 'BAD_DIRECTIVE' && /YAML version/.test(error.message)) continue;
    let [start, end] = error.pos;
    if (error.code === 'TDE_TOO_DEEP') end = Math.min(end, lines.lineEnd(lines.positionAt(start).line));
    const opener = unclosedOpener(source, error.code, error.message, start);
    if (opener !== undefined) {
      start = opener;
      end = lines.lineEnd(lines.positionAt(opener).line);
    }
    // One mistake often trips several parser errors at one place: say it once.
    if (starts.has(start)) continue;
    starts.add(start);
    const words = describeYamlError(error.code, error.message);
    const issue: SyntaxIssue = {
      message: words ? message('en', words.key, words.values) : error.message,
      ...(words ? { words } : {}),
      offset: start,
      length: Math.max(0, Math.min(end, text.length) - start),
    };
    if (error.fix) issue.fix = error.fix;
    syntaxIssues.push(issue);
  }
  const paths = new Map<Node, NodePath>();
  const scalarRanges: [number, number][] = [];
  indexPaths(yaml.contents as Node | null, [], paths, scalarRanges, 0);
  scalarRanges.sort((a, b) => a[0] - b[0]);
  const root = isMap(yaml.contents) ? (yaml.contents as YAMLMap) : undefined;
  const document: TdeDocument = {
    text,
    lines,
    yaml,
    root,
    syntaxIssues,
    pathOf: (node) => paths.get(node),
    scalarRanges,
  };
  return { document, paths };
}

/**
 * What the CLI says of the same bytes (read.ts), at the same place. The CLI
 * never parses a file with a NUL (bytes.ts refuses it); an editor may send one.
 */
function binaryData(text: string, nul: number): FoundIssue {
  const decoded = decodeTdeBytes(new TextEncoder().encode(text));
  const message = decoded.ok ? 'the file holds binary data; a TDE file is UTF-8 text' : decoded.message;
  const at = decoded.ok || decoded.byteOffset !== undefined ? nul : 0;
  return { code: 'TDE_BINARY', message: `This file cannot be checked: ${message}.`, pos: [at, at] };
}

export function indexPaths(
  node: Node | null | undefined,
  path: NodePath,
  paths: Map<Node, NodePath>,
  scalarRanges: [number, number][],
  depth: number,
): void {
  if (!node || depth > MAX_NODE_DEPTH) return;
  paths.set(node, path);
  if (isScalar(node)) {
    if (node.range && typeof node.value === 'string') scalarRanges.push([node.range[0], node.range[1]]);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const segment = keyString(key);
      const childPath = [...path, segment];
      if (key) paths.set(key, childPath);
      indexPaths(pair.value as Node | null, childPath, paths, scalarRanges, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      indexPaths(item as Node | null, [...path, index], paths, scalarRanges, depth + 1);
    });
  }
}

/** A key as the JSON view of the document names it. */
export function keyString(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (key == null) return '';
  // A mapping or list used as a key is never valid TDE; a placeholder keeps
  // this cheap (stringifying deeply nested keys is exponential).
  return isSeq(key) ? '[list as key]' : isMap(key) ? '{mapping as key}' : '[key]';
}

/**
 * The parser reports an unclosed quote or bracket where it gave up, often the
 * end of the file; the mistake is at the opening character, so point there.
 */
function unclosedOpener(text: string, code: string, message: string, at: number): number | undefined {
  if (code === 'MISSING_CHAR' && /closing "quote/.test(message)) return lastBefore(text, '"', at);
  if (code === 'MISSING_CHAR' && /closing 'quote/.test(message)) return lastBefore(text, "'", at);
  const bracket = /end with an? ([\]}])/.exec(message)?.[1];
  if (!bracket) return undefined;
  const open = bracket === ']' ? '[' : '{';
  let depth = 0;
  for (let i = Math.min(at, text.length) - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === bracket) depth++;
    else if (ch === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function lastBefore(text: string, quote: string, at: number): number | undefined {
  const index = text.lastIndexOf(quote, Math.max(0, at - 1));
  return index >= 0 ? index : undefined;
}

/** A name taken from the file, short enough for a message. */
export function shortName(name: string): string {
  return clip(name, 40);
}

function shortMessage(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** The words of a parser error in the catalogues; none for our own issues, which come with their message written. */
function describeYamlError(code: string, message: string): { key: string; values: MessageValues } | undefined {
  // The parser quotes the text it stumbled on, which may be a whole (huge) line.
  const first = shortMessage(message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  if (/call stack/i.test(first)) return { key: 'syntax.tooDeepToRead', values: {} };
  switch (code) {
    case 'TDE_CONTROL':
    case 'TDE_BINARY':
      return undefined;
    case 'TDE_YAML_VERSION':
      return { key: 'syntax.yamlVersion', values: { version: shortName(message) } };
    case 'TDE_TOO_DEEP':
      // Word for word what index.ts says when the plain-data view finds it.
      return { key: 'syntax.tooDeep', values: { depth: message } };
    case 'TDE_UNKNOWN_ALIAS':
      return { key: 'syntax.unknownAlias', values: { alias: shortName(message) } };
    case 'DUPLICATE_KEY':
      return { key: 'syntax.duplicateKey', values: {} };
    case 'TAG_RESOLVE_FAILED':
      return { key: 'syntax.customTag', values: { detail: first } };
    case 'MULTIPLE_DOCS':
      return { key: 'syntax.multipleDocuments', values: {} };
    default: {
      // The mistakes people make most, in plain words; the parser's own (in English) for the rest.
      const plain = PLAIN_PARSER_ERRORS.find(([codes, pattern]) => codes.includes(code) && pattern.test(first));
      if (plain) return { key: plain[2], values: plain[3]?.(first) ?? {} };
      return { key: 'syntax.parser', values: { detail: `${first.charAt(0).toLowerCase()}${first.slice(1)}` } };
    }
  }
}

/** The parser's error codes and words for the mistakes people make most, and what we say instead. */
const PLAIN_PARSER_ERRORS: readonly [codes: readonly string[], words: RegExp, key: string, values?: (first: string) => MessageValues][] = [
  [['TAB_AS_INDENT'], /^Tabs are not allowed as indentation/, 'syntax.tab'],
  [['MISSING_CHAR'], /^Missing closing ("|')quote/, 'syntax.unclosedQuote', (first) => ({ quote: /^Missing closing (.)/.exec(first)![1]! })],
  [['MISSING_CHAR'], /^Sequence item without - indicator/, 'syntax.itemWithoutDash'],
  [['MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY'], /^Implicit (map )?keys need to be (followed by map values|on a single line)/, 'syntax.keyWithoutColon'],
  [['BAD_INDENT'], /^Flow sequence .* end with a \]/, 'syntax.unclosedList'],
  [['BAD_INDENT'], /^Flow map .* end with a \}/, 'syntax.unclosedMapping'],
  [['BAD_INDENT'], /^All mapping items must start at the same column/, 'syntax.keysNotAligned'],
  [['BLOCK_AS_IMPLICIT_KEY'], /^Nested mappings are not allowed in compact mappings/, 'syntax.colonInValue'],
  [['BLOCK_AS_IMPLICIT_KEY'], /^A block sequence may not be used as an implicit map key/, 'syntax.listAmongKeys'],
];

// ---- node helpers -------------------------------------------------------

export function pairOf(map: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of (map as YAMLMap).items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair as Pair<Scalar, Node | null>;
  }
  return undefined;
}

export function valueOf(map: unknown, key: string): Node | undefined {
  const value = pairOf(map, key)?.value;
  return value ?? undefined;
}

export function mapAt(map: unknown, key: string): YAMLMap | undefined {
  const value = valueOf(map, key);
  return isMap(value) ? (value as YAMLMap) : undefined;
}

/** The text of a string scalar; undefined for anything else (numbers, booleans, null, collections). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.value === 'string' ? node.value : undefined;
}

export function stringAt(map: unknown, key: string): string | undefined {
  return scalarText(valueOf(map, key));
}

/** Items of a sequence (empty for anything else), skipping nulls. */
export function seqItems(node: unknown): Node[] {
  if (!isSeq(node)) return [];
  return (node as YAMLSeq).items.filter((item): item is Node => item != null) as Node[];
}

export function isEmptyValue(node: unknown): boolean {
  if (node == null) return true;
  if (isScalar(node)) return node.value === null || node.value === '';
  if (isSeq(node) || isMap(node)) return (node as YAMLSeq).items.length === 0;
  return false;
}

export { isAlias, isMap, isPair, isScalar, isSeq };
export type { Node, Pair, Scalar, YAMLMap, YAMLSeq };
