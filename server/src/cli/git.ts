// The git the CLI needs to compare revisions: where the repository is, which
// commit a revision names, what a tree holds, blobs by id, and which files a
// change added, removed or renamed. git runs as a child process with an
// argument array (never a shell), in the repository, reading only.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { printable } from './commandLine';
import { CliError } from './world';

export interface Repository {
  /** Absolute top folder of the working tree, as git reports it. */
  top: string;
  /** The working folder relative to `top`, with `/` and a trailing `/` (empty at the top). */
  prefix: string;
}

export interface TreeEntry {
  /** Blob id. */
  object: string;
  size: number;
}

type ChangeStatus = 'added' | 'removed' | 'modified' | 'renamed';

interface ChangedPath {
  status: ChangeStatus;
  /** Path at the base, relative to the top (absent for an added file). */
  oldPath?: string;
  /** Path at the head (absent for a removed file). */
  newPath?: string;
}

const MAX_OUTPUT = 512 * 1024 * 1024;

interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

function git(cwd: string, args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): GitResult {
  const result = spawnSync('git', ['--no-pager', '--literal-pathspecs', '-c', 'core.quotePath=false', ...args], {
    cwd,
    input: options.input,
    maxBuffer: MAX_OUTPUT,
    windowsHide: true,
    // Never ask for credentials, never take the index lock for a refresh.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', ...options.env },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('git is not installed (or not on PATH); comparing revisions needs it');
    throw new CliError(`git failed: ${result.error.message}`);
  }
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

function gitOrFail(cwd: string, args: readonly string[], what: string, options?: { input?: string; env?: Record<string, string> }): Buffer {
  const result = git(cwd, args, options);
  if (result.status !== 0) throw new CliError(`${what}: ${printable(firstLine(result.stderr) || `git exited with ${result.status}`)}`);
  return result.stdout;
}

function firstLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).join('; ').slice(0, 300);
}

