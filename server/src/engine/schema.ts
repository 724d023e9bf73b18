// JSON Schema validation with ajv, compiled once per process, and the
// translation of ajv's errors into problems a city staffer can act on,
// placed on the YAML node they concern.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { loadValidator } from './compileValidator';
import { isMap, isScalar, isSeq, keyString, type Node, type Pair, type TdeDocument, type YAMLMap } from './document';
import { readDate } from './dates';
import { insertKeyFix, moveKeyFix, replaceScalarFix, suggestValues } from './edits';
import { message, type Language, type MessageValues } from '../shared/l10n';
import { clip, listQuoted, listWords, quoted } from './prose';
import { itemSchema, listedValues, mappingShapes, schemaAt } from './schemaNav';
import { didYouMean, isNegation, nearestAll } from './suggest';
import type { Fix, NodePath, Suggestion } from './problem';

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  validator ??= loadValidator();
  return validator;
}

interface SchemaFinding {
  node: Node;
  path: NodePath;
  message: string;
  fix?: Fix;
  suggestions?: Suggestion[];
}

/** The words of one validation: its language, and the catalogues' messages in it. */
interface Words {
  language: Language;
  say(key: string, values?: MessageValues): string;
}

/** The JSON Schema types that have words of their own (`schema.type.*`). */
const TYPE_WORDS = new Set(['string', 'array', 'object', 'integer', 'number', 'boolean', 'null']);

/** Words about the value at `path`, kept per place in the schema (list items share one). */
const expectedCache = new Map<string, string>();

/**
 * What the schema wants at `path`, in plain words: its values when it lists
 * them (`yes`, `no` or `partly`), else each type, a mapping shown as it is
 * written (`persona: {name: …, description: …}`), a list with its entries' shape.
 */
function expectedAt(path: NodePath, types: readonly string[], w: Words): string {
  const cacheKey = `${w.language}:${path.map((p) => (typeof p === 'number' ? '#' : p)).join('/')}:${types.join()}`;
  let words = expectedCache.get(cacheKey);
  if (words === undefined) {
    words = describeExpected(path, types, w);
    if (expectedCache.size < 1000) expectedCache.set(cacheKey, words);
  }
  return words;
}

function describeExpected(path: NodePath, types: readonly string[], { say, language }: Words): string {
  const schema = schemaAt(path);
  const values = listedValues(schema);
  if (values.length) return listQuoted(values, 'or', language);
  const last = path[path.length - 1];
  const written = (shape: string) => (typeof last === 'string' ? `${last}: ${shape}` : shape);
  return listWords(types.map((type) => {
    if (type === 'object') {
      const shapes = mappingShapes(schema);
      if (shapes.length) return say('schema.type.objectLike', { shapes: listQuoted(shapes.map(written), 'or', language) });
    }
    if (type === 'array') {
      const entries = mappingShapes(itemSchema(schema));
      if (entries.length) return say('schema.type.arrayLike', { entry: quoted(entries[0]!) });
    }
    return TYPE_WORDS.has(type) ? say(`schema.type.${type}`) : type;
  }), 'or', language);
}

/** How the schema's date pattern starts. */
const DATE_PATTERN = /^\^\[0-9\]\{4\}/;

const PATTERN_MEANINGS: [RegExp, (got: string, w: Words) => string][] = [
  [DATE_PATTERN, (_, { say }) => say('schema.pattern.date')],
  [/^\^\[a-z0-9\]\+/, (_, { say }) => say('schema.pattern.kebab')],
  [/https\?/, (_, { say }) => say('schema.pattern.url')],
  [/focus_area/, (got, { say }) => {
    const unknown = [...got.matchAll(/\{([^{}]*)\}?/g)]
      .map((m) => m[1]!)
      .filter((name) => !KNOWN_PLACEHOLDERS.includes(name));
    const known = KNOWN_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
    const names = unknown.map((u) => `{${clip(u, 40)}}`).join(', ');
    return unknown.length ? say('schema.pattern.placeholdersUnknown', { known, names }) : say('schema.pattern.placeholders', { known });
  }],
];

const KNOWN_PLACEHOLDERS = ['focus_area', 'impact', 'refining_tactic', 'data_requesters', 'data_supply', 'next_steps'];

