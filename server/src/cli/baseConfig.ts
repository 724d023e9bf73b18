// `--since BASE`: the configuration new problems are judged under. A pull
// request may bring its own `.tderc.yaml`; were it obeyed, the change would
// choose its own gate. So with a base revision (and no --config), each file
// is checked under the `.tderc.yaml` the base had for it, read from git, and
// every difference the change makes to the configuration is reported: which
// rules it turns off or down, and which files that covers.
import * as path from 'node:path';
import { loadConfigFor, ruleById, type SeveritySetting, type TdeConfig } from '../engine';
import { displayPath } from './findFiles';
import { openRepository, repoPathOf, resolveCommit } from './git';
import type { CliIO } from './world';
import { treeSide } from './revisionFiles';
import type { ConfigChange } from './reportTypes';

const RANK: Record<SeveritySetting, number> = { off: 0, info: 1, warning: 2, error: 3 };

/** The severity a rule has under a configuration: its setting, else its default. */
function effective(config: TdeConfig, rule: string): SeveritySetting {
  return config.rules[rule] ?? ruleById(rule)?.defaultSeverity ?? 'error';
}

/**
 * Each file's configuration as of `revision` (a file the base lacked takes
 * the configuration the base had for its folder), and what the working
 * tree's configurations change.
 */
export function baseConfigs(files: readonly string[], headConfigs: ReadonlyMap<string, TdeConfig>, revision: string, io: CliIO): { configs: Map<string, TdeConfig>; changes: ConfigChange[] } {
  const repo = openRepository(io.cwd);
  const side = treeSide(repo, revision, resolveCommit(repo, revision));
  const configs = new Map<string, TdeConfig>();
  const changes = new Map<string, ConfigChange>();
  for (const file of files) {
    const repoPath = repoPathOf(repo, io.cwd, file);
    const head = headConfigs.get(file)!;
    const base = repoPath === undefined ? head : loadConfigFor(path.join(repo.top, ...repoPath.split('/')), side.host);
    // A base configuration git could not read (or that has problems) counts as none at all.
    const judged = base.issues.length ? { rules: {}, issues: [] } : base;
    configs.set(file, judged);
    const loosened = [...new Set([...Object.keys(judged.rules), ...Object.keys(head.rules)])]
      .sort()
      .flatMap((rule) => {
        const from = effective(judged, rule);
        const to = effective(head, rule);
        return RANK[to] < RANK[from] ? [{ rule, from, to }] : [];
      });
    const sameFile = head.file !== undefined && base.file !== undefined && path.relative(repo.top, head.file) === path.relative(repo.top, base.file);
    const changed = loosened.length > 0 || JSON.stringify(judged.rules) !== JSON.stringify(head.rules) || (!sameFile && (head.file ?? base.file) !== undefined && JSON.stringify(head.rules) !== '{}');
    if (!changed) continue;
    const where = head.file ?? base.file;
    const key = where === undefined ? '' : displayPath(io.cwd, where);
    let change = changes.get(key);
    if (!change) {
      change = { config: key, change: head.file === undefined ? 'removed' : base.file === undefined || !sameFile ? 'added' : 'changed', loosened: [], covers: [] };
      changes.set(key, change);
    }
    for (const entry of loosened) if (!change.loosened.some((l) => l.rule === entry.rule)) change.loosened.push(entry);
    change.covers.push(displayPath(io.cwd, file));
  }
  return { configs, changes: [...changes.values()] };
}
