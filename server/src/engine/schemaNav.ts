// Walking the published JSON Schema by a YAML path: which keys fit in a
// mapping, what a value may be, and what the schema says about each (our
// own words, shared with every other editor through the schema).
import tdeSchema from '../../../schemas/tde.schema.json';
import { type Language, vocabularyText } from '../shared/l10n';
import type { NodePath } from './problem';

export interface Schema {
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  enumDescriptions?: string[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  if?: Schema;
  then?: Schema;
  else?: Schema;
  pattern?: string;
  default?: unknown;
  examples?: unknown[];
}

const root = tdeSchema as unknown as Schema & { $defs: Record<string, Schema> };

/**
 * Where a node's words are translated: the catalogue path of its `title` and
 * `description`, `schema.<part>.<pointer>`, where the part is the definition
 * or file the node was written in (`find-result`, `find`; `tde` for the file's
 * root) and the pointer is the node's place inside it, dot-separated:
 * `schema.find-result.properties.focus_area.description`.
 */
interface Words { title?: string; description?: string }
const wordsOf = new WeakMap<Schema, Words>();

function noteWords(node: unknown, at: string): void {
  if (Array.isArray(node)) return node.forEach((item, i) => noteWords(item, `${at}.${i}`));
  if (!node || typeof node !== 'object') return;
  wordsOf.set(node as Schema, { title: `${at}.title`, description: `${at}.description` });
  for (const [key, value] of Object.entries(node)) {
    if (at === 'schema.tde' && key === '$defs') {
      for (const [name, definition] of Object.entries(value as Record<string, unknown>)) noteWords(definition, `schema.${name}`);
    } else if (value && typeof value === 'object') noteWords(value, `${at}.${key}`);
  }
}
noteWords(root, 'schema.tde');

/** Follows `$ref`s; what is written beside a `$ref` (its description) wins. */
function deref(schema: Schema | undefined, depth = 0): Schema | undefined {
  if (!schema || depth > 20) return schema;
  if (!schema.$ref) return schema;
  const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
  const target = name ? root.$defs[decodeURIComponent(name)] : undefined;
  const { $ref: _ref, ...rest } = schema;
  const followed = deref(target, depth + 1);
  const merged = { ...followed, ...rest };
  // A description copied from the definition (the build does that) is translated where it was written.
  const own = wordsOf.get(schema);
  const theirs = followed ? wordsOf.get(followed) : undefined;
  const ownDescription = rest.description !== undefined && rest.description !== followed?.description;
  wordsOf.set(merged, {
    title: rest.title !== undefined ? own?.title : theirs?.title,
    description: ownDescription ? own?.description : theirs?.description,
  });
  return merged;
}

/** The schema and every subschema it may turn into (`then`/`else`, `anyOf`, `allOf`, …). */
export function branches(schema: Schema | undefined, depth = 0): Schema[] {
  const s = deref(schema);
  if (!s || depth > 10) return [];
  const out: Schema[] = [s];
  for (const next of [s.then, s.else, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) {
    if (next) out.push(...branches(next, depth + 1));
  }
  return out;
}

function typesOfBranch(s: Schema): string[] {
  if (s.type) return Array.isArray(s.type) ? s.type : [s.type];
  if (s.properties) return ['object'];
  if (s.items) return ['array'];
  return [];
}

export function types(schema: Schema | undefined): Set<string> {
  const out = new Set<string>();
  for (const b of branches(schema)) for (const t of typesOfBranch(b)) out.add(t);
  return out;
}

/**
 * The closed object shapes (`additionalProperties: false`) a value may take
 * that can hold all of the `present` keys — all of them when none can. Open
 * branches (a `then` that only adds `required`) are not shapes of their own.
 */
function objectBranches(schema: Schema | undefined, present: readonly string[]): Schema[] {
  const objects = branches(schema).filter((b) => b.properties);
  const closed = objects.filter((b) => b.additionalProperties === false);
  if (!closed.length) return objects;
  const fitting = closed.filter((b) => present.every((k) => k in b.properties! || k.startsWith('x-')));
  return fitting.length ? fitting : closed;
}

export function propertySchema(schema: Schema | undefined, key: string, present: readonly string[] = []): Schema | undefined {
  for (const b of objectBranches(schema, present)) {
    if (b.properties && key in b.properties) return b.properties[key];
  }
  for (const b of branches(schema)) {
    if (b.properties && key in b.properties) return b.properties[key];
  }
  if (key.startsWith('x-')) return {};
  return undefined;
}

export function itemSchema(schema: Schema | undefined): Schema | undefined {
  for (const b of branches(schema)) if (b.items) return b.items;
  return undefined;
}

/** The schema at a path; `present` gives the keys next to each mapping step, to pick the right branch. */
export function schemaAt(path: NodePath, present: (depth: number) => readonly string[] = () => []): Schema | undefined {
  let current: Schema | undefined = root;
  for (let i = 0; i < path.length && current; i++) {
    const segment = path[i]!;
    current = typeof segment === 'number' ? itemSchema(current) : propertySchema(current, segment, present(i));
  }
  return current;
}

export interface KeyInfo {
  key: string;
  schema: Schema;
  required: boolean;
}

/** The keys a mapping may have (schema order), without `x-` extension keys. */
export function keysOf(schema: Schema | undefined, present: readonly string[] = []): KeyInfo[] {
  const seen = new Map<string, KeyInfo>();
  for (const b of objectBranches(schema, present)) {
    for (const [key, sub] of Object.entries(b.properties ?? {})) {
      if (key.startsWith('x-') || seen.has(key)) continue;
      seen.set(key, { key, schema: sub, required: (b.required ?? []).includes(key) });
    }
  }
  // Required keys first (each shape's own), then the others, each in schema order.
  const all = [...seen.values()];
  return [...all.filter((k) => k.required), ...all.filter((k) => !k.required)];
}

interface ValueInfo {
  value: string;
  description?: string;
  title?: string;
}

/** The values a schema lists: `enum` (with `enumDescriptions`), `const`s in `anyOf`, a lone `const`. */
export function enumValues(schema: Schema | undefined): ValueInfo[] {
  const out: ValueInfo[] = [];
  const seen = new Set<string>();
  const add = (value: unknown, description?: string, title?: string) => {
    const text = String(value);
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ value: text, description, title });
  };
  for (const b of branches(schema)) {
    // `true`/`false` beside `yes`/`no` are what YAML 1.1 readers write: accepted, never offered.
    if (b.enum) b.enum.forEach((v, i) => typeof v === 'string' && add(v, b.enumDescriptions?.[i]));
    if (b.const !== undefined) add(b.const, b.description, b.title);
  }
  return out;
}

