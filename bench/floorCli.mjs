// The floor as a command: `floor-cli FILE…` prints one compact line per
// problem, like `tde check --format compact`. bench/run.mjs bundles it, so
// it starts as our bundled CLI does.
import { readFileSync } from 'node:fs';
import { floorCheck } from './floor.mjs';

let count = 0;
const out = [];
for (const file of process.argv.slice(2)) {
  for (const p of floorCheck(readFileSync(file, 'utf8'))) {
    out.push(`${file}:${p.line}:${p.col}: error: ${p.message}`);
    count++;
  }
}
process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
if (process.env.BENCH_PEAK_RSS) process.stderr.write(`VmHWM ${/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]}\n`);
process.exitCode = count ? 1 : 0;
