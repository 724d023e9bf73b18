// Precompiles the JSON Schema into standalone validation code at build time,
// so the CLI and the server start without compiling it (about 125 ms saved).
// The options must match server/src/engine/compileValidator.ts (a test compares their errors).
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = resolve(root, 'dist/generated/tde-validator.js');

export function buildValidator() {
  const schema = JSON.parse(readFileSync(resolve(root, 'schemas/tde.schema.json'), 'utf8'));
  const ajv = new Ajv2020.default({
    allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true,
    validateSchema: false, verbose: true, code: { source: true, esm: false },
  });
  ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
  const validate = ajv.compile(schema);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, standaloneCode.default(ajv, validate));
  return OUTPUT;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildValidator();
