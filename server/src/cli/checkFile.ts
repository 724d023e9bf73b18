// One file of `tde check`, checked the same way whether one thread checks
// every file (checkFilesSerially.ts) or several threads share them (checkFilesInParallel.ts): read
// it strictly, check it with its configuration and the checks of the
// `# tde-disable…` comments, and note what went wrong. Fixes and `--since`
// are steps after this one, in checkFilesSerially.ts.
import { check, type CheckOptions, type CheckResult, type FileHost, type RuleSeverities } from '../engine';
import { directiveProblems, type DirectiveChecks } from '../engine/review';
import { printable } from './commandLine';
import { CliError, describeFsError, type CliIO } from './world';
import { readTdeFile } from './readTdeFile';
import type { ReportedProblem } from './report';

export interface FileToCheck {
  /** Absolute path. */
  file: string;
  /** As reports show it. */
  shown: string;
  severities: RuleSeverities;
}

/** Where a check reads from: the file itself, and the files around it (`project.previous`). */
export interface FileAccess {
  fs: CliIO['fs'];
  /** The working folder: outside a repository, the tree a linked file must stay in. */
  cwd: string;
  host: FileHost;
}

type FileCheck = FileToCheck & {
  /** What went wrong (a file that cannot be read, a rule that failed), for the run's `fail`. */
  failures: string[];
} & (
  | { kind: 'unreadable' }
  | { kind: 'undecodable'; problem: ReportedProblem }
  | {
    kind: 'checked';
    text: string;
    result: CheckResult;
    /** The options it was checked with: a fix step checks again with the same. */
    options: CheckOptions;
  }
);

export function checkFile(job: FileToCheck, access: FileAccess, directiveChecks: DirectiveChecks): FileCheck {
  const failures: string[] = [];
  let read;
  try {
    read = readTdeFile(job.file, job.shown, access);
  } catch (error) {
    failures.push(error instanceof CliError ? error.message : `cannot read ${printable(job.shown)}: ${describeFsError(error)}`);
    return { ...job, failures, kind: 'unreadable' };
  }
  if (!read.ok) return { ...job, failures, kind: 'undecodable', problem: read.problem };
  const crashed = new Set<string>();
  const options: CheckOptions = {
    fileName: job.file,
    host: access.host,
    severities: job.severities,
    language: directiveChecks.language,
    onRuleError: (rule, error) => {
      if (crashed.has(rule)) return; // once per file, however many fix passes
      crashed.add(rule);
      failures.push(`rule ${rule} failed on ${printable(job.shown)}: ${error instanceof Error ? error.message : String(error)} (please report this)`);
    },
  };
  return { ...job, failures, kind: 'checked', text: read.text, options, result: checkText(read.text, options, directiveChecks) };
}

/** The engine's check plus the checks of the `# tde-disable…` comments. */
export function checkText(text: string, options: CheckOptions, checks: DirectiveChecks): CheckResult {
  return withDirectiveProblems(check(text, options), checks);
}

export function withDirectiveProblems(result: CheckResult, checks: DirectiveChecks): CheckResult {
  const extra = directiveProblems(result, checks);
  if (extra.length) result.problems = [...result.problems, ...extra].sort((a, b) => a.offset - b.offset);
  return result;
}
