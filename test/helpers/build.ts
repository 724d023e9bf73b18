// The tests that run what users run (the CLI binary, the language server over
// stdio, the web bundles in a browser) run dist/. It is built once per test
// process, as `npm run build` builds it, so running one test file alone tests
// the current sources too.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

let built = false;

/** `node esbuild.mjs`, once per test process; a failed build fails the caller with esbuild's words. */
export function buildOnce(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`node esbuild.mjs failed:\n${result.stderr}${result.stdout}`);
  built = true;
}
