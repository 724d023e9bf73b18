// Temporary git repositories for the tests of `tde diff`, `--since` and the
// CI summary: commits made with an identity given on the command line, and
// no global or system configuration read, so any machine gives one result.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from './helpers';

const ISOLATED = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  write(files: Record<string, string | Buffer>): void;
  remove(...files: string[]): void;
  /** Commit everything (added, changed, removed); returns the commit's id. */
  commit(message: string): string;
}

export function gitRepo(files: Record<string, string | Buffer> = {}): TestRepo {
  const dir = tempTree();
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=TDE Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      env: ISOLATED,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  git('init', '-q', '-b', 'main');
  const repo: TestRepo = {
    dir,
    git,
    write(more) {
      for (const [name, content] of Object.entries(more)) {
        const file = path.join(dir, ...name.split('/'));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
      }
    },
    remove(...names) {
      for (const name of names) fs.rmSync(path.join(dir, ...name.split('/')));
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
  };
  repo.write(files);
  return repo;
}

/** The sample pull request's files, from test/fixtures/cli/review. */
export function review(name: string): string {
  return fs.readFileSync(path.join(__dirname, '../fixtures/cli/review', name), 'utf8');
}