/** A schema's own text in `language`: English as the schema has it where the catalogue lacks it. */
function translated(s: Schema, field: keyof Words, english: string | undefined, language: Language): string | undefined {
  const path = wordsOf.get(s)?.[field];
  return english !== undefined && path ? vocabularyText(language, path, english) : english;
}

export function description(schema: Schema | undefined, language: Language = 'en'): string | undefined {
  const s = deref(schema);
  if (!s) return undefined;
  return s.markdownDescription ?? translated(s, 'description', s.description, language);
}

export function title(schema: Schema | undefined, language: Language = 'en'): string | undefined {
  const s = deref(schema);
  return s && translated(s, 'title', s.title, language);
}

export function isDate(schema: Schema | undefined): boolean {
  return branches(schema).some((b) => b.pattern?.startsWith('^[0-9]{4}-'));
}

/**
 * How each mapping a schema accepts is written, from the schema itself:
 * `{name: …, description: …}` — its required keys first, then the others in
 * schema order, two keys at most (then `…`). Keys required only in some case
 * (`skip_reason`, when skipped) are not shown as if always needed.
 */
export function mappingShapes(schema: Schema | undefined): string[] {
  const all = branches(schema);
  const sometimes = new Set(all.filter((b) => b.additionalProperties !== false).flatMap((b) => b.required ?? []));
  const closed = all.filter((b) => b.properties && b.additionalProperties === false);
  return closed.map((b) => {
    const required = b.required ?? [];
    const keys = Object.keys(b.properties!).filter((key) => !key.startsWith('x-') && (required.includes(key) || !sometimes.has(key)));
    const ordered = [...keys.filter((key) => required.includes(key)), ...keys.filter((key) => !required.includes(key))];
    const shown = ordered.slice(0, 2).map((key) => `${key}: …`);
    if (ordered.length > 2) shown.push('…');
    return `{${shown.join(', ')}}`;
  });
}

/** The values of a schema's own list (`enum`), as text; not the ids a schema only suggests. */
export function listedValues(schema: Schema | undefined): string[] {
  return branches(schema).flatMap((b) => (b.enum ?? []).filter((v): v is string => typeof v === 'string'));
}
