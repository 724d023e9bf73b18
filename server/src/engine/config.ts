// `.tderc.yaml`: rule severities, found in the file's folder or the nearest
// ancestor. Read as YAML 1.2 core, so `off` is the string "off".
import * as path from './paths';
import { isMap, isScalar, type Node } from 'yaml';
import { parseQuietly, structureIssues } from './document';
import { LineIndex } from './lineIndex';
import { ruleIds } from './rules';
import type { FileHost, RuleSeverities, SeveritySetting } from './types';

export const CONFIG_FILE_NAMES = ['.tderc.yaml', '.tderc.yml'];
const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export interface ConfigIssue {
  message: string;
  /** 1-based line in the config file, when known. */
  line?: number;
}

export interface TdeConfig {
  /** The file it came from, if any. */
  file?: string;
  rules: RuleSeverities;
  issues: ConfigIssue[];
}

export const EMPTY_CONFIG: TdeConfig = { rules: {}, issues: [] };

/** The nearest `.tderc.yaml` at or above `directory`, or undefined. */
export function findConfigFile(directory: string, host: FileHost): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (host.fileExists(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Parse a config file's text; problems in it are returned, never thrown. */
export function parseConfig(text: string, file?: string): TdeConfig {
  const issues: ConfigIssue[] = [];
  const rules: RuleSeverities = {};
  // Parsed as a TDE file is (document.ts): the parser's own duplicate-key
  // check compares each key with every earlier one, and counting lines by
  // slicing the text up to each issue is as quadratic (seconds for a file of
  // 30,000 keys); structureIssues finds duplicates in one walk, LineIndex
  // counts lines once.
  const doc = parseQuietly(text);
  let lines: LineIndex | undefined;
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : (lines ??= new LineIndex(text)).positionAt(offset).line + 1;
  const duplicates = structureIssues(doc.contents as Node | null).filter((issue) => issue.code === 'DUPLICATE_KEY');
  for (const error of mergeByPosition(doc.errors, duplicates)) {
    issues.push({ message: `YAML syntax: ${error.message.split('\n')[0]}`, line: lineOf(error.pos[0]) });
  }
  if (issues.length) return { file, rules, issues };
  const contents = doc.contents;
  if (contents == null) return { file, rules, issues };
  if (!isMap(contents)) {
    issues.push({ message: 'The configuration must be a mapping with a `rules` key.', line: 1 });
    return { file, rules, issues };
  }
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'rules') {
      issues.push({ message: `Unknown key \`${key}\`; the configuration has only \`rules\`.`, line: lineOf((pair.key as { range?: number[] })?.range?.[0]) });
      continue;
    }
    if (pair.value == null || (isScalar(pair.value) && pair.value.value == null)) continue;
    if (!isMap(pair.value)) {
      issues.push({ message: '`rules` must map rule ids to off, info, warning or error.', line: lineOf((pair.key as { range?: number[] })?.range?.[0]) });
      continue;
    }
    for (const rulePair of pair.value.items) {
      const id = isScalar(rulePair.key) ? String(rulePair.key.value) : '';
      const line = lineOf((rulePair.key as { range?: number[] })?.range?.[0]);
      const value = isScalar(rulePair.value) ? rulePair.value.value : undefined;
      const setting = typeof value === 'string' ? value.toLowerCase() : value === false ? 'off' : undefined;
      if (!ruleIds.includes(id)) {
        issues.push({ message: `Unknown rule \`${id}\`. Rules: ${ruleIds.join(', ')}.`, line });
      } else if (!SETTINGS.includes(setting as SeveritySetting)) {
        issues.push({ message: `\`${id}\` must be off, info, warning or error; got \`${String(value)}\`.`, line });
      } else {
        rules[id] = setting as SeveritySetting;
      }
    }
  }
  return { file, rules, issues };
}

/** The parser's errors in their order, each duplicate key placed before the first error after it (where the parser's own check put it). */
function mergeByPosition<T extends { pos: [number, number] }>(errors: readonly T[], duplicates: readonly T[]): T[] {
  if (duplicates.length === 0) return [...errors];
  const merged: T[] = [];
  let next = 0;
  for (const error of errors) {
    while (next < duplicates.length && duplicates[next]!.pos[0] < error.pos[0]) merged.push(duplicates[next++]!);
    merged.push(error);
  }
  while (next < duplicates.length) merged.push(duplicates[next++]!);
  return merged;
}

/** Load the configuration that applies to a file: an explicit one, or the nearest. */
export function loadConfigFor(fileName: string, host: FileHost, explicitFile?: string): TdeConfig {
  const file = explicitFile ?? findConfigFile(path.dirname(fileName), host);
  if (!file) return EMPTY_CONFIG;
  const text = host.readFile(file);
  if (text === undefined) return { file, rules: {}, issues: [{ message: `Cannot read ${file}.` }] };
  return parseConfig(text, file);
}

/** Later layers override earlier ones (file, then editor settings). */
export function mergeSeverities(...layers: (RuleSeverities | undefined)[]): RuleSeverities {
  return Object.assign({}, ...layers.filter(Boolean));
}
