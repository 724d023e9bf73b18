// A whole file parsed one top-level entry (`project:`, `find:`, …) at a
// time: the same tree as parseTde gives (test/unit/incremental.test.ts), with
// one entry's worth of the parser's transient structures alive at once, and
// a tree known to be fit for grafting. Undefined when that could differ from
// parsing the whole text: anything but plain block entries at column 0,
// syntax errors, anchors, aliases, tags, duplicate keys, directives, lone
// CRs, control characters, a byte order mark.
import { parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { hasControlCharacters } from './controlCharacters';
import { indexPaths, keyString, PARSE_OPTIONS, type TdeDocument, type TdeYaml } from './document';
import { emptyEnd, isPlainEntry, scanLines, shiftEntry, startsEntry } from './incrementalTree';
import { LineIndex } from './lineIndex';
import type { NodePath } from './problem';

/** Below this size one parse is as good. */
const MIN_LENGTH = 4096;

export function parseByEntries(text: string, minLength = MIN_LENGTH): { document: TdeDocument; paths: Map<Node, NodePath> } | undefined {
  if (text.length < minLength || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text) || hasControlCharacters(text)) return undefined;
  const starts = entryStarts(text);
  if (!starts || starts.length < 2) return undefined;
  let first: TdeYaml | undefined;
  let last: TdeYaml | undefined;
  let root: YAMLMap | undefined;
  const keys = new Set<string>();
  for (let i = 0; i < starts.length; i++) {
    // The first chunk holds what comes before the first key too, so that the document starts where it does.
    const from = i === 0 ? 0 : starts[i]!;
    const to = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const chunk = text.slice(from, to);
    const lines = scanLines(chunk, 0, 'map');
    if (!lines || lines.entries.length !== 1) return undefined;
    // A comment ending an entry, indented, would end the entry's inner collection where the next line starts.
    if (i + 1 < starts.length && lines.trailingComment > 0) return undefined;
    const yaml = parseDocument(chunk, PARSE_OPTIONS) as TdeYaml;
    if (yaml.errors.length || yaml.warnings.length) return undefined;
    const map = yaml.contents as YAMLMap | null;
    if (!map || !('items' in map) || map.flow || map.items.length !== 1 || map.range?.[0] !== starts[i]! - from) return undefined;
    const pair = map.items[0] as Pair;
    if (!isPlainEntry('map', pair)) return undefined;
    // An empty value ending the entry, with a comment after it, runs up to the next entry.
    const empty = emptyEnd('map', pair);
    if (i + 1 < starts.length && empty !== undefined && chunk.includes('#', empty)) return undefined;
    const key = keyString(pair.key);
    if (keys.has(key)) return undefined;
    keys.add(key);
    if (i === 0) {
      first = yaml;
      root = map;
    } else {
      shiftEntry('map', pair, from);
      root!.items.push(pair);
    }
    if (i + 1 === starts.length) {
      // The last entry ends the root mapping and the document: their ends are its standalone parse's.
      last = yaml;
      root!.range = [root!.range![0], map.range![1] + from, map.range![2] + from];
      (first!.range as number[])[1] = root!.range[2];
      (first!.range as number[])[2] = (last.range as number[])[2]! + from;
    }
  }
  const paths = new Map<Node, NodePath>();
  const scalarRanges: [number, number][] = [];
  indexPaths(root!, [], paths, scalarRanges, 0);
  scalarRanges.sort((a, b) => a[0] - b[0]);
  const document: TdeDocument = {
    text,
    lines: new LineIndex(text),
    yaml: first!,
    root,
    syntaxIssues: [],
    pathOf: (node) => paths.get(node),
    scalarRanges,
  };
  return { document, paths };
}

/** Offsets of the lines that start a top-level entry; undefined when a column-0 line is anything else. */
function entryStarts(text: string): number[] | undefined {
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    let next = text.indexOf('\n', at);
    if (next < 0) next = text.length;
    const ch = text[at];
    if (ch !== ' ' && ch !== '\t' && ch !== '\r' && ch !== '\n' && ch !== '#') {
      if (!startsEntry(text.slice(at, next), 'map', 0)) return undefined;
      starts.push(at);
    }
    at = next + 1;
  }
  return starts;
}
