// `.tderc.yaml`: parsing (YAML 1.2 core, so `off` and `no` are strings),
// problems reported rather than thrown, nearest-ancestor discovery, and how
// the severities it gives apply.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { check, findConfigFile, loadConfigFor, parseConfig, ruleIds, type FileHost } from '../../server/src/engine';
import { nodeHost } from '../helpers/host';

const CONFIG_ROOT = path.resolve(__dirname, '..', 'fixtures', 'config');

/** A file system of a few files, for discovery without touching the disk. */
function memoryHost(files: Record<string, string>): FileHost & { looked: string[] } {
  const looked: string[] = [];
  return {
    looked,
    fileExists(file) {
      looked.push(file);
      return Object.prototype.hasOwnProperty.call(files, path.resolve(file));
    },
    readFile(file) {
      return files[path.resolve(file)];
    },
  };
}

describe('engine: config', () => {
  describe('parseConfig', () => {
    it('reads every setting of every rule', () => {
      for (const setting of ['off', 'info', 'warning', 'error'] as const) {
        const config = parseConfig(`rules:\n${ruleIds.map((id) => `  ${id}: ${setting}`).join('\n')}\n`);
        assert.deepEqual(config.issues, []);
        assert.deepEqual(Object.keys(config.rules), [...ruleIds]);
        assert.ok(Object.values(config.rules).every((s) => s === setting));
      }
    });

    it('reads a plain `off` as the string "off" (YAML 1.2 core), quoted or not', () => {
      const config = parseConfig('rules:\n  no-steward: off\n  narrow-collaborators: "off"\n  pitch-incomplete: \'off\'\n');
      assert.deepEqual(config.issues, []);
      assert.deepEqual(config.rules, { 'no-steward': 'off', 'narrow-collaborators': 'off', 'pitch-incomplete': 'off' });
    });

    it('reads `no`, `yes` and `on` as strings, which are not settings (YAML 1.2, not 1.1)', () => {
      const config = parseConfig('rules:\n  no-steward: no\n  narrow-collaborators: yes\n  pitch-incomplete: on\n');
      assert.deepEqual(config.rules, {}, '"no" must not turn a rule off as YAML 1.1 would');
      assert.equal(config.issues.length, 3);
      assert.match(config.issues[0]!.message, /no-steward/);
      assert.match(config.issues[0]!.message, /"no"/);
      assert.deepEqual(config.issues.map((i) => i.line), [2, 3, 4]);
    });

    it('reports an unknown rule with its line, and keeps the other settings', () => {
      const config = parseConfig('# comment\nrules:\n  unknown-tactics: off\n  no-steward: error\n');
      assert.deepEqual(config.rules, { 'no-steward': 'error' });
      assert.equal(config.issues.length, 1);
      assert.match(config.issues[0]!.message, /unknown-tactics/);
      assert.equal(config.issues[0]!.line, 3);
    });

    it('reports a bad severity (a wrong word, a number, true) with its line', () => {
      const config = parseConfig('rules:\n  no-steward: loud\n  schema: 1\n  step-order: true\n  missing-result: \n  unknown-tactic: [error]\n');
      assert.deepEqual(config.rules, {});
      assert.deepEqual(config.issues.map((i) => i.line), [2, 3, 4, 5, 6]);
      assert.match(config.issues[0]!.message, /no-steward/);
      assert.match(config.issues[0]!.message, /loud/);
    });

    it('reports unknown top-level keys, a non-mapping and a non-mapping `rules`', () => {
      assert.match(parseConfig('rule:\n  no-steward: off\n').issues[0]!.message, /rule/);
      assert.equal(parseConfig('- no-steward\n').issues.length, 1);
      assert.equal(parseConfig('rules: [no-steward]\n').issues.length, 1);
      assert.equal(parseConfig('rules: off\n').issues.length, 1);
    });

    it('reports YAML syntax errors instead of throwing', () => {
      const config = parseConfig('rules:\n  no-steward: "error\n');
      assert.deepEqual(config.rules, {});
      assert.ok(config.issues.length >= 1);
      assert.match(config.issues[0]!.message, /YAML/);
    });

    it('reports a duplicate rule', () => {
      assert.ok(parseConfig('rules:\n  no-steward: off\n  no-steward: error\n').issues.length >= 1);
    });

    it('accepts an empty file and an empty `rules`', () => {
      assert.deepEqual(parseConfig(''), { file: undefined, rules: {}, issues: [] });
      assert.deepEqual(parseConfig('# nothing yet\n'), { file: undefined, rules: {}, issues: [] });
      assert.deepEqual(parseConfig('rules:\n').issues, []);
      assert.deepEqual(parseConfig('rules: {}\n').issues, []);
    });

    it('remembers the file it came from', () => {
      assert.equal(parseConfig('rules: {}\n', '/p/.tderc.yaml').file, '/p/.tderc.yaml');
    });

    it('reads CRLF files with the right lines', () => {
      const config = parseConfig('rules:\r\n  no-steward: off\r\n  nope: off\r\n');
      assert.deepEqual(config.rules, { 'no-steward': 'off' });
      assert.equal(config.issues[0]!.line, 3);
    });

    it('reports every mistake of a broken file on disk', () => {
      const config = loadConfigFor(path.join(CONFIG_ROOT, 'broken', 'x.tde.yaml'), nodeHost);
      assert.equal(config.file, path.join(CONFIG_ROOT, 'broken', '.tderc.yaml'));
      assert.deepEqual(config.rules, { 'narrow-collaborators': 'off' });
      assert.deepEqual(config.issues.map((i) => i.line), [2, 3, 4, 6, 7]);
    });
  });

  describe('findConfigFile', () => {
    it('finds the file in the folder itself', () => {
      const host = memoryHost({ [path.resolve('/repo/projects/.tderc.yaml')]: '' });
      assert.equal(findConfigFile('/repo/projects', host), path.resolve('/repo/projects/.tderc.yaml'));
    });

    it('finds the nearest ancestor, not a farther one', () => {
      const host = memoryHost({
        [path.resolve('/repo/.tderc.yaml')]: '',
        [path.resolve('/repo/projects/.tderc.yaml')]: '',
      });
      assert.equal(findConfigFile('/repo/projects/2024/parks', host), path.resolve('/repo/projects/.tderc.yaml'));
      assert.equal(findConfigFile('/repo/other', host), path.resolve('/repo/.tderc.yaml'));
    });

    it('stops at the root and gives undefined when there is none', () => {
      const host = memoryHost({});
      assert.equal(findConfigFile('/repo/projects/2024', host), undefined);
      assert.ok(host.looked.some((f) => path.dirname(f) === path.parse(path.resolve('/')).root));
    });

    it('never looks below the starting folder', () => {
      const host = memoryHost({ [path.resolve('/repo/projects/2024/.tderc.yaml')]: '' });
      assert.equal(findConfigFile('/repo/projects', host), undefined);
    });

    it('finds the nearest file on disk', () => {
      assert.equal(findConfigFile(path.join(CONFIG_ROOT, 'outer'), nodeHost), path.join(CONFIG_ROOT, 'outer', '.tderc.yaml'));
      assert.equal(findConfigFile(path.join(CONFIG_ROOT, 'outer', 'sibling'), nodeHost), path.join(CONFIG_ROOT, 'outer', '.tderc.yaml'));
      assert.equal(findConfigFile(path.join(CONFIG_ROOT, 'outer', 'inner', 'deeper'), nodeHost), path.join(CONFIG_ROOT, 'outer', 'inner', '.tderc.yml'));
      assert.equal(findConfigFile(path.join(CONFIG_ROOT, 'both'), nodeHost), path.join(CONFIG_ROOT, 'both', '.tderc.yaml'));
    });
  });

  describe('loadConfigFor', () => {
    it('loads the nearest configuration alone, without merging farther ones', () => {
      const deeper = loadConfigFor(path.join(CONFIG_ROOT, 'outer', 'inner', 'deeper', 'a.tde.yaml'), nodeHost);
      assert.deepEqual(deeper.rules, { 'no-steward': 'warning' });
      const sibling = loadConfigFor(path.join(CONFIG_ROOT, 'outer', 'sibling', 'a.tde.yaml'), nodeHost);
      assert.deepEqual(sibling.rules, { 'narrow-collaborators': 'off', 'no-steward': 'error' });
    });

    it('uses an explicit file over discovery', () => {
      const config = loadConfigFor(path.join(CONFIG_ROOT, 'outer', 'a.tde.yaml'), nodeHost, path.join(CONFIG_ROOT, 'both', '.tderc.yml'));
      assert.deepEqual(config.rules, { 'no-steward': 'warning' });
    });

    it('gives no settings when there is no configuration', () => {
      const config = loadConfigFor('/nowhere/a.tde.yaml', memoryHost({}));
      assert.deepEqual(config.rules, {});
      assert.deepEqual(config.issues, []);
    });

    it('reports a file it cannot read', () => {
      const host: FileHost = { fileExists: () => true, readFile: () => undefined };
      const config = loadConfigFor('/p/a.tde.yaml', host);
      assert.equal(config.issues.length, 1);
      assert.deepEqual(config.rules, {});
    });
  });

  describe('severities in check()', () => {
    const text = [
      'tde: 1',
      'project:',
      '  title: Sidewalk repair requests',
      '  place: City of Linden',
      'find:',
      '  status: skipped',
      '  skip_reason: Chosen by the council.',
      'refine:',
      '  status: in-progress',
      'implement:',
      '  status: done',
      '  feedback_channels: [{channel: Form}]',
      '  intervention: {name: Map}',
      '',
    ].join('\n');
    const found = (severities: Record<string, 'off' | 'info' | 'warning' | 'error'> | undefined, rule: string) =>
      check(text, { severities }).problems.filter((p) => p.rule === rule).map((p) => `${p.path.join('.')} ${p.severity}`);

    it('has two defaults for missing-collaborators and skipped-stage', () => {
      assert.deepEqual(found(undefined, 'missing-collaborators'), ['refine warning', 'implement error']);
      assert.deepEqual(found(undefined, 'skipped-stage'), ['refine warning', 'implement error']);
    });

    it('replaces both defaults with one setting', () => {
      for (const setting of ['info', 'warning', 'error'] as const) {
        assert.deepEqual(found({ 'missing-collaborators': setting }, 'missing-collaborators'), [`refine ${setting}`, `implement ${setting}`]);
        assert.deepEqual(found({ 'skipped-stage': setting }, 'skipped-stage'), [`refine ${setting}`, `implement ${setting}`]);
      }
    });

    it('turns a rule off, leaving the others', () => {
      assert.deepEqual(found({ 'missing-collaborators': 'off' }, 'missing-collaborators'), []);
      assert.deepEqual(found({ 'missing-collaborators': 'off' }, 'skipped-stage'), ['refine warning', 'implement error']);
    });
  });
});
