// The two sides of a comparison: a commit's tree, or the working tree. Each
// reads TDE files by their path from the top of the repository and answers
// the engine's file look-ups (for `project.previous`) as of that side.
import * as path from 'node:path';
import type { FileHost } from '../engine';
import { fileHost } from './configs';
import { listTree, readBlobs, shownPath, type Repository, type TreeEntry } from './git';
import type { CliIO } from './world';
import { decodeTdeFile, readTdeFile, type TdeText } from './readTdeFile';

interface Side {
  /** How a report names this side: `main (1a2b3c4)`, `the working tree`. */
  label: string;
  /** The commit, for a tree. */
  commit?: string;
  /** The named files' texts; a file the side lacks is absent from the map. */
  readAll(repoPaths: readonly string[]): Map<string, TdeText>;
  host: FileHost;
}

export function treeSide(repo: Repository, revision: string, commit: string): Side {
  let listing: Map<string, TreeEntry> | undefined;
  const files = () => (listing ??= listTree(repo, commit));
  const toRepoPath = (absolute: string) => path.relative(repo.top, absolute).split(path.sep).join('/');
  const readAll = (repoPaths: readonly string[]) => {
    const entries = repoPaths.flatMap((p) => (files().has(p) ? [[p, files().get(p)!] as const] : []));
    const blobs = readBlobs(repo, entries.map(([, entry]) => entry.object));
    const texts = new Map<string, TdeText>();
    for (const [repoPath, entry] of entries) {
      const blob = blobs.get(entry.object);
      if (blob) texts.set(repoPath, decodeTdeFile(blob));
    }
    return texts;
  };
  return {
    label: revision === commit ? commit.slice(0, 12) : `${revision} (${commit.slice(0, 7)})`,
    commit,
    readAll,
    host: {
      fileExists: (absolute) => files().has(toRepoPath(absolute)),
      treeRoot: () => repo.top,
      readFile: (absolute) => {
        const text = readAll([toRepoPath(absolute)]).get(toRepoPath(absolute));
        return text?.ok ? text.text : undefined;
      },
    },
  };
}

export function worktreeSide(repo: Repository, io: CliIO): Side {
  return {
    label: 'the working tree',
    readAll(repoPaths) {
      const texts = new Map<string, TdeText>();
      for (const repoPath of repoPaths) {
        let text: TdeText;
        try {
          text = readTdeFile(path.join(repo.top, ...repoPath.split('/')), shownPath(repo, repoPath), io);
        } catch {
          continue; // gone from the working tree: the file was removed
        }
        texts.set(repoPath, text);
      }
      return texts;
    },
    host: fileHost(io),
  };
}
