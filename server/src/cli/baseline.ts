// `--since BASE`: the problems each file had at a base revision, so a check
// can tell the problems a change introduced from those it found. Files are
// followed through renames (as `git diff -M` pairs them); both sides are
// checked with one configuration (the base's, baseConfig.ts, unless --config
// names one), so only the files' changes count.
import * as path from 'node:path';
import { check, type CheckOptions, type Problem } from '../engine';
import { directiveProblems, type DirectiveChecks } from '../engine/review';
import { isTdeFileName } from '../shared/tdeFiles';
import { changedPaths, openRepository, repoPathOf, resolveCommit } from './git';
import type { CliIO } from './world';
import { UNREADABLE_RULE } from './readTdeFile';
import { treeSide } from './revisionFiles';

export interface Baseline {
  revision: string;
  commit: string;
  /** The base's problems of a checked file (by absolute path); undefined when the base had no such file. */
  problemsOf(file: string): Problem[] | undefined;
}

/** The problem that stands for a file the base had but that could not be decoded. */
export function unreadableProblem(): Problem {
  return { rule: UNREADABLE_RULE, severity: 'error', message: 'unreadable', offset: 0, length: 0, path: [] };
}

export function loadBaseline(
  io: CliIO,
  revision: string,
  files: readonly string[],
  optionsFor: (file: string) => CheckOptions,
  checks: DirectiveChecks,
): Baseline {
  const repo = openRepository(io.cwd);
  const commit = resolveCommit(repo, revision);
  const byRepoPath = new Map<string, string>();
  for (const file of files) {
    const repoPath = repoPathOf(repo, io.cwd, file);
    if (repoPath !== undefined) byRepoPath.set(repoPath, file);
  }
  // Where each checked file was at the base: renamed files under their old name.
  const basePathOf = new Map<string, string>([...byRepoPath.keys()].map((p) => [p, p]));
  for (const change of changedPaths(repo, commit, undefined, (p) => isTdeFileName(p) || byRepoPath.has(p))) {
    if (change.newPath === undefined || !byRepoPath.has(change.newPath)) continue;
    if (change.status === 'renamed') basePathOf.set(change.newPath, change.oldPath!);
    else if (change.status === 'added') basePathOf.delete(change.newPath);
  }
  const side = treeSide(repo, revision, commit);
  const texts = side.readAll([...basePathOf.values()]);
  const problems = new Map<string, Problem[]>();
  for (const [repoPath, basePath] of basePathOf) {
    const file = byRepoPath.get(repoPath)!;
    const text = texts.get(basePath);
    if (!text) continue;
    if (!text.ok) {
      problems.set(file, [unreadableProblem()]);
      continue;
    }
    const options = optionsFor(file);
    const result = check(text.text, {
      ...options,
      fileName: path.join(repo.top, ...basePath.split('/')),
      host: side.host,
      language: checks.language,
      onRuleError: undefined, // a rule that fails on the old text is not this run's failure
    });
    problems.set(file, [...result.problems, ...directiveProblems(result, checks)]);
  }
  return { revision, commit, problemsOf: (file) => problems.get(file) };
}