/** Validate the document's data and describe every failure on its node. */
export function validateSchema(doc: TdeDocument, data: unknown, language: Language = 'en'): SchemaFinding[] {
  const validate = schemaValidator();
  if (validate(data)) return [];
  const w: Words = { language, say: (key, values) => message(language, key, values) };
  const errors = (validate.errors ?? []).filter(isActionable);
  const typeFailures = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const findings: SchemaFinding[] = [];
  const seen = new Set<string>();
  const keyIndexes: KeyIndexes = new Map();
  for (const error of errors) {
    // A value of the wrong type explains every other complaint about it.
    if (error.keyword !== 'type' && typeFailures.has(error.instancePath)) continue;
    const finding = describe(doc, error, keyIndexes, w);
    if (!finding) continue;
    const span = finding.node.range;
    const key = `${span?.[0]}:${span?.[1]}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function isActionable(error: ErrorObject): boolean {
  // `if` only reports that a `then` failed, and the `then`'s own error says what.
  return error.keyword !== 'if' && error.keyword !== 'anyOf' && error.keyword !== 'oneOf';
}

function segments(instancePath: string): string[] {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Located {
  node: Node | null;
  /** The pair holding the node, when it is a mapping value. */
  pair?: Pair;
  path: NodePath;
}

/**
 * Each mapping's pairs by key (the first of a key), built once per mapping and
 * validation: a mapping with 100,000 unknown keys has 100,000 errors, and
 * searching its items for each one was quadratic. Not kept across
 * validations: incremental.ts edits mappings in place.
 */
type KeyIndexes = Map<YAMLMap, Map<string, Pair>>;

function pairByKey(keyIndexes: KeyIndexes, map: YAMLMap, key: string): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const name = keyString(pair.key);
      if (!index.has(name)) index.set(name, pair as Pair);
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

function locate(doc: TdeDocument, instancePath: string, keyIndexes: KeyIndexes): Located {
  let node: Node | null = (doc.yaml.contents as Node | null) ?? null;
  let pair: Pair | undefined;
  const path: NodePath = [];
  for (const segment of segments(instancePath)) {
    if (isMap(node)) {
      const found = pairByKey(keyIndexes, node as YAMLMap, segment);
      if (!found) break;
      pair = found as Pair;
      node = (found.value as Node | null) ?? null;
      path.push(segment);
    } else if (isSeq(node)) {
      const index = Number(segment);
      node = (node.items[index] as Node | null) ?? null;
      pair = undefined;
      path.push(index);
    } else {
      break;
    }
  }
  return { node, pair, path };
}

/** The word a message uses for the node at a path: its key, or 'Item 2 of "list"'. */
function subject(path: NodePath, { say }: Words): string {
  const last = path[path.length - 1];
  if (last === undefined) return say('schema.subject.file');
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return parent === undefined ? say('schema.subject.item', { number: last + 1 }) : say('check.where.item', { number: last + 1, list: quoted(String(parent)) });
  }
  return quoted(last);
}

function shown(value: unknown, { say }: Words): string {
  if (value === null || value === undefined) return say('schema.value.nothing');
  if (typeof value === 'string') return quoted(clip(value, 60));
  if (Array.isArray(value)) return say('schema.value.list');
  if (typeof value === 'object') return say('schema.value.mapping');
  return quoted(String(value));
}

function typeOfValue(value: unknown, w: Words): string {
  if (value === null || value === undefined || typeof value === 'object' || typeof value === 'boolean') return shown(value, w);
  if (typeof value === 'string') return w.say('schema.value.text', { value: shown(value, w) });
  if (typeof value === 'number') return w.say('schema.value.number', { value: String(value) });
  return typeof value;
}

/** Where a problem about a mapping as a whole goes: its key, or its first key. */
function headOf(doc: TdeDocument, located: Located): Node | undefined {
  if (located.pair?.key) return located.pair.key as Node;
  if (isMap(located.node)) {
    const first = (located.node as YAMLMap).items[0]?.key as Node | undefined;
    if (first) return first;
  }
  return (located.node ?? (doc.yaml.contents as Node | null)) ?? undefined;
}

/** A value node, or its key when the value is empty (so the range is visible). */
function valueNode(located: Located): Node | undefined {
  const node = located.node;
  if (node && node.range && node.range[1] > node.range[0]) return node;
  return (located.pair?.key as Node | undefined) ?? node ?? undefined;
}

function describe(doc: TdeDocument, error: ErrorObject, keyIndexes: KeyIndexes, w: Words): SchemaFinding | undefined {
  const { say, language } = w;
  const located = locate(doc, error.instancePath, keyIndexes);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const head = headOf(doc, located);
      if (!head) return undefined;
      const owner = subject(located.path, w);
      const add = (text: string) => say('schema.fix.add', { text: quoted(text) });
      let fix: Fix | undefined;
      if (isMap(located.node)) {
        if (missing === 'status') fix = insertKeyFix(doc, located.node as YAMLMap, 'status', 'not-started', add('status: not-started'));
        if (missing === 'tde' && located.path.length === 0) fix = insertKeyFix(doc, located.node as YAMLMap, 'tde', '1', add('tde: 1'));
      }
      return { node: head, path: located.path, message: say('schema.required', { owner, key: quoted(missing), hint: requiredHint(missing, [...located.path, missing], w) }), fix };
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const map = located.node;
      if (!isMap(map)) return undefined;
      const pair = pairByKey(keyIndexes, map as YAMLMap, unknown);
      const keyNode = pair?.key as Node | undefined;
      if (!keyNode) return undefined;
      const allowed = allowedKeys(error.parentSchema);
      // A key decides which checks read its content: another key is a suggestion, never a fix.
      const near = nearestAll(unknown, allowed.filter((k) => !pairByKey(keyIndexes, map as YAMLMap, k)));
      const home = located.path.length === 0 ? homeOf(error.parentSchema, unknown) : undefined;
      const hint = near.length
        ? didYouMean(near, language)
        : home ? ` ${say('schema.unknownKey.belongsUnder', { section: quoted(home) })}`
        : allowed.length ? ` ${say('schema.unknownKey.allowed', { keys: allowed.join(', ') })}` : '';
      const suggestions = isScalar(keyNode) ? near.flatMap((key) => replaceScalarFix(keyNode, key, say('schema.fix.renameTo', { key: quoted(key) })) ?? []) : [];
      // Moved where the message says it belongs, when that section has no such key yet.
      const section = home && !near.length ? pairByKey(keyIndexes, map as YAMLMap, home)?.value : undefined;
      const fix = section && isMap(section) && !pairByKey(keyIndexes, section as YAMLMap, unknown)
        ? moveKeyFix(doc, pair!, section as YAMLMap, say('schema.fix.moveUnder', { key: quoted(unknown), section: quoted(home!) }))
        : undefined;
      return {
        node: keyNode,
        path: [...located.path, unknown],
        message: located.path.length
          ? say('schema.unknownKey.nested', { key: quoted(unknown), where: lowerFirst(subject(located.path, w)), hint })
          : say('schema.unknownKey.topLevel', { key: quoted(unknown), hint }),
        fix,
        suggestions: suggestions.length ? suggestions : undefined,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).filter((v): v is string => typeof v === 'string');
      const node = valueNode(located);
      if (!node) return undefined;
      const got = error.data;
      // Every value of a list says something (`informal` is not `formal`): only ever suggested.
      const near = typeof got === 'string' ? enumSuggestions(got, allowed) : [];
      const mustBe = say('schema.mustBe', { subject: subject(located.path, w), expected: listQuoted(allowed, 'or', language), got: shown(got, w) });
      return { node, path: located.path, message: `${mustBe}${didYouMean(near, language)}`, suggestions: suggestValues(node, near, language) };
    }
    case 'const': {
      const node = valueNode(located);
      if (!node) return undefined;
      const expected = params.allowedValue;
      const extra = located.path.join('.') === 'tde' ? ` ${say('schema.formatVersion')}` : '';
      return { node, path: located.path, message: say('schema.mustBe', { subject: subject(located.path, w), expected: `${shown(expected, w)}${extra}`, got: typeOfValue(error.data, w) }) };
    }
    case 'type': {
      const node = valueNode(located);
      if (!node) return undefined;
      const expected = expectedAt(located.path, String(params.type).split(','), w);
      return { node, path: located.path, message: say('schema.mustBe', { subject: subject(located.path, w), expected, got: typeOfValue(error.data, w) }) };
    }
    case 'pattern': {
      const node = valueNode(located);
      if (!node) return undefined;
      const pattern = String(params.pattern);
      const got = typeof error.data === 'string' ? error.data : '';
      const meaning = PATTERN_MEANINGS.find(([test]) => test.test(pattern))?.[1](got, w) ?? say('schema.pattern.other', { pattern });
      const dates = DATE_PATTERN.test(pattern) ? readDate(got) : [];
      // One reading is the date itself, written another way; two (3/4/2024) are for the user to choose.
      const fix = dates.length === 1 ? replaceScalarFix(node, dates[0]!.iso, say('schema.fix.writeDate', { date: quoted(dates[0]!.iso) })) : undefined;
      const readings = dates.map((d) => `${quoted(d.iso)} (${dateInWords(d, language)})`);
      const suggestions = dates.length > 1 ? dates.flatMap((d, i) => replaceScalarFix(node, d.iso, say('check.changeTo', { value: readings[i]! })) ?? []) : [];
      const hint = dates.length > 1 ? ` ${say('check.didYouMean', { options: listWords(readings, 'or', language) })}` : dates.length === 1 ? didYouMean([dates[0]!.iso], language) : '';
      const mustBe = say('schema.mustBe', { subject: subject(located.path, w), expected: meaning, got: shown(error.data, w) });
      return { node, path: located.path, message: `${mustBe}${hint}`, fix, suggestions: suggestions.length ? suggestions : undefined };
    }
    case 'minimum':
    case 'exclusiveMinimum': {
      const node = valueNode(located);
      if (!node) return undefined;
      return { node, path: located.path, message: say('schema.atLeast', { subject: subject(located.path, w), limit: String(params.limit), got: shown(error.data, w) }) };
    }
    case 'minItems':
    case 'minLength': {
      const node = valueNode(located);
      if (!node) return undefined;
      return { node, path: located.path, message: say('schema.notEmpty', { subject: subject(located.path, w) }) };
    }
    default: {
      const node = valueNode(located);
      if (!node) return undefined;
      // ajv's own words (in English) for a check our schemas do not use today.
      return { node, path: located.path, message: say('schema.other', { subject: subject(located.path, w), detail: error.message ?? say('schema.notValid') }) };
    }
  }
}

/** Words people use for a value of a list, by the value they mean (offered only where that value is allowed). */
const ENUM_SYNONYMS: Record<string, string[]> = {
  done: ['complete', 'completed', 'finished', 'finish'],
  strong: ['high'],
  moderate: ['medium'],
  weak: ['low'],
  light: ['informal'],
};

/** The allowed values a written one may have meant: its synonym, else the nearest (never its opposite). */
function enumSuggestions(got: string, allowed: readonly string[]): string[] {
  const word = got.trim().toLowerCase();
  const synonyms = allowed.filter((value) => ENUM_SYNONYMS[value]?.includes(word));
  if (synonyms.length) return synonyms;
  return nearestAll(got, allowed).filter((value) => !isNegation(got, value));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function requiredHint(key: string, path: NodePath, { say, language }: Words): string {
  switch (key) {
    case 'skip_reason':
      return say('schema.requiredHint.skipReason');
    case 'tde':
      return say('schema.requiredHint.tde');
    default: {
      const schema = schemaAt(path);
      const values = listedValues(schema);
      if (values.length) return ` (${listQuoted(values, 'or', language)})`;
      const shape = mappingShapes(schema)[0];
      return shape ? ` (${quoted(`${key}: ${shape}`)})` : '';
    }
  }
}

/** A date in words, to tell two readings apart: as readDate writes it in English ("4 March 2024"), else as the language does. */
function dateInWords(date: { iso: string; words: string }, language: Language): string {
  if (language === 'en') return date.words;
  return new Date(`${date.iso}T00:00:00Z`).toLocaleDateString(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** For an unknown top-level key: the top-level section that has such a key (e.g. `team` → project). */
function homeOf(rootSchema: unknown, key: string): string | undefined {
  const properties = (rootSchema as { properties?: Record<string, unknown> })?.properties ?? {};
  const defs = (rootSchema as { $defs?: Record<string, unknown> })?.$defs ?? {};
  for (const [section, schema] of Object.entries(properties)) {
    let target = schema as { $ref?: string; properties?: Record<string, unknown> };
    if (target.$ref?.startsWith('#/$defs/')) target = defs[target.$ref.slice(8)] as typeof target;
    if (target?.properties && Object.hasOwn(target.properties, key)) return section;
  }
  return undefined;
}

function allowedKeys(schema: unknown): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const properties = (schema as { properties?: Record<string, unknown> }).properties;
  return properties ? Object.keys(properties) : [];
}
