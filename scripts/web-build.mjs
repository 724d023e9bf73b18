// What the web bundles (dist/web/*.js: vscode.dev, github.dev) need from
// esbuild.mjs besides `platform: 'browser'`:
//
// - browserVariants: a relative import of `x` from our sources resolves to
//   a sibling `x.browser.ts` when there is one (server/src/lsp/workspaceFiles.ts →
//   workspaceFiles.browser.ts, server/src/engine/paths.ts → paths.browser.ts, …). The
//   Node bundles never see these files.
// - webBundleCheck: fails the build when a web bundle would use Node. esbuild
//   already refuses to resolve Node built-ins for the browser; this also
//   refuses the Node builds of the LSP libraries, externals other than the
//   allowed ones, and Node globals (`process.…`, `Buffer`, `require(…)`,
//   `__dirname`, …) in our own sources, which esbuild would let through.
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const SOURCES = /^(server|client)[\\/]src[\\/].*\.ts$/;
const NODE_BUILDS = /node_modules[\\/](vscode-languageclient|vscode-languageserver|vscode-languageserver-protocol|vscode-jsonrpc)[\\/]lib[\\/]node[\\/]/;
const NODE_GLOBALS = /(?<![\w$.])(process\.[A-Za-z_]|Buffer\s*[.(]|__dirname|__filename|require\s*\(|setImmediate\s*\(|global\.[A-Za-z_])/g;

export const browserVariants = {
  name: 'browser-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!SOURCES.test(path.relative(process.cwd(), args.importer))) return undefined;
      const target = path.resolve(args.resolveDir, args.path).replace(/\.ts$/, '');
      const variant = `${target}.browser.ts`;
      return existsSync(variant) && variant !== args.importer ? { path: variant } : undefined;
    });
  },
};

/** Where a source file uses a Node global (comments and types stripped first). */
export function nodeGlobalsIn(source) {
  const { code } = esbuild.transformSync(source, { loader: 'ts', legalComments: 'none' });
  return [...code.matchAll(NODE_GLOBALS)].map((m) => m[0]);
}

/** Why this metafile's bundle is not browser-only (an empty list when it is). */
export function webBundleProblems(metafile, { allowedExternals = [], cwd = process.cwd() } = {}) {
  const problems = [];
  const isNode = (name) => name.startsWith('node:') || isBuiltin(name);
  // What the bundle still imports when it runs: only the allowed externals.
  for (const [output, info] of Object.entries(metafile.outputs)) {
    for (const imported of info.imports) {
      if (isNode(imported.path)) problems.push(`${output} imports the Node module "${imported.path}"`);
      else if (!allowedExternals.includes(imported.path)) problems.push(`${output} leaves "${imported.path}" to be loaded at run time`);
    }
  }
  for (const [input, info] of Object.entries(metafile.inputs)) {
    // (An `external` import here may be one esbuild dropped as type-only: the outputs tell what is left.)
    for (const imported of info.imports) {
      if (!imported.external && isNode(imported.path)) problems.push(`${input} bundles the Node module "${imported.path}"`);
    }
    if (NODE_BUILDS.test(input)) problems.push(`${input} is the Node build of its library`);
    if (SOURCES.test(input)) {
      const found = nodeGlobalsIn(readFileSync(path.resolve(cwd, input), 'utf8'));
      if (found.length) problems.push(`${input} uses Node globals: ${[...new Set(found)].join(', ')}`);
    }
  }
  return problems;
}

/** An esbuild plugin (needs `metafile: true`) that turns webBundleProblems into build errors. */
export function webBundleCheck({ allowedExternals = [] } = {}) {
  return {
    name: 'web-bundle-check',
    setup(build) {
      build.onEnd((result) => {
        if (!result.metafile) return { errors: [{ text: 'web-bundle-check needs `metafile: true`.' }] };
        const problems = webBundleProblems(result.metafile, { allowedExternals, cwd: build.initialOptions.absWorkingDir ?? process.cwd() });
        return { errors: problems.map((text) => ({ text: `Not browser-only: ${text}` })) };
      });
    },
  };
}
