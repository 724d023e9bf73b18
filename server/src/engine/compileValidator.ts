// Compiles the JSON Schema with ajv. The bundles (esbuild.mjs) replace this
// module with the code precompiled by scripts/build-validator.mjs, so the
// shipped CLI and server neither compile the schema nor carry ajv's compiler.
// Keep these options in step with scripts/build-validator.mjs.
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import tdeSchema from '../../../schemas/tde.schema.json';

const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  validateSchema: false,
  verbose: true,
} as const;

export function loadValidator(): ValidateFunction {
  const ajv = new Ajv2020(AJV_OPTIONS);
  ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
  return ajv.compile(tdeSchema as object);
}
