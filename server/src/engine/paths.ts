// The path functions the engine and the language server use. On Node they
// are node:path's own, so paths behave as the platform's do (drive letters
// and `\` on Windows). The web build (esbuild.mjs) swaps in
// paths.browser.ts: the same functions for `/`-separated paths.
export { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
