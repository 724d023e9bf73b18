// The shipped bundles use the validator precompiled at build time; it must
// report exactly what the engine's own compile of the schema reports.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { parseTde } from '../../server/src/engine';
import { loadValidator } from '../../server/src/engine/compileValidator';
import { toPlainData } from '../../server/src/engine/plainData';

const repo = path.resolve(__dirname, '..', '..');

describe('precompiled schema validator', () => {
  let precompiled: ValidateFunction;
  before(async () => {
    const { buildValidator } = await import('../../scripts/build-validator.mjs' as string);
    const file: string = buildValidator();
    const loaded = require(file);
    precompiled = loaded.default ?? loaded;
  });

  const files = ['examples', 'test/fixtures/invalid/schema'].flatMap((dir) => {
    const full = path.join(repo, dir);
    return fs.existsSync(full) ? fs.readdirSync(full).filter((f) => /\.tde\.ya?ml$/.test(f)).map((f) => path.join(full, f)) : [];
  });

  it('agrees with the runtime-compiled validator on examples and schema fixtures', () => {
    assert.ok(files.length >= 4);
    const runtime = loadValidator();
    for (const file of files) {
      const doc = parseTde(fs.readFileSync(file, 'utf8'));
      const data = toPlainData(doc.yaml.contents as never, { maxValues: 1e6, maxDepth: 100 });
      const strip = (v: ValidateFunction) => (v(data), (v.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message}`));
      assert.deepEqual(strip(precompiled), strip(runtime), path.relative(repo, file));
    }
  });
});
