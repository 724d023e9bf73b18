#!/usr/bin/env node
// Builds the published JSON Schemas of the .tde.yaml format from schemas/src/.
//
// The sources split the format into one file per part and leave the method's
// vocabulary (enum values, tactic and criterion ids, pitch placeholders) to
// schemas/src/vocabulary.json, marked by an "x-vocabulary" placeholder. This
// script fills the placeholders in and bundles each published schema into one
// self-contained file (only "#/$defs/..." refs), so that a yaml-language-server
// modeline pointing at schemas/tde.schema.json works offline.
//
//   node scripts/build-schemas.mjs           write schemas/*.schema.json
//   node scripts/build-schemas.mjs --check   exit 1 if a written file is stale

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = path.join(ROOT, 'schemas', 'src');
const OUTPUT_DIR = path.join(ROOT, 'schemas');

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const ID_BASE = 'https://tde-tools.github.io/tde/schemas/v1/';

const SOURCE_NAMES = ['common', 'project', 'find', 'refine', 'design', 'implement', 'tde'];
/** Published schemas: the whole file, then each step's object on its own. */
export const OUTPUT_NAMES = ['tde', 'find', 'refine', 'design', 'implement'];

const STEP_IDS = ['find', 'refine', 'design', 'implement'];
const ENUM_NAMES = ['status', 'role', 'support', 'via', 'incorporated', 'formality', 'state'];
const PITCH_KEYS = ['focus_area', 'impact', 'refining_tactic', 'data_requesters', 'data_supply', 'next_steps'];

function fail(message) {
  throw new Error(`build-schemas: ${message}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${path.relative(ROOT, file)}: ${error.message}`);
  }
}

// --- vocabulary ---------------------------------------------------------------

/** Catches the slips that would otherwise surface as odd schemas. */
function checkVocabulary(vocabulary) {
  const stepIds = (vocabulary.steps ?? []).map((step) => step.id);
  if (stepIds.join() !== STEP_IDS.join()) fail(`vocabulary steps must be ${STEP_IDS.join(', ')} in order`);
  for (const step of vocabulary.steps) {
    for (const key of ['title', 'summary', 'keyResult']) {
      if (typeof step[key] !== 'string' || !step[key]) fail(`step ${step.id} lacks ${key}`);
    }
  }
  const tacticIds = new Set();
  const criterionIds = new Set();
  for (const tactic of vocabulary.tactics ?? []) {
    if (tacticIds.has(tactic.id)) fail(`tactic ${tactic.id} is listed twice`);
    tacticIds.add(tactic.id);
    if (!STEP_IDS.includes(tactic.step)) fail(`tactic ${tactic.id} has unknown step ${tactic.step}`);
    for (const key of ['name', 'summary', 'description', 'worksWellWhen']) {
      if (typeof tactic[key] !== 'string' || !tactic[key]) fail(`tactic ${tactic.id} lacks ${key}`);
    }
    if ((tactic.step === 'find') !== Array.isArray(tactic.criteria)) {
      fail(`tactic ${tactic.id}: criteria belong to Find tactics, and every Find tactic has them`);
    }
    for (const criterion of tactic.criteria ?? []) {
      if (criterionIds.has(criterion.id)) fail(`criterion ${criterion.id} is listed twice`);
      criterionIds.add(criterion.id);
      if (typeof criterion.description !== 'string' || !criterion.description) {
        fail(`criterion ${criterion.id} lacks a description`);
      }
    }
  }
  for (const name of ENUM_NAMES) {
    const values = vocabulary.enums?.[name];
    if (!Array.isArray(values) || values.length === 0) fail(`vocabulary lacks enum ${name}`);
    for (const entry of values) {
      if (typeof entry.value !== 'string' || typeof entry.description !== 'string' || !entry.description) {
        fail(`enum ${name} has an entry without value or description`);
      }
    }
  }
  const blankKeys = (vocabulary.pitchBlanks ?? []).map((blank) => blank.key);
  if (blankKeys.join() !== PITCH_KEYS.join()) fail(`pitchBlanks must be ${PITCH_KEYS.join(', ')} in order`);
}

