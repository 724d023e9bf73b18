// Parses a TDE file into a YAML document that keeps every node's range, and
// indexes each node's path so problems can name where they are.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { LineIndex } from './lineIndex';
import type { NodePath } from './types';

export type TdeYaml = Document.Parsed;

export interface SyntaxIssue {
  message: string;
  offset: number;
  length: number;
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

const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  merge: false,
  keepSourceTokens: false,
} as const;

export function parseTde(text: string): TdeDocument {
  const lines = new LineIndex(text);
  // YAML 1.2 counts a lone CR as a line break; the parser does not. Same length, same offsets.
  const source = /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
  const yaml = parseDocument(source, PARSE_OPTIONS) as TdeYaml;
  const syntaxIssues: SyntaxIssue[] = [];
  const starts = new Set<number>();
  for (const error of [...yaml.errors, ...yaml.warnings]) {
    let [start, end] = error.pos;
    const opener = unclosedOpener(source, error.code, error.message, start);
    if (opener !== undefined) {
      start = opener;
      end = lines.lineEnd(lines.positionAt(opener).line);
    }
    // One mistake often trips several parser errors at one place: say it once.
    if (starts.has(start)) continue;
    starts.add(start);
    syntaxIssues.push({
      message: describeYamlError(error.code, error.message),
      offset: start,
      length: Math.max(0, Math.min(end, text.length) - start),
    });
  }
  const paths = new Map<Node, NodePath>();
  const scalarRanges: [number, number][] = [];
  indexPaths(yaml.contents as Node | null, [], paths, scalarRanges, 0);
  scalarRanges.sort((a, b) => a[0] - b[0]);
  const root = isMap(yaml.contents) ? (yaml.contents as YAMLMap) : undefined;
  return {
    text,
    lines,
    yaml,
    root,
    syntaxIssues,
    pathOf: (node) => paths.get(node),
    scalarRanges,
  };
}

const MAX_DEPTH = 200;

function indexPaths(
  node: Node | null | undefined,
  path: NodePath,
  paths: Map<Node, NodePath>,
  scalarRanges: [number, number][],
  depth: number,
): void {
  if (!node || depth > MAX_DEPTH) return;
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

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(first)) return 'The YAML is nested too deeply to read; TDE files need only a few levels.';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same mapping; YAML keeps only one of them, so merge the two.';
    case 'TAG_RESOLVE_FAILED':
      return `Custom YAML tags are not part of the TDE format and are not evaluated: ${first}.`;
    case 'MULTIPLE_DOCS':
      return 'A TDE file holds one YAML document; move the others to files of their own.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    default:
      return `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  }
}

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

export function seqAt(map: unknown, key: string): YAMLSeq | undefined {
  const value = valueOf(map, key);
  return isSeq(value) ? (value as YAMLSeq) : undefined;
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

export interface Span {
  offset: number;
  length: number;
}

/** The span of a node's value (without trailing comments or line breaks). */
export function spanOf(node: unknown): Span | undefined {
  if (!node || isPair(node)) return undefined;
  const range = (node as Node).range;
  if (!range) return undefined;
  if (isAlias(node)) return { offset: range[0], length: range[1] - range[0] };
  return { offset: range[0], length: Math.max(0, range[1] - range[0]) };
}

export { isAlias, isMap, isPair, isScalar, isSeq };
export type { Node, Pair, Scalar, YAMLMap, YAMLSeq };
