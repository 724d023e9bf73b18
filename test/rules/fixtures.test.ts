// One runner over test/fixtures: every invalid fixture states the problems it
// must produce in `# expect LINE:COL SEVERITY RULE` comments; every valid
// fixture (and every clean example) must produce none at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, loadConfigFor, ruleIds } from '../../server/src/engine';
import { nodeHost } from '../helpers/host';
import { tdeFiles } from '../helpers/tdeFiles';

const root = path.resolve(__dirname, '..', 'fixtures');


function actual(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const config = loadConfigFor(file, nodeHost);
  const result = check(text, { fileName: file, host: nodeHost, severities: config.rules });
  return result.problems.map((p) => {
    const at = result.document.lines.positionAt(p.offset);
    return `${at.line + 1}:${at.character + 1} ${p.severity} ${p.rule}`;
  });
}

const EXPECT = /^#\s*expect\s+(\d+:\d+\s+(?:error|warning|info)\s+[a-z-]+)\s*$/;

function expected(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/)
    .map((line) => EXPECT.exec(line.trim())?.[1]?.replace(/\s+/g, ' '))
    .filter((e): e is string => e !== undefined);
}

const sortPositions = (list: string[]) =>
  [...list].sort((a, b) => {
    const [la, ca] = a.split(' ')[0]!.split(':').map(Number);
    const [lb, cb] = b.split(' ')[0]!.split(':').map(Number);
    return la! - lb! || ca! - cb! || a.localeCompare(b);
  });

describe('rule fixtures', () => {
  const invalid = tdeFiles(path.join(root, 'invalid'));
  const valid = tdeFiles(path.join(root, 'valid'));

  it('has fixtures to run', () => {
    assert.ok(invalid.length >= 21, `only ${invalid.length} invalid fixtures`);
    assert.ok(valid.length >= 6, `only ${valid.length} valid fixtures`);
  });

  describe('invalid fixtures produce exactly their expected problems', () => {
    for (const file of invalid) {
      it(path.relative(root, file), () => {
        const want = expected(file);
        assert.ok(want.length > 0, 'an invalid fixture must state at least one `# expect` line');
        assert.deepEqual(sortPositions(actual(file)), sortPositions(want));
      });
    }
  });

  describe('valid fixtures produce nothing', () => {
    for (const file of valid) {
      it(path.relative(root, file), () => {
        assert.deepEqual(actual(file), []);
      });
    }
  });

  it('every rule is exercised by at least one invalid fixture', () => {
    const covered = new Set(invalid.flatMap((file) => expected(file).map((e) => e.split(' ')[2])));
    const missing = ruleIds.filter((id) => !covered.has(id));
    assert.deepEqual(missing, [], `rules without an invalid fixture: ${missing.join(', ')}`);
  });
});
