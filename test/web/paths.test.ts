// The web build's path functions (server/src/engine/paths.browser.ts, swapped
// in for node:path by esbuild.mjs) give what node:path's posix functions give.
import * as assert from 'node:assert/strict';
import * as posix from 'node:path/posix';
import fc from 'fast-check';
import * as browser from '../../server/src/engine/paths.browser';
import { runs, seed } from '../helpers/seed';

const segment = fc.constantFrom('', '.', '..', 'a', 'b', 'x y', '.tderc.yaml', 'one.tde.yaml', '%2F', 'vscode-vfs%3A%2F%2Fgithub');
const anyPath = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 7 }), fc.boolean()).map(([absolute, parts, trailing]) => (absolute ? '/' : '') + parts.join('/') + (trailing ? '/' : ''));

describe('web build: posix paths without node:path', () => {
  it('resolve, join, dirname, basename and relative agree with node:path/posix', () => {
    fc.assert(
      fc.property(anyPath, anyPath, anyPath, (a, b, c) => {
        assert.equal(browser.resolve(a, b, c), posix.resolve('/', a, b, c), `resolve(${a}, ${b}, ${c})`);
        assert.equal(browser.resolve(b), posix.resolve('/', b), `resolve(${b})`);
        assert.equal(browser.join(a, b, c), posix.join(a, b, c), `join(${a}, ${b}, ${c})`);
        assert.equal(browser.dirname(a), posix.dirname(a), `dirname(${a})`);
        assert.equal(browser.basename(a), posix.basename(a), `basename(${a})`);
        assert.equal(browser.relative(`/${a}`, `/${b}`), posix.relative(`/${a}`, `/${b}`), `relative(/${a}, /${b})`);
      }),
      { seed, numRuns: runs(2000) },
    );
  });

  it('agree on the cases the engine meets', () => {
    assert.equal(browser.sep, posix.sep);
    for (const [from, to] of [['/r/a', '/r/a/b.tde.yaml'], ['/r/a', '/r/gone.tde.yaml'], ['/', '/x'], ['/r', '/r'], ['/r/a/b', '/r']]) {
      assert.equal(browser.relative(from!, to!), posix.relative(from!, to!), `${from} → ${to}`);
    }
    assert.equal(browser.dirname('/'), '/');
    assert.equal(browser.dirname('//a'), '//');
    assert.equal(browser.join(), '.');
    assert.equal(browser.resolve(), '/');
  });
});
