// The web extension's client bundle (package.json `browser`,
// dist/web/client.js) loads in a browser: evaluated in a page of headless
// Chromium, where there is no Node, with a stand-in for the `vscode` module
// (the only module it may require), it exports activate and deactivate. What
// it does once activated needs VS Code for the Web itself, which these
// tests do not start; the server it talks to is tested in server.test.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { usePage, WEB_DIST } from './browser';

describe('web build: the client bundle', function () {
  this.timeout(60_000);
  const page = usePage();

  it('is CommonJS that requires only vscode', () => {
    const code = fs.readFileSync(path.join(WEB_DIST, 'client.js'), 'utf8');
    const required = new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
  });

  it('loads in a page with no Node and exports activate and deactivate', async () => {
    const result = await page().evaluate(async () => {
      const source = await (await fetch('client.js')).text();
      const asked: string[] = [];
      // Any property of the stand-in is the stand-in again: enough for the bundle to load, not to run.
      const standIn: object = new Proxy(function () {}, {
        get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : standIn),
        apply: () => standIn,
        construct: () => standIn,
      });
      const require = (name: string) => {
        asked.push(name);
        if (name === 'vscode') return standIn;
        throw new Error(`the web client requires ${name}`);
      };
      const module = { exports: {} as Record<string, unknown> };
      new Function('require', 'module', 'exports', source)(require, module, module.exports);
      return { asked: [...new Set(asked)], exports: Object.keys(module.exports).sort(), types: [typeof module.exports.activate, typeof module.exports.deactivate], node: typeof (globalThis as { process?: unknown }).process };
    });
    assert.equal(result.node, 'undefined', 'the page has no Node');
    assert.deepEqual(result.asked, ['vscode']);
    assert.deepEqual(result.types, ['function', 'function']);
    assert.deepEqual(result.exports, ['activate', 'deactivate']);
  });
});
