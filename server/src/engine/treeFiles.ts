// May this path be read? The one answer every door gives before it opens a
// file that came with the files checked (a TDE file, `.tderc.yaml`,
// `.gitignore`, the file `previous` names). A pull request chooses those
// paths and may commit symbolic links among them (`notes.tde.yaml ->
// .git/config`): a link is followed only to a regular file inside the tree
// being checked and outside `.git`, and what is refused is named by the
// link, never by anything of its target. Pure but for the file-system calls
// it is given, so the CLI and the language server share it.
import * as path from './paths';

/** The calls the decision makes; `node:fs` satisfies it. */
interface TreeFs {
  /** With `throwIfNoEntry: false`, undefined for a path that is not there (a file system may throw instead). */
  lstatSync(file: string, options?: { throwIfNoEntry: false }): { isSymbolicLink(): boolean; isFile(): boolean; isDirectory(): boolean; size: number } | undefined;
  statSync(file: string): { isFile(): boolean; size: number };
  /** `native`, where there is one, resolves a path in one system call rather than a look at each folder on the way. */
  realpathSync: ((file: string) => string) & { native?: (file: string) => string };
}

/** Asked of every folder above every file checked: an error made for each absent `.git` would cost more than the whole read. */
const IF_THERE = { throwIfNoEntry: false } as const;

export type TreeFileVerdict =
  /** Read `real` (the path with every link resolved): a regular file of `size` bytes. */
  | { kind: 'file'; real: string; size: number }
  /** Nothing there (or not a regular file): as if absent. */
  | { kind: 'missing' }
  /** There, and not to be read: `why` names the link, never its target. */
  | { kind: 'refused'; why: string };

/** Whether `inner` is `outer` or below it (both absolute, same separators). */
export function isInsideFolder(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** Whether a path below `root` passes through a `.git` folder. */
function inGitFolder(file: string, root: string): boolean {
  return path.relative(root, file).split(path.sep).some((segment) => segment.toLowerCase() === '.git');
}

/**
 * The tree a file is checked in: the repository that holds it (the nearest
 * folder with a `.git`), else `fallback` (the working folder, the workspace
 * folder) when the file is inside it, else the file's own folder.
 */
export function treeRootOf(file: string, fs: Pick<TreeFs, 'lstatSync'>, fallback?: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    try {
      if (fs.lstatSync(path.join(dir, '.git'), IF_THERE)) return dir;
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) break;
  }
  return fallback !== undefined && isInsideFolder(file, fallback) ? fallback : path.dirname(file);
}

/** What a refused link is called in a message: its name, as the caller shows it. */
function linkRefusal(shown: string): string {
  return `${shown} is a symbolic link to something other than a file in the folder being checked; it is not read`;
}

/**
 * Whether `file` may be read as part of the tree at `root`. A path with no
 * link on the way (below `root`) is read as it is; one that passes through a
 * link is read only if everything resolves to a regular file inside `root`
 * and outside `.git`.
 */
export function treeFileVerdict(file: string, root: string, fs: TreeFs, shown = path.basename(file)): TreeFileVerdict {
  let link: { isSymbolicLink(): boolean; isFile(): boolean } | undefined;
  try {
    link = fs.lstatSync(file, IF_THERE);
  } catch {
    // not there either
  }
  if (!link) return { kind: 'missing' };
  const realpath = fs.realpathSync.native ?? fs.realpathSync;
  let real: string;
  let realRoot: string;
  try {
    real = realpath(file);
    realRoot = realpath(root);
  } catch {
    // A dangling link, or one that loops.
    return link.isSymbolicLink() ? { kind: 'refused', why: linkRefusal(shown) } : { kind: 'missing' };
  }
  const expected = isInsideFolder(file, root) ? path.join(realRoot, path.relative(root, file)) : undefined;
  const throughLink = link.isSymbolicLink() || (expected !== undefined && expected !== real);
  if (throughLink && (!isInsideFolder(real, realRoot) || inGitFolder(real, realRoot))) return { kind: 'refused', why: linkRefusal(shown) };
  let size: number;
  try {
    const stat = fs.statSync(real);
    if (!stat.isFile()) return throughLink ? { kind: 'refused', why: linkRefusal(shown) } : { kind: 'missing' };
    size = stat.size;
  } catch {
    return { kind: 'missing' };
  }
  return { kind: 'file', real, size };
}