/** The keywords an "x-vocabulary" placeholder stands for. */
function vocabularyKeywords(placeholder, vocabulary) {
  const [kind, argument] = String(placeholder).split(':');
  switch (kind) {
    case 'enum': {
      const values = vocabulary.enums[argument];
      if (!values) fail(`unknown enum in x-vocabulary: ${placeholder}`);
      // An alias is another spelling a reader may produce for a value: `true`
      // and `false` are what YAML 1.1 readers (PyYAML) make of `yes` and `no`.
      const aliases = values.flatMap((entry) => (entry.aliases ?? []).map((alias) => ({ alias, of: entry.value })));
      const aliasTypes = [...new Set(aliases.map(({ alias }) => typeof alias))].filter((type) => type !== 'string');
      return {
        type: aliasTypes.length ? ['string', ...aliasTypes] : 'string',
        enum: [...values.map((entry) => entry.value), ...aliases.map(({ alias }) => alias)],
        enumDescriptions: [
          ...values.map((entry) => entry.description),
          ...aliases.map(({ alias, of }) => `The same as \`${of}\`: what a YAML 1.1 reader (PyYAML, for one) makes of \`${of}\`, so \`${alias}\` is read as \`${of}\`.`),
        ],
      };
    }
    case 'tactics': {
      if (!STEP_IDS.includes(argument)) fail(`unknown step in x-vocabulary: ${placeholder}`);
      // Documentation and completion only: the last branch lets any string
      // through, since unknown or misplaced ids are other rules' business.
      const known = vocabulary.tactics
        .filter((tactic) => tactic.step === argument)
        .map((tactic) => ({ const: tactic.id, title: tactic.name, description: tactic.summary }));
      return { type: 'string', anyOf: [...known, { type: 'string' }] };
    }
    case 'criteria': {
      const known = vocabulary.tactics.flatMap((tactic) =>
        (tactic.criteria ?? []).map((criterion) => ({
          const: criterion.id,
          title: tactic.name,
          description: criterion.description,
        })),
      );
      return { type: 'string', anyOf: [...known, { type: 'string' }] };
    }
    case 'pitch-template': {
      const blanks = vocabulary.pitchBlanks.map((blank) => blank.key).join('|');
      return { type: 'string', pattern: `^(?:[^{]|\\{(?:${blanks})\\})*$` };
    }
    default:
      fail(`unknown x-vocabulary placeholder: ${placeholder}`);
  }
}

/** Replaces every placeholder in place of its key, keeping the key order. */
function expandVocabulary(node, vocabulary) {
  if (Array.isArray(node)) return node.map((item) => expandVocabulary(item, vocabulary));
  if (node === null || typeof node !== 'object') return node;
  const expanded = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'x-vocabulary') {
      for (const [injectedKey, injected] of Object.entries(vocabularyKeywords(value, vocabulary))) {
        if (injectedKey in node) fail(`"${injectedKey}" is written beside x-vocabulary ${value}`);
        expanded[injectedKey] = injected;
      }
    } else {
      expanded[key] = expandVocabulary(value, vocabulary);
    }
  }
  return expanded;
}

// --- bundling -----------------------------------------------------------------

