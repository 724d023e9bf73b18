// Which files `tde check` looks at: TDE files below folders (honouring
// .gitignore files the way git does), files named outright, and globs.
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { CliError, describeFsError, errorCode, type CliIO } from './world';
import { printable } from './commandLine';
import { isTdeFileName } from '../shared/tdeFiles';
import { readTreeFile, type TreeFileRead } from './readTdeFile';
import { terminalSafe } from './terminal';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);


/** A path as reports show it: relative to the working folder, with `/`. */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return relative.split(path.sep).join('/');
}

/** One folder's .gitignore rules. */
interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}


/**
 * The files to check, as absolute paths, without duplicates, sorted by the
 * path a report shows. Throws a CliError for an argument that names nothing,
 * unless `allowUnmatched` (a glob matching nothing and a search finding no TDE
 * file are then said on stderr, and the list may be empty; a path that does
 * not exist stays an error, since it is most likely a typo).
 */
export function findFiles(args: readonly string[], io: CliIO, allowUnmatched = false): string[] {
  const unmatched = (message: string) => {
    if (!allowUnmatched) throw new CliError(message);
    io.stderr(`tde: ${message}\n`);
  };
  const found = new Set<string>();
  const targets = args.length ? args : ['.'];
  for (const arg of targets) {
    const absolute = path.resolve(io.cwd, arg);
    let kind: 'file' | 'folder' | undefined;
    try {
      const stat = io.fs.statSync(absolute);
      kind = stat.isDirectory() ? 'folder' : 'file';
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new CliError(`cannot read ${printable(arg)}: ${describeFsError(error)}`);
    }
    if (kind === 'file') {
      found.add(absolute);
    } else if (kind === 'folder') {
      walk(absolute, io, (file) => isTdeFileName(file), found);
    } else if (picomatch.scan(arg).isGlob) {
      const before = found.size;
      const matched = new Set<string>();
      matchGlob(arg, io, matched);
      for (const file of matched) found.add(file);
      if (matched.size === 0 && found.size === before) unmatched(`no files match ${printable(arg)}`);
    } else {
      throw new CliError(`no such file or folder: ${printable(arg)}`);
    }
  }
  if (found.size === 0) {
    const where = args.length ? args.map(printable).join(', ') : 'the current folder';
    unmatched(`no TDE files (*.tde.yaml, *.tde.yml) found in ${where}${allowUnmatched ? '; nothing to check' : ''}`);
  }
  return [...found]
    .map((file) => ({ file, shown: displayPath(io.cwd, file) }))
    .sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0))
    .map((entry) => entry.file);
}

function matchGlob(pattern: string, io: CliIO, found: Set<string>): void {
  const scan = picomatch.scan(pattern);
  const base = path.resolve(io.cwd, scan.base || '.');
  const isMatch = picomatch(scan.glob);
  try {
    if (!io.fs.statSync(base).isDirectory()) return;
  } catch {
    return;
  }
  walk(base, io, (file) => isMatch(path.relative(base, file).split(path.sep).join('/')), found);
}

/** Collect the files below `root` that `accept` takes, skipping what git ignores. */
function walk(root: string, io: CliIO, accept: (file: string) => boolean, found: Set<string>): void {
  const layers = ancestorIgnoreLayers(root, io);
  const visit = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = io.fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new CliError(`cannot read folder ${printable(displayPath(io.cwd, dir))}: ${describeFsError(error)}`);
    }
    const own = entries.some((e) => e.name === '.gitignore') ? readIgnoreLayer(dir, io) : undefined;
    if (own) layers.push(own);
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // A linked file is checked; a linked folder is not entered (git does not, and it may loop).
        isFolder = false;
        try {
          isFile = io.fs.statSync(full).isFile();
        } catch {
          isFile = false;
        }
      }
      if (!isFolder && !isFile) continue;
      if (isIgnored(layers, full, isFolder)) continue;
      if (isFolder) visit(full);
      else if (accept(full)) found.add(full);
    }
    if (own) layers.pop();
  };
  visit(root);
}

/** Deeper .gitignore files win; within one, the last matching pattern does. */
function isIgnored(layers: readonly IgnoreLayer[], file: string, isFolder: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const relative = path.relative(layer.dir, file).split(path.sep).join('/');
    if (!relative || relative.startsWith('../')) continue;
    const verdict = layer.rules.test(isFolder ? `${relative}/` : relative);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

function readIgnoreLayer(dir: string, io: CliIO): IgnoreLayer | undefined {
  const file = path.join(dir, '.gitignore');
  const shown = displayPath(io.cwd, file);
  let read: TreeFileRead;
  try {
    read = readTreeFile(file, shown, io);
  } catch (error) {
    if (errorCode(error) === 'EISDIR') return undefined;
    throw new CliError(`cannot read ${printable(shown)}: ${describeFsError(error)}`);
  }
  if (read.kind === 'missing') return undefined;
  if (read.kind !== 'bytes') {
    // Skipped, and said: the files it would have hidden are checked.
    io.stderr(`tde: ${terminalSafe(read.kind === 'refused' ? read.why : `${shown} is ${read.size.toLocaleString('en-US')} bytes, more than a .gitignore file may be; it is not read`)}\n`);
    return undefined;
  }
  return { dir, rules: ignore().add(new TextDecoder().decode(read.bytes)) };
}

/**
 * The .gitignore files above `root` that apply to it: up to the repository's
 * top (the folder holding `.git`), or, outside a repository, up to the
 * working folder when `root` is inside it.
 */
function ancestorIgnoreLayers(root: string, io: CliIO): IgnoreLayer[] {
  const ancestors: string[] = [];
  let top: string | undefined;
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    ancestors.push(dir);
    if (exists(path.join(dir, '.git'), io)) {
      top = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  if (exists(path.join(root, '.git'), io)) return [];
  if (top === undefined) {
    const relative = path.relative(io.cwd, root);
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return [];
    const inside = ancestors.slice(0, ancestors.indexOf(io.cwd) + 1);
    return layersOf(inside, io);
  }
  return layersOf(ancestors, io);
}

function layersOf(foldersDeepestFirst: string[], io: CliIO): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  for (const dir of [...foldersDeepestFirst].reverse()) {
    if (!exists(path.join(dir, '.gitignore'), io)) continue;
    const layer = readIgnoreLayer(dir, io);
    if (layer) layers.push(layer);
  }
  return layers;
}

/** Whether a file or a folder is at `file`. */
export function exists(file: string, io: CliIO): boolean {
  try {
    io.fs.statSync(file);
    return true;
  } catch {
    return false;
  }
}
