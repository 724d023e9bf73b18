// `tde check` over many files runs on worker threads (server/src/cli/checkFilesInParallel.ts);
// its report must be the one a run file after file gives, byte for byte and
// in the same order, whatever the format, including files that cannot be
// decoded and warnings that fail only with --max-warnings.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeTempTrees, tde, tdeProcess, tempTree } from '../cli/helpers';
import { buildOnce, ROOT } from '../helpers/build';
import { skipBecause } from '../helpers/skip';

describe('tde check on worker threads', function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    buildOnce();
    const { generateProject } = await import('../../bench/corpus.mjs' as string);
    const files: Record<string, string> = {};
    for (let i = 0; i < 90; i++) files[`projects/${i % 3}/p${String(i).padStart(3, '0')}.tde.yaml`] = generateProject(100, i % 7 === 0 ? 1 : 0);
    const examples = path.resolve(__dirname, '../../examples');
    for (const name of fs.readdirSync(examples).filter((f) => f.endsWith('.tde.yaml'))) files[`examples/${name}`] = fs.readFileSync(path.join(examples, name), 'utf8');
    dir = tempTree(files);
    fs.writeFileSync(path.join(dir, 'projects', 'utf16.tde.yaml'), Buffer.from([0xff, 0xfe, 0x74, 0x00]));
  });
  after(removeTempTrees);

  for (const args of [['--format', 'json'], ['--format', 'compact'], ['--format', 'sarif'], ['--quiet'], ['--max-warnings', '0', '--format', 'github']]) {
    it(`reports as one file after another does: ${args.join(' ')}`, async () => {
      // The process finds dist/checkWorker.js beside it; the in-process run from the sources does not.
      const threads = tdeProcess(dir, ['check', '--no-color', ...args, '.']);
      const sequential = await tde(dir, ['check', '--no-color', ...args, '.']);
      assert.equal(threads.stderr, sequential.stderr);
      assert.equal(threads.stdout, sequential.stdout);
      assert.equal(threads.code, sequential.code);
    });
  }

  it('says so when the threads fail, then checks the files one after another', async function () {
    if (os.availableParallelism() < 2) skipBecause(this, 'one core: tde check starts no threads, so none can fail');
    // The bundle, beside a checking thread that dies at once.
    const bin = tempTree({ 'checkWorker.js': "throw new Error('no thread today');\n" });
    fs.copyFileSync(path.join(ROOT, 'dist/cli.js'), path.join(bin, 'cli.js'));
    const broken = spawnSync(process.execPath, [path.join(bin, 'cli.js'), 'check', '--no-color', '--format', 'compact', '.'], { cwd: dir, encoding: 'utf8' });
    const sequential = await tde(dir, ['check', '--no-color', '--format', 'compact', '.']);
    assert.match(broken.stderr, /^tde: checking on several threads failed \(.*no thread today.*\); checking the files one after another\n/);
    assert.equal(broken.stderr.replace(/^tde: checking on several threads failed.*\n/, ''), sequential.stderr);
    assert.equal(broken.stdout, sequential.stdout);
    assert.equal(broken.status, sequential.code);
  });
});
