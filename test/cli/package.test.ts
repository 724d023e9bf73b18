// The npm package as a user meets it: `npm run pack:npm` makes the tarball,
// which installs offline with no scripts into an empty project, where
// `require('@tde-tools/tde')` gives the API, TypeScript finds its types, and
// the `tde` binary runs.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/build';
import { removeTempTrees, tempTree } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('the npm package @tde-tools/tde', function () {
  this.timeout(240000);
  let consumer: string;
  let packed: Record<string, unknown>;

  before(() => {
    const out = tempTree();
    const tarball = execFileSync(process.execPath, ['scripts/pack-npm.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    assert.equal(path.basename(tarball), `tde-tools-tde-${manifest.version}.tgz`);
    consumer = tempTree({ 'package.json': '{ "name": "consumer", "private": true }\n' });
    execFileSync('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball], { cwd: consumer, stdio: 'pipe' });
    packed = JSON.parse(fs.readFileSync(path.join(consumer, 'node_modules/@tde-tools/tde/package.json'), 'utf8'));
  });
  after(removeTempTrees);

  it('has a manifest of its own: scoped name, no scripts, no dependencies', () => {
    assert.equal(packed.name, '@tde-tools/tde');
    assert.equal(packed.version, manifest.version);
    for (const field of ['scripts', 'dependencies', 'devDependencies', 'main', 'contributes']) assert.equal(packed[field], undefined, field);
    assert.deepEqual(packed.bin, manifest.bin);
  });

  it('gives check, checkFiles, the rules and the formats to require()', () => {
    const project = tempTree({ 'trees.tde.yaml': 'tde: 1\nproject: { title: Trees, place: Riverton }\nfind: { status: in-progress, tactics: [walk-the-blocks] }\n' });
    const script = `
      const tde = require('@tde-tools/tde');
      const one = tde.check(require('fs').readFileSync(process.argv[1] + '/trees.tde.yaml', 'utf8'), { fileName: 'trees.tde.yaml' });
      const all = tde.checkFiles([], { cwd: process.argv[1] });
      process.stdout.write(JSON.stringify({
        one: one.problems.map((p) => [p.rule, p.line, p.column]),
        files: all.files.map((f) => f.path), errors: all.summary.errors,
        compact: tde.formatReport(all, 'compact'),
        rules: tde.rules.map((r) => r.id), formats: tde.FORMAT_NAMES, version: tde.version,
      }));`;
    const result = spawnSync(process.execPath, ['-e', script, project], { cwd: consumer, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const seen = JSON.parse(result.stdout);
    assert.deepEqual(seen.one, [['missing-collaborators', 3, 1], ['unknown-tactic', 3, 40]]);
    assert.deepEqual(seen.files, ['trees.tde.yaml']);
    assert.equal(seen.errors, 1);
    assert.match(seen.compact, /^trees\.tde\.yaml:3:40: error: Unknown tactic "walk-the-blocks"/m);
    assert.ok(seen.rules.includes('unknown-tactic') && seen.rules.includes('missing-previous'));
    assert.deepEqual(seen.formats, ['stylish', 'compact', 'json', 'sarif', 'github', 'markdown']);
    assert.equal(seen.version, manifest.version);
  });

  it('has type declarations that stand on their own', () => {
    fs.writeFileSync(path.join(consumer, 'use.ts'), [
      "import { check, checkFiles, formatReport, rules, type FileReport } from '@tde-tools/tde';",
      "const report: FileReport = check('tde: 1\\n', { fileName: 'a.tde.yaml', rules: { schema: 'warning' } });",
      "const line: number = report.problems[0]!.line;",
      "const text: string = formatReport(checkFiles(['.'], { allowUnmatched: true }), 'sarif');",
      "const ids: string[] = rules.map((rule) => rule.id);",
      "// @ts-expect-error: not a format",
      "formatReport(checkFiles(), 'xml');",
      'export { line, text, ids };',
    ].join('\n'));
    fs.writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', lib: ['es2022'], skipLibCheck: false, types: [], typeRoots: [] },
      files: ['use.ts'],
    }));
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: consumer, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('runs the tde binary it installs', () => {
    const project = tempTree({ 'trees.tde.yaml': 'tde: 1\nproject: { title: Trees, place: Riverton }\nfind: { status: in-progress, tactics: [walk-the-blocks] }\n' });
    const result = spawnSync(path.join(consumer, 'node_modules/.bin/tde'), ['check', '--no-color', '--format', 'compact'], { cwd: project, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^trees\.tde\.yaml:3:40: error: Unknown tactic/m);
    const version = spawnSync(path.join(consumer, 'node_modules/.bin/tde'), ['--version'], { encoding: 'utf8' });
    assert.equal(version.stdout, `${manifest.version}\n`);
  });

  it('leaves the extension manifest for VS Code: main and browser, with the name vsce accepts', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.browser, './dist/web/client.js');
    assert.match(manifest.name, /^[a-z0-9][a-z0-9-]*$/);
    assert.equal(manifest.private, true, 'the root manifest is never published under its unscoped name');
    assert.equal(manifest.scripts.prepare, undefined, 'no install scripts');
    for (const file of [manifest.main, manifest.browser]) assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is built`);
  });
});
