// `.tderc.yaml`: rule severities, found in the file's folder or the nearest
// ancestor. Read as YAML 1.2 core, so `off` is the string "off".
import * as path from './paths';
import { isMap, isScalar, type Node } from 'yaml';
import { parseQuietly, structureIssues } from './document';
import { LineIndex } from './lineIndex';
import { quoted } from './prose';
import { ruleIds } from './rules';
import { nearest } from './suggest';
import type { FileHost } from './fileHost';
import type { RuleSeverities, SeveritySetting } from './ruleSeverities';

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

const EMPTY_CONFIG: TdeConfig = { rules: {}, issues: [] };

/**
 * The most issues a configuration reports one by one; one more says how many
 * were left out. A file built with 30,000 mistakes would otherwise send the
 * editor megabytes, and nobody reads past the first screen of them.
 */
export const MAX_CONFIG_ISSUES = 100;

/** How many "Unknown rule" issues with no near miss list every rule id (after that, the list is above). */
const RULE_LISTS = 3;

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
  // Past the cap, issues are only counted: their messages are never built.
  let found = 0;
  let firstLeftOut: number | undefined;
  const report = (offset: number | undefined, message: () => string) => {
    if (found++ < MAX_CONFIG_ISSUES) issues.push({ message: message(), line: lineOf(offset) });
    else if (found === MAX_CONFIG_ISSUES + 1) firstLeftOut = offset;
  };
  const done = (): TdeConfig => {
    const leftOut = found - issues.length;
    if (leftOut > 0) {
      issues.push({ message: `… and ${leftOut.toLocaleString('en-US')} more ${leftOut === 1 ? 'problem' : 'problems'} in this file.`, line: lineOf(firstLeftOut) });
    }
    return { file, rules, issues };
  };
  let ruleLists = 0;
  const unknownRule = (id: string): string => {
    const suggestion = nearest(id, ruleIds);
    if (suggestion) return `Unknown rule ${quoted(id)}. Did you mean ${quoted(suggestion)}?`;
    return ruleLists++ < RULE_LISTS ? `Unknown rule ${quoted(id)}. Rules: ${ruleIds.join(', ')}.` : `Unknown rule ${quoted(id)}.`;
  };
  const duplicates = structureIssues(doc.contents as Node | null).filter((issue) => issue.code === 'DUPLICATE_KEY');
  for (const error of mergeByPosition(doc.errors, duplicates)) {
    report(error.pos[0], () => `YAML syntax: ${error.message.split('\n')[0]}`);
  }
  if (found) return done();
  const contents = doc.contents;
  if (contents == null) return done();
  if (!isMap(contents)) {
    report(0, () => 'The configuration must be keys with values, like "rules: {no-steward: warning}".');
    return done();
  }
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'rules') {
      report((pair.key as { range?: number[] })?.range?.[0], () => `Unknown key ${quoted(key)}; the configuration has only "rules".`);
      continue;
    }
    if (pair.value == null || (isScalar(pair.value) && pair.value.value == null)) continue;
    if (!isMap(pair.value)) {
      report((pair.key as { range?: number[] })?.range?.[0], () => '"rules" must map rule ids to off, info, warning or error.');
      continue;
    }
    for (const rulePair of pair.value.items) {
      const id = isScalar(rulePair.key) ? String(rulePair.key.value) : '';
      const offset = (rulePair.key as { range?: number[] })?.range?.[0];
      const value = isScalar(rulePair.value) ? rulePair.value.value : undefined;
      const setting = typeof value === 'string' ? value.toLowerCase() : value === false ? 'off' : undefined;
      if (!ruleIds.includes(id)) {
        report(offset, () => unknownRule(id));
      } else if (!SETTINGS.includes(setting as SeveritySetting)) {
        report(offset, () => `${quoted(id)} must be off, info, warning or error; got ${quoted(String(value))}.`);
      } else {
        rules[id] = setting as SeveritySetting;
      }
    }
  }
  return done();
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
