// What the .vsix carries (`vsce ls`, read from .vscodeignore): the bundles,
// the manifest with its translations, the extension's message bundles and
// the walkthrough; no tests, fixtures, sources, source maps or the shared
// catalogues (those are inside the bundles already).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');

describe('the .vsix file list (vsce ls)', function () {
  this.timeout(120_000);

  it('carries the translations and nothing of the tests or sources', async () => {
    const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
    const { stdout } = await promisify(execFile)(vsce, ['ls', '--no-dependencies'], { cwd: ROOT });
    const files = stdout.split('\n').map((line) => line.trim()).filter(Boolean);
    for (const file of ['package.json', 'package.nls.json', 'package.nls.es.json', 'l10n/bundle.l10n.es.json', 'dist/client.js', 'dist/web/client.js', 'media/preview.js']) {
      assert.ok(files.includes(file), `${file} is missing from: ${files.join(', ')}`);
    }
    const unwanted = files.filter((file) => /^(test|client|server|scripts|bench|examples)\/|\.map$|\.ts$|^l10n\/(?!bundle\.l10n\.)/.test(file));
    assert.deepEqual(unwanted, []);
  });
});
