// The `tde` binary: the real process around run().
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './run';

// A reader that stops early (`tde check | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

run(process.argv.slice(2), {
  cwd: path.resolve(process.cwd()),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  fs,
  fsIsDisk: true,
}).then((code) => {
  process.exitCode = code;
});
