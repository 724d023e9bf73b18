// The house stays tidy: no module imports itself through others, and no
// export is left that nothing uses (scripts/modules.ts reads the imports).
import * as assert from 'node:assert/strict';
import { readModules } from '../../scripts/modules';

describe('our modules', () => {
  const report = readModules();

  it('import one another without cycles', () => {
    assert.deepEqual(report.cycles.map((cycle) => cycle.join(' → ')), []);
  });

  it('export nothing that no other module uses', () => {
    assert.deepEqual(report.unusedExports, [], 'make these local, or delete them when nothing in the file uses them either');
  });
});