/** The repository the working folder is in; a CliError outside one. */
export function openRepository(cwd: string): Repository {
  const result = git(cwd, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (result.status !== 0) {
    const reason = firstLine(result.stderr);
    if (/not a git repository/i.test(reason)) throw new CliError('not in a git repository; comparing revisions needs one (run tde from inside the repository)');
    throw new CliError(`cannot use the git repository here: ${printable(reason || 'git rev-parse failed')}`);
  }
  const [top, prefix] = result.stdout.toString('utf8').split('\n');
  if (!top) throw new CliError('not in a git working tree; comparing with the working tree needs one');
  return { top, prefix: prefix ?? '' };
}

/** The commit a revision names, as a full id; a CliError for an unknown one. */
export function resolveCommit(repo: Repository, revision: string): string {
  // An argument that git could read as an option is never passed on.
  if (!revision || revision.startsWith('-') || /[\u0000-\u001f\u007f]/.test(revision)) {
    throw new CliError(`not a revision: ${printable(revision)}`);
  }
  const result = git(repo.top, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  const commit = result.stdout.toString('utf8').trim();
  if (result.status === 0 && /^[0-9a-f]{40,64}$/.test(commit)) return commit;
  const shallow = git(repo.top, ['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
  const hint = shallow
    ? ` (this clone is shallow: fetch it with 'git fetch --depth=1 origin ${printable(revision)}', or check out with fetch-depth: 0)`
    : ' (a branch, tag or commit of this repository)';
  throw new CliError(`unknown revision ${printable(revision)}${hint}`);
}

/** Every file of a commit's tree, by path from the top. Links and submodules are left out. */
export function listTree(repo: Repository, commit: string): Map<string, TreeEntry> {
  const out = gitOrFail(repo.top, ['ls-tree', '-r', '-z', '--long', '--full-tree', commit], `cannot list the files of ${commit.slice(0, 12)}`);
  const entries = new Map<string, TreeEntry>();
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, object, size] = record.slice(0, tab).split(/ +/);
    if (type !== 'blob' || mode === '120000') continue;
    entries.set(record.slice(tab + 1), { object: object!, size: Number(size) });
  }
  return entries;
}

/** The contents of blobs by id, in one `git cat-file --batch`. */
export function readBlobs(repo: Repository, objects: readonly string[]): Map<string, Buffer> {
  const wanted = [...new Set(objects)];
  const blobs = new Map<string, Buffer>();
  if (!wanted.length) return blobs;
  const out = gitOrFail(repo.top, ['cat-file', '--batch'], 'cannot read files from git', { input: `${wanted.join('\n')}\n` });
  let at = 0;
  for (const object of wanted) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    blobs.set(object, out.subarray(at, at + size));
    at += size + 1;
  }
  return blobs;
}

/**
 * The files that differ between `base` and `head` (a commit, or the working
 * tree when undefined), renames paired as git pairs them (`-M`). With the
 * working tree, files not yet added are included too, so that moving a file
 * without `git add` still reads as a rename: they are marked "intent to add"
 * in a temporary copy of the index, never in the repository's own.
 */
export function changedPaths(repo: Repository, base: string, head: string | undefined, isWanted: (file: string) => boolean): ChangedPath[] {
  const args = ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', '--ignore-submodules', '--no-color', base, ...(head ? [head] : []), '--'];
  const wanted = (change: ChangedPath) => (change.newPath !== undefined && isWanted(change.newPath)) || (change.oldPath !== undefined && isWanted(change.oldPath));
  const untracked = head
    ? []
    : gitOrFail(repo.top, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], 'cannot list new files')
      .toString('utf8')
      .split('\0')
      .filter((file) => file && isWanted(file));
  if (!untracked.length) return parseNameStatus(gitOrFail(repo.top, args, 'cannot compare the revisions')).filter(wanted);
  const indexFile = path.resolve(repo.top, gitOrFail(repo.top, ['rev-parse', '--git-path', 'index'], 'cannot find the index').toString('utf8').trim());
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-git-'));
  const temporaryIndex = path.join(scratch, 'index');
  try {
    if (fs.existsSync(indexFile)) fs.copyFileSync(indexFile, temporaryIndex);
    const env = { GIT_INDEX_FILE: temporaryIndex };
    gitOrFail(repo.top, ['add', '--intent-to-add', '--pathspec-from-file=-', '--pathspec-file-nul'], 'cannot look at new files', {
      env,
      input: `${untracked.join('\0')}\0`,
    });
    return parseNameStatus(gitOrFail(repo.top, args, 'cannot compare with the working tree', { env })).filter(wanted);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function parseNameStatus(out: Buffer): ChangedPath[] {
  const fields = out.toString('utf8').split('\0');
  const changes: ChangedPath[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++];
    if (!code) continue;
    const letter = code[0];
    if (letter === 'R' || letter === 'C') {
      const oldPath = fields[i++]!;
      const newPath = fields[i++]!;
      changes.push(letter === 'R' ? { status: 'renamed', oldPath, newPath } : { status: 'added', newPath });
    } else {
      const file = fields[i++]!;
      if (letter === 'A') changes.push({ status: 'added', newPath: file });
      else if (letter === 'D') changes.push({ status: 'removed', oldPath: file });
      else changes.push({ status: 'modified', oldPath: file, newPath: file });
    }
  }
  return changes;
}

/** A path from the top of the repository to a file the working folder names; undefined outside the repository. */
export function repoPathOf(repo: Repository, cwd: string, absolute: string): string | undefined {
  const relative = path.relative(cwd, absolute).split(path.sep).join('/');
  const joined = path.posix.normalize(`${repo.prefix}${relative}`);
  if (joined.startsWith('../') || joined === '..' || path.posix.isAbsolute(joined)) return undefined;
  return joined;
}

/** A path from the top as a report shows it: relative to the working folder. */
export function shownPath(repo: Repository, repoPath: string): string {
  return path.posix.relative(repo.prefix.replace(/\/$/, '') || '.', repoPath) || repoPath;
}

/**
 * When git last changed each file (`%cI`, the committer date), by absolute
 * path, in one walk of the history of their folders. Files git does not know
 * are left out; outside a repository the map is empty and `why` says so.
 * Nothing configured in the checkout runs: no signature checks, no diff drivers.
 */
export function lastChangedDates(cwd: string, files: readonly string[]): { dates: Map<string, string>; why?: string } {
  const dates = new Map<string, string>();
  if (!files.length) return { dates };
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) return { dates, why: firstLine(top.stderr) || 'not in a git repository' };
  const repo: Repository = { top: top.stdout.toString('utf8').trim(), prefix: '' };
  const realTop = fs.realpathSync(repo.top);
  const wanted = new Map<string, string>();
  for (const file of files) {
    let real = file;
    try {
      real = path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      // compared as given
    }
    const inRepo = repoPathOf(repo, realTop, real);
    if (inRepo !== undefined) wanted.set(inRepo, file);
  }
  if (!wanted.size) return { dates };
  const folders = [...new Set([...wanted.keys()].map((file) => path.posix.dirname(file)))].sort();
  const result = git(repo.top, ['log', '--no-show-signature', '--no-ext-diff', '--no-textconv', '--format=%x1e%cI', '--name-only', '-z', 'HEAD', '--', ...folders]);
  if (result.status !== 0) return { dates, why: firstLine(result.stderr) || `git exited with ${result.status}` };
  for (const record of result.stdout.toString('utf8').split('\x1e')) {
    const [date, ...names] = record.split('\0');
    if (!date) continue;
    for (const name of names) {
      const file = wanted.get(name.replace(/^\n/, ''));
      if (file !== undefined && !dates.has(file)) dates.set(file, date.trim());
    }
  }
  return { dates };
}
