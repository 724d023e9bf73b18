// Lets mocha load the TypeScript sources directly: esbuild strips the types
// (no type checking here; `npm run typecheck` does that) and emits CommonJS.
const fs = require('node:fs');
const { transformSync } = require('esbuild');

require.extensions['.ts'] = function loadTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
