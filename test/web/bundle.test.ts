// The web bundles keep Node out: esbuild.mjs builds dist/web/*.js with
// `platform: 'browser'` and scripts/web-build.mjs's check, which fails the
// build on Node modules, the Node builds of the LSP libraries, unexpected
// externals and Node globals in our sources. Each `.browser.ts` variant
// offers what the module it replaces offers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type * as vscode from 'vscode';
import type * as nodeClient from '../../client/src/languageClient';
import type * as webClient from '../../client/src/languageClient.browser';
import type * as nodeHome from '../../client/src/newProject/home';
import type * as webHome from '../../client/src/newProject/home.browser';
import type { TdeLanguageClient } from '../../client/src/clientOptions';
import * as nodePaths from '../../server/src/engine/paths';
import * as webPaths from '../../server/src/engine/paths.browser';
import * as nodeFiles from '../../server/src/lsp/workspaceFiles';
import * as webFiles from '../../server/src/lsp/workspaceFiles.browser';
import { buildOnce, ROOT } from '../helpers/build';
import { WEB_DIST } from './browser';

// What the swap must preserve, checked by `npm run typecheck`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const filesAlike: Same<typeof nodeFiles, typeof webFiles> = true;
const pathsAlike: Pick<typeof nodePaths, keyof typeof webPaths> = webPaths;
interface ClientModule {
  createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): TdeLanguageClient;
  missingServer(context: vscode.ExtensionContext): string | undefined;
  CLIENT_ID: string;
  documentSelector: unknown;
}
type ClientsAlike = [typeof nodeClient, typeof webClient] extends [ClientModule, ClientModule] ? true : false;
const clientsAlike: ClientsAlike = true;
const homesAlike: Same<typeof nodeHome, typeof webHome> = true;

/** scripts/web-build.mjs, as these tests use it. */
interface WebBuild {
  browserVariants: esbuild.Plugin;
  webBundleCheck(options?: { allowedExternals?: string[] }): esbuild.Plugin;
  webBundleProblems(metafile: esbuild.Metafile, options?: { allowedExternals?: string[]; cwd?: string }): string[];
}
const loadWebBuild = (): Promise<WebBuild> => import(path.join(ROOT, 'scripts', 'web-build.mjs'));

/** Every `.browser.ts` under a folder, relative to the root. */
function variants(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.browser.ts'))
    .map((f) => path.posix.join(folder, f.split(path.sep).join('/')))
    .sort();
}

describe('web build: no Node in the bundles', function () {
  this.timeout(60_000);
  let scratch: string;

  before(() => {
    buildOnce();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-web-bundle-'));
  });

  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  /** Bundle one source (placed at server/src/probe.ts of a scratch folder) as esbuild.mjs bundles the web server. */
  async function bundleProbe(source: string, options: { external?: string[]; allowedExternals?: string[] } = {}): Promise<string[]> {
    const { webBundleCheck } = await loadWebBuild();
    fs.mkdirSync(path.join(scratch, 'server', 'src'), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'server', 'src', 'probe.ts'), source);
    try {
      await esbuild.build({
        absWorkingDir: scratch,
        entryPoints: ['server/src/probe.ts'],
        bundle: true,
        write: false,
        metafile: true,
        platform: 'browser',
        format: 'iife',
        logLevel: 'silent',
        external: options.external ?? [],
        plugins: [webBundleCheck({ allowedExternals: options.allowedExternals ?? [] })],
      });
      return [];
    } catch (error) {
      return (error as esbuild.BuildFailure).errors.map((e) => e.text);
    }
  }

  it('built dist/web/client.js and dist/web/server.js', () => {
    for (const file of ['client.js', 'server.js']) assert.ok(fs.statSync(path.join(WEB_DIST, file)).size > 0, file);
    assert.ok(filesAlike && clientsAlike && homesAlike && pathsAlike);
  });

  it('bundles the web entry points with nothing of Node', async () => {
    const { browserVariants, webBundleProblems } = await loadWebBuild();
    for (const [entry, allowedExternals] of [['server/src/lsp/browserMain.ts', []], ['client/src/extension.ts', ['vscode']]] as const) {
      const result = await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: [entry],
        bundle: true,
        write: false,
        metafile: true,
        platform: 'browser',
        external: [...allowedExternals],
        logLevel: 'silent',
        plugins: [browserVariants],
      });
      assert.deepEqual(webBundleProblems(result.metafile, { allowedExternals: [...allowedExternals] }), [], entry);
      const inputs = Object.keys(result.metafile.inputs);
      assert.ok(inputs.some((f) => f.endsWith('.browser.ts')), `${entry} uses the browser variants`);
      for (const variant of inputs.filter((f) => f.endsWith('.browser.ts'))) {
        assert.ok(!inputs.includes(variant.replace(/\.browser\.ts$/, '.ts')), `${variant} replaces its Node module`);
      }
    }
  });

  it('fails on a Node module', async () => {
    const errors = await bundleProbe("import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    assert.ok(errors.some((e) => e.includes('node:fs')), errors.join('\n'));
  });

  it('fails on Node globals in our sources', async () => {
    const errors = await bundleProbe('// process.env in a comment is fine\nexport const home = process.env.HOME;\nexport const b = Buffer.from("x");\n');
    assert.deepEqual(errors, ['Not browser-only: server/src/probe.ts uses Node globals: process.e, Buffer.']);
  });

  it('fails on a module left to be loaded at run time', async () => {
    const errors = await bundleProbe("import * as vscode from 'vscode';\nexport const v = vscode;\n", { external: ['vscode'] });
    assert.ok(errors.some((e) => e.includes('"vscode"')), errors.join('\n'));
    assert.deepEqual(await bundleProbe("import * as vscode from 'vscode';\nexport const v = vscode;\n", { external: ['vscode'], allowedExternals: ['vscode'] }), []);
  });

  it('has a Node module for every browser variant, with the same exports', () => {
    const all = [...variants('server/src'), ...variants('client/src')];
    for (const known of ['server/src/engine/paths.browser.ts', 'server/src/lsp/workspaceFiles.browser.ts', 'client/src/languageClient.browser.ts', 'client/src/newProject/home.browser.ts']) {
      assert.ok(all.includes(known), known);
    }
    for (const variant of all) {
      assert.ok(fs.existsSync(path.join(ROOT, variant.replace(/\.browser\.ts$/, '.ts'))), variant);
    }
    assert.deepEqual(Object.keys(webFiles).sort(), Object.keys(nodeFiles).sort());
    assert.deepEqual(Object.keys(webPaths).sort(), ['basename', 'dirname', 'isAbsolute', 'join', 'relative', 'resolve', 'sep']);
    for (const name of Object.keys(webPaths)) assert.ok(name in nodePaths, name);
  });
});
