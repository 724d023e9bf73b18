// `tde diff BASE [HEAD] [-- PATH …]` and `tde diff OLD_FILE NEW_FILE`: what a
// change means for each project — steps moved, people added or removed, use
// cases, tactics, the pitch, problems introduced and fixed.
import * as path from 'node:path';
import picomatch from 'picomatch';
import { printable } from '../commandLine';
import { explicitConfigFile, fileHost, loadConfigs } from '../configs';
import { displayPath } from '../findFiles';
import { isTdeFileName } from '../../shared/tdeFiles';
import type { DiffReport, ProjectDiff } from '../diffReport';
import { loadDiffFormatter } from '../formatters/diff';
import { changedPaths, openRepository, repoPathOf, resolveCommit, shownPath, type Repository } from '../git';
import type { InputOf } from '../help';
import { CliError, ExitCode, type CliIO } from '../world';
import { readTdeFile } from '../readTdeFile';
import { checkVersion, projectDiff, summarizeDiff, underTop } from '../review';
import { treeSide, worktreeSide } from '../revisionFiles';
import { colors, noColors, wantsColor } from '../terminal';
import { VERSION } from '../version';
import { writeReport } from './check';

interface GitDiffRequest {
  base: string;
  /** A revision, or undefined for the working tree. */
  head?: string;
  /** Paths (files, folders, globs) relative to the working folder; none for every TDE file. */
  paths: readonly string[];
  configFile?: string;
}

/** Keep the paths a list of files, folders and globs names (all when the list is empty). */
function pathFilter(repo: Repository, paths: readonly string[], io: CliIO): (repoPath: string) => boolean {
  if (!paths.length) return () => true;
  const tests = paths.map((arg) => {
    const scan = picomatch.scan(arg);
    if (scan.isGlob) {
      const base = repoPathOf(repo, io.cwd, path.resolve(io.cwd, scan.base || '.'));
      const isMatch = picomatch(scan.glob);
      return (p: string) => base !== undefined && (base === '.' || p.startsWith(`${base}/`)) && isMatch(base === '.' ? p : p.slice(base.length + 1));
    }
    const target = repoPathOf(repo, io.cwd, path.resolve(io.cwd, arg));
    if (target === undefined) throw new CliError(`${printable(arg)} is outside the repository`);
    return (p: string) => target === '.' || p === target || p.startsWith(`${target}/`);
  });
  return (repoPath) => tests.some((test) => test(repoPath));
}

/** The projects that differ between two revisions (or a revision and the working tree). */
export function gitDiff(request: GitDiffRequest, io: CliIO): DiffReport {
  const repo = openRepository(io.cwd);
  const baseCommit = resolveCommit(repo, request.base);
  const headCommit = request.head === undefined ? undefined : resolveCommit(repo, request.head);
  const wanted = pathFilter(repo, request.paths, io);
  const changes = changedPaths(repo, baseCommit, headCommit, (p) => isTdeFileName(p) && wanted(p));
  const base = treeSide(repo, request.base, baseCommit);
  const head = headCommit === undefined ? worktreeSide(repo, io) : treeSide(repo, request.head!, headCommit);
  const oldTexts = base.readAll(changes.flatMap((c) => (c.oldPath !== undefined ? [c.oldPath] : [])));
  const newTexts = head.readAll(changes.flatMap((c) => (c.newPath !== undefined ? [c.newPath] : [])));
  // Both versions are checked with the configuration the working tree has for the file.
  const where = (c: (typeof changes)[number]) => underTop(repo.top, (c.newPath ?? c.oldPath)!);
  const { configs, issues } = loadConfigs(changes.map(where), fileHost(io), request.configFile, io);
  if (issues.length) throw new CliError(`the configuration has problems:\n${issues.join('\n')}`);

  const projects: ProjectDiff[] = [];
  for (const change of changes) {
    const config = configs.get(where(change))!;
    const oldText = change.oldPath !== undefined ? oldTexts.get(change.oldPath) : undefined;
    const newText = change.newPath !== undefined ? newTexts.get(change.newPath) : undefined;
    const before = oldText && checkVersion(oldText, underTop(repo.top, change.oldPath!), base.host, config);
    const after = newText && checkVersion(newText, underTop(repo.top, change.newPath!), head.host, config);
    if (!before && !after) continue;
    const kind = !before ? 'added' : !after ? 'removed' : change.status === 'renamed' ? 'renamed' : 'modified';
    projects.push(projectDiff(
      kind,
      {
        path: shownPath(repo, (change.newPath ?? change.oldPath)!),
        ...(kind === 'renamed' ? { previousPath: shownPath(repo, change.oldPath!) } : {}),
      },
      before || undefined,
      after || undefined,
    ));
  }
  projects.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    version: VERSION,
    base: { label: base.label, revision: request.base, commit: baseCommit },
    head: headCommit === undefined ? { label: head.label } : { label: head.label, revision: request.head!, commit: headCommit },
    projects,
    summary: summarizeDiff(projects),
  };
}

/** Two files compared directly, without git. */
function fileDiff(oldFile: string, newFile: string, configFile: string | undefined, io: CliIO): DiffReport {
  const files = [path.resolve(io.cwd, oldFile), path.resolve(io.cwd, newFile)] as const;
  const shown = files.map((file) => displayPath(io.cwd, file));
  const host = fileHost(io);
  const { configs, issues } = loadConfigs([...files], host, configFile, io);
  if (issues.length) throw new CliError(`the configuration has problems:\n${issues.join('\n')}`);
  const [before, after] = files.map((file, i) => checkVersion(readTdeFile(file, shown[i]!, io), file, host, configs.get(file)!));
  const project = projectDiff('modified', { path: shown[1]! }, before, after);
  const projects = [project];
  return {
    version: VERSION,
    base: { label: shown[0]!, file: shown[0]! },
    head: { label: shown[1]!, file: shown[1]! },
    projects,
    summary: summarizeDiff(projects),
  };
}

function isFile(file: string, io: CliIO): boolean {
  try {
    return io.fs.statSync(path.resolve(io.cwd, file)).isFile();
  } catch {
    return false;
  }
}

export async function diffCommand({ options, operands: positionals, paths }: InputOf<'diff'>, io: CliIO): Promise<ExitCode> {
  if (positionals.length < 1 || positionals.length > 2) throw new CliError('tde diff takes a base revision and an optional head, or two files (see tde diff --help)');
  const configFile = explicitConfigFile(options.config, io);

  let report: DiffReport;
  if (positionals.length === 2 && positionals.every((p) => isFile(p, io))) {
    if (paths.length) throw new CliError('paths after -- apply to revisions, not to two files');
    report = fileDiff(positionals[0]!, positionals[1]!, configFile, io);
  } else {
    const missing = positionals.find((p) => /\.ya?ml$/i.test(p) && !isFile(p, io));
    if (missing !== undefined) throw new CliError(`no such file: ${printable(missing)}`);
    report = gitDiff({ base: positionals[0]!, head: positionals[1], paths, configFile }, io);
  }

  const { output } = options;
  const palette = output === undefined && wantsColor(options.color, io.env, io.isTTY) ? colors : noColors;
  const text = loadDiffFormatter(options.format)(report, palette);
  if (output !== undefined) writeReport(output, text, io);
  else io.stdout(text);
  return ExitCode.Clean;
}
