// A FileHost over the real file system, as the CLI and server use.
import * as fs from 'node:fs';
import type { FileHost } from '../../server/src/engine';

export const nodeHost: FileHost = {
  fileExists(path) {
    try {
      return fs.statSync(path).isFile();
    } catch {
      return false;
    }
  },
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};
