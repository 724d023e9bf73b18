// A batch of files of `tde check` over many files, as checkFilesInParallel.ts hands them
// out to the worker threads (checkWorker.ts) and to the main thread: each is
// checked by checkFile, as checkFilesSerially.ts does one after another, and answered
// with its report, its failing counts and what went wrong, by index.
import * as fs from 'node:fs';
import type { DirectiveChecks } from '../engine/review';
import { checkFile, type FileAccess, type FileToCheck } from './checkFile';
import { fileHost } from './configs';
import { reportFile, type FileReport } from './report';

export interface FileJob extends FileToCheck {
  index: number;
}

export interface FileDone {
  index: number;
  report: FileReport;
  errors: number;
  warnings: number;
  /** Messages for `fail`, in the order they happened. */
  failures: string[];
  /** False when the file could not be read: no report. */
  read: boolean;
}

/** `cwd`: the working folder, which decides the tree a linked file must stay in outside a repository. */
export type ToCheckWorker = { jobs: FileJob[]; quiet: boolean; directiveChecks: DirectiveChecks; cwd: string };

export function checkBatch({ jobs, quiet, directiveChecks, cwd }: ToCheckWorker): FileDone[] {
  // A thread reads the disk itself (checkFilesInParallel.ts hands out files only when the run reads the disk).
  const access: FileAccess = { fs, cwd, host: fileHost({ fs, cwd }) };
  return jobs.map((job) => checkOne(job, quiet, directiveChecks, access));
}

function checkOne(job: FileJob, quiet: boolean, directiveChecks: DirectiveChecks, access: FileAccess): FileDone {
  const checked = checkFile(job, access, directiveChecks);
  const done = { index: job.index, failures: checked.failures, read: checked.kind !== 'unreadable' };
  switch (checked.kind) {
    case 'unreadable': return { ...done, report: { path: job.shown, problems: [], suppressed: [] }, errors: 0, warnings: 0 };
    case 'undecodable': return { ...done, report: { path: job.shown, problems: [checked.problem], suppressed: [] }, errors: 1, warnings: 0 };
    case 'checked': {
      const { problems } = checked.result;
      const errors = problems.filter((p) => p.severity === 'error').length;
      const warnings = problems.filter((p) => p.severity === 'warning').length;
      return { ...done, report: reportFile(job.shown, checked.result, quiet), errors, warnings };
    }
  }
}