const REF = /^(?:([a-z][a-z0-9-]*)\.json)?(?:#\/\$defs\/([A-Za-z0-9_-]+))?$/;

/**
 * Bundles one source file into a self-contained schema: every ref to a shared
 * definition or to another file is hoisted into the root's $defs, under its
 * own name (the sources keep definition names unique across files).
 */
function bundle(entry, sources) {
  const defs = new Map(); // name -> { origin, schema }
  const queue = [];

  function target(ref, file) {
    const match = REF.exec(ref);
    if (!match || (!match[1] && !match[2])) fail(`${file}.json: unsupported $ref "${ref}"`);
    const targetFile = match[1] ?? file;
    const source = sources[targetFile];
    if (!source) fail(`${file}.json: $ref "${ref}" names an unknown file`);
    if (!match[2]) return { file: targetFile, name: targetFile, schema: fileBody(source) };
    const schema = source.$defs?.[match[2]];
    if (!schema) fail(`${file}.json: $ref "${ref}" names a missing definition`);
    return { file: targetFile, name: match[2], schema };
  }

  function hoist(ref, file) {
    const found = target(ref, file);
    const origin = `${found.file}#${found.name}`;
    const known = defs.get(found.name);
    if (known && known.origin !== origin) fail(`definition name "${found.name}" is used by ${known.origin} and ${origin}`);
    if (!known) {
      const slot = { origin, schema: undefined };
      defs.set(found.name, slot);
      queue.push({ slot, schema: found.schema, file: found.file });
    }
    return `#/$defs/${found.name}`;
  }

  function rewrite(node, file) {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, file));
    if (node === null || typeof node !== 'object') return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.$ref = hoist(value, file);
      else if (key === 'properties' && value && typeof value === 'object') {
        out.properties = {};
        for (const [name, property] of Object.entries(value)) {
          out.properties[name] = rewrite(inheritDescription(property, file), file);
        }
      } else out[key] = rewrite(value, file);
    }
    return out;
  }

  // A property that only points at a definition shows that definition's
  // description on hover; copying it makes every property self-describing.
  function inheritDescription(property, file) {
    if (!property || typeof property.$ref !== 'string' || 'description' in property) return property;
    const { schema } = target(property.$ref, file);
    if (typeof schema.description !== 'string') fail(`${file}.json: property $ref "${property.$ref}" has no description to inherit`);
    return { ...property, description: schema.description };
  }

  const body = rewrite(fileBody(sources[entry]), entry);
  while (queue.length > 0) {
    const { slot, schema, file } = queue.shift();
    slot.schema = rewrite(schema, file);
  }

  const { title, description, ...rest } = body;
  if (!title || !description) fail(`${entry}.json needs a title and a description`);
  const schema = { $schema: DIALECT, $id: `${ID_BASE}${entry}.schema.json`, title, description, ...rest };
  if (defs.size > 0) {
    schema.$defs = Object.fromEntries(
      [...defs.keys()].sort().map((name) => [name, defs.get(name).schema]),
    );
  }
  return schema;
}

/** A source file's root schema without its file-level keywords. */
function fileBody(source) {
  const { $schema, $id, $defs, ...body } = source;
  return body;
}

// --- entry points -------------------------------------------------------------

/** The generated files, as { 'tde.schema.json': text, ... }. */
export function buildSchemas() {
  const vocabulary = readJson(path.join(SOURCE_DIR, 'vocabulary.json'));
  checkVocabulary(vocabulary);
  const sources = {};
  for (const name of SOURCE_NAMES) {
    sources[name] = expandVocabulary(readJson(path.join(SOURCE_DIR, `${name}.json`)), vocabulary);
  }
  const files = {};
  for (const name of OUTPUT_NAMES) {
    files[`${name}.schema.json`] = `${JSON.stringify(bundle(name, sources), null, 2)}\n`;
  }
  return files;
}

function main(argv) {
  const check = argv.includes('--check');
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`usage: node scripts/build-schemas.mjs [--check]\nunknown argument: ${unknown[0]}\n`);
    return 2;
  }
  const files = buildSchemas();
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(OUTPUT_DIR, name);
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === text) continue;
    if (check) {
      stale += 1;
      process.stderr.write(`${relative} is ${current === undefined ? 'missing' : 'out of date'}\n`);
    } else {
      writeFileSync(file, text);
      process.stdout.write(`wrote ${relative}\n`);
    }
  }
  if (stale > 0) {
    process.stderr.write('run `node scripts/build-schemas.mjs` and commit the result\n');
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  }
}
