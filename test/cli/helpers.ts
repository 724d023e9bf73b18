// Shared by the CLI tests: an in-process run with a fake terminal, a real
// process run of the bundled binary, and temporary folders.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, type CliIO } from '../../server/src/cli/run';
import { ROOT } from '../helpers/build';

export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
export const BIN = path.join(ROOT, 'bin/tde.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FakeOptions {
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  fs?: CliIO['fs'];
}

/** Run the CLI in this process, as a user would from `cwd`. */
export async function tde(cwd: string, args: string[], options: FakeOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    env: options.env ?? {},
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: options.isTTY ?? false,
    fs: options.fs ?? fs,
  });
  return { code, stdout, stderr };
}

/** Run the real binary, with a clean color and language environment unless `env` says otherwise. */
export function tdeProcess(cwd: string, args: string[], env: Record<string, string> = {}): RunResult {
  const base = { ...process.env };
  // The messages follow the shell's locale: a Spanish shell must not change what the tests read.
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'GITHUB_ACTIONS', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete base[name];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const temporaryFolders: string[] = [];

/** A fresh folder holding the given files (paths with `/`), removed after the tests. */
export function tempTree(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tde-cli-')));
  temporaryFolders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

export function removeTempTrees(): void {
  for (const dir of temporaryFolders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The paths a JSON report lists. */
export function reportedPaths(stdout: string): string[] {
  return (JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path);
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*m/;

/** The SARIF 2.1.0 schema (draft-04) as published with Microsoft's SARIF SDK. */
export function sarifValidator(): { (log: unknown): boolean; errors?: unknown } {
  let Ajv04: typeof import('ajv').default;
  let schema: object;
  try {
    Ajv04 = require('ajv-draft-04');
    schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  } catch {
    throw new Error('The SARIF test needs the devDependencies ajv-draft-04 and @microsoft/jest-sarif (which ships the SARIF 2.1.0 schema).');
  }
  const isUri = (text: string) => URL.canParse(text);
  const isUriReference = (text: string) => URL.canParse(text, 'file:///base/');
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false, formats: { uri: isUri, 'uri-reference': isUriReference, 'date-time': true } });
  return ajv.compile(schema);
}

/** Markdown as a reviewer reads it once GitHub renders it: character references decoded. */
export function markdownAsSeen(markdown: string): string {
  return markdown
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * The links GitHub would make of bare text in a Markdown report (URLs,
 * `www.` after a blank or `*_~(`, e-mail addresses), leaving out the
 * report's own links to the rules' pages.
 */
export function liveLinks(markdown: string): string[] {
  const seen = markdownAsSeen(markdown).replace(/\]\(https:\/\/github\.com\/tde-tools\/tde\/[^)\s]*\)/g, '](docs)');
  return seen.match(/(?:https?|ftp):\/\/[^\s<]+|(?:^|[\s*_~(])www\.[^\s<]+|[\w.+-]@[\w-]+\.[\w.-]+/gim) ?? [];
}

/** Every expected piece is in the output; a failure names the first one missing and shows the output. */
export function assertIncludesAll(output: string, expected: readonly string[]): void {
  for (const piece of expected) assert.ok(output.includes(piece), `missing ${JSON.stringify(piece)} in:\n${output}`);
}
