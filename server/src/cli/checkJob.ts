// One file of `tde check` over many files, as parallel.ts hands them out to
// the worker threads (checkWorker.ts) and to the main thread: read, check
// and report it exactly as checking.ts does, and answer with the file's
// report, its failing counts and what went wrong, by index.
import * as fs from 'node:fs';
import type { DirectiveChecks } from '../engine/review';
import type { RuleSeverities } from '../engine';
import { printable } from './args';
import { checkText } from './checking';
import { fileHost } from './configs';
import { CliError, describeFsError, type CliIO } from './io';
import { readTdeFile } from './read';
import { reportFile, type FileReport } from './report';

export interface FileJob {
  index: number;
  file: string;
  shown: string;
  severities: RuleSeverities;
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

export type ToCheckWorker = { jobs: FileJob[]; quiet: boolean; directiveChecks: DirectiveChecks };

export function checkBatch({ jobs, quiet, directiveChecks }: ToCheckWorker): FileDone[] {
  return jobs.map((job) => checkOne(job, quiet, directiveChecks));
}

const io = { fs } as unknown as CliIO;
const host = fileHost(io);

export function checkOne(job: FileJob, quiet: boolean, directiveChecks: DirectiveChecks): FileDone {
  const failures: string[] = [];
  const done = (report: FileReport, errors = 0, warnings = 0, read = true): FileDone => ({ index: job.index, report, errors, warnings, failures, read });
  let read;
  try {
    read = readTdeFile(job.file, job.shown, io);
  } catch (error) {
    failures.push(error instanceof CliError ? error.message : `cannot read ${printable(job.shown)}: ${describeFsError(error)}`);
    return done({ path: job.shown, problems: [], suppressed: [] }, 0, 0, false);
  }
  if (!read.ok) return done({ path: job.shown, problems: [read.problem], suppressed: [] }, 1);
  const crashed = new Set<string>();
  const result = checkText(
    read.text,
    {
      fileName: job.file,
      host,
      severities: job.severities,
      onRuleError: (rule, error) => {
        if (crashed.has(rule)) return;
        crashed.add(rule);
        failures.push(`rule ${rule} failed on ${printable(job.shown)}: ${error instanceof Error ? error.message : String(error)} (please report this)`);
      },
    },
    directiveChecks,
  );
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  return done(reportFile(job.shown, result, quiet), errors, warnings);
}
