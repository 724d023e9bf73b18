// Every command as declared: its options (read by commandLine.ts) and the help
// texts built from them. Kept apart so `tde --help` loads nothing else.
import { defineCommand, HELP_OPTION, longName, type CommandDeclaration, type CommandInput, type OptionDeclaration } from './commandLine';
import { DIFF_FORMATS, FORMAT_NAMES, STATUS_FORMATS } from './formatters/names';
import type { CliIO, ExitCode } from './world';

const output = { short: 'o', value: 'FILE', help: 'write the report to FILE instead of the terminal' } as const;
const config = { short: 'c', value: 'FILE', help: 'use this configuration instead of the nearest .tderc.yaml' } as const;
const color = { negatable: true, help: 'force colors on or off (also NO_COLOR, FORCE_COLOR)' } as const;
const maxWarnings = { value: 'N', count: true, help: 'fail (exit 1) when there are more than N warnings' } as const;
const requireReason = { help: "a '# tde-disable…' comment without ' -- reason' is an\nerror (suppression-without-reason)" } as const;
const reportUnusedDisable = { help: "a '# tde-disable…' comment, or a rule it names, that\nsilences nothing is a warning (unused-disable)" } as const;
const lang = { value: 'LANG', help: 'en or es (default: from LC_ALL, LC_MESSAGES or LANG)' } as const;
const noErrorOnUnmatchedPattern = { help: 'finding no TDE file (or a glob matching nothing) is\nnot an error: say so and exit 0' } as const;

export const COMMANDS = {
  check: defineCommand({
    summary: [['check [PATH|GLOB …]', 'check TDE files (default: every *.tde.yaml below here)']],
    usage: ['[options] [PATH|GLOB …]'],
    about: `Checks TDE project files. With no PATH, every *.tde.yaml and *.tde.yml file
below the current folder, skipping .git, node_modules and what .gitignore
files exclude. A folder means the TDE files below it; a file is checked
whatever its name; a glob (quote it) means the files it matches.`,
    options: {
      format: { short: 'f', value: 'NAME', formats: FORMAT_NAMES, default: 'stylish', help: 'stylish (default), compact, json, sarif, github, markdown' },
      output,
      maxWarnings,
      quiet: { short: 'q', help: 'report errors only' },
      config,
      since: {
        value: 'REV',
        help: 'fail only on problems new since the git revision REV\n(matched by rule, file and YAML path; renames followed);\nthe others are listed, marked as existing',
      },
      requireReason,
      reportUnusedDisable,
      noErrorOnUnmatchedPattern,
      fix: { help: 'apply the fixes tde knows, then report what is left' },
      fixDryRun: { help: 'show the fixes as a diff; write nothing' },
      color,
      lang: { value: 'LANG', help: 'the language of the messages: en or es (default: from\nLC_ALL, LC_MESSAGES or LANG, else en); rule ids and\nthis help stay English' },
    },
    footer: `Formats:
  stylish   grouped by file, for people at a terminal
  compact   one line per problem: path:line:col: severity: message [rule]
  json      every file with its problems (1-based positions) and summary
  sarif     SARIF 2.1.0, for code scanning (e.g. GitHub's upload-sarif)
  github    GitHub Actions annotations on the pull request
  markdown  a report to post as a pull request comment

Every format also lists the problems that '# tde-disable…' comments silence,
with the reason each comment gives.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings (with --since: new ones), 2 a usage error, a configuration
problem, a file that could not be read or written, or (with --since) no git
repository or an unknown revision. Info never fails a check.`,
  }),
  status: defineCommand({
    summary: [['status [PATH|GLOB …]', 'one row per project: title, place, steps, problems']],
    usage: ['[options] [PATH|GLOB …]'],
    about: `One row per project file: its title, place and iteration, the status of the
four steps (Find, Refine, Design, Implement) and its problems. Files are
found as for 'tde check'.`,
    options: {
      format: {
        short: 'f', value: 'NAME', formats: STATUS_FORMATS, formatKind: 'status format', default: 'stylish',
        help: 'stylish (default), markdown (a table for a README or\na pull request), json',
      },
      output,
      config,
      color,
    },
  }),
  diff: defineCommand({
    summary: [['diff BASE [HEAD]', 'what changed in TDE terms between git revisions'], ['diff OLD NEW', '… or between two files']],
    usage: ['[options] BASE [HEAD] [-- PATH …]', '[options] OLD_FILE NEW_FILE'],
    about: `Says what a change means for each TDE project: projects added and removed,
steps that moved forward or back, collaborators added or removed per step,
use cases added, removed or re-selected, tactics added or removed, the pitch
before and after, and the problems introduced and fixed.

BASE and HEAD are git revisions (branches, tags, commits); without HEAD, the
working tree (files not yet added included). Renamed files are followed.
PATHs after -- keep the files, folders or globs named. Given two files, they
are compared directly, without git.`,
    options: {
      format: { short: 'f', value: 'NAME', formats: DIFF_FORMATS, formatKind: 'diff format', default: 'stylish', help: 'stylish (default), markdown, json' },
      output,
      config: { ...config, help: 'check both versions with this configuration' },
      color,
    },
    pathsAfterDashes: true,
    footer: `Exit codes: 0 the comparison was made (whatever it found), 2 a usage error,
no git repository, an unknown revision or a file that could not be read.`,
  }),
  pitch: defineCommand({
    summary: [['pitch FILE', "print a project's pitch and the blanks still empty"]],
    usage: ['[options] FILE'],
    about: `Prints the project's pitch, filled from the file, then names the blanks that
are still empty (a template's text left in place counts as empty) and where in
the file each one is filled from. A file that does not parse has no pitch:
tde pitch says why and exits 1.`,
    options: {
      format: { short: 'f', value: 'NAME', formats: ['text', 'markdown', 'html'], formatKind: 'pitch format', default: 'text', help: 'text (default), markdown, html' },
      lang,
    },
  }),
  init: defineCommand({
    summary: [['init [FILE]', 'start a new project file (default: project.tde.yaml)']],
    usage: ['[options] [FILE]', '--next EARLIER [FILE]'],
    about: `Writes a starter project file with a comment on each key (default:
project.tde.yaml in the current folder). Never overwrites a file.

With --next, writes the next iteration of the project in EARLIER instead:
iteration + 1, previous set, the project and its collaborators carried
over, and the earlier file's next.opportunities as the new Find's notes
(default: beside EARLIER, named after it, e.g. riverton-2.tde.yaml).`,
    options: {
      title: { value: 'TEXT', help: "the project's title" },
      place: { value: 'TEXT', help: 'the city, county or agency doing the project' },
      next: { value: 'EARLIER', help: 'start the iteration that follows EARLIER' },
    },
  }),
  rules: defineCommand({
    summary: [['rules', 'list the rules with their default severities']],
    usage: ['[options]'],
    about: 'Lists the rules with their default severities and what each one flags.',
    options: {
      format: { short: 'f', value: 'NAME', formats: ['text', 'json'], formatKind: 'rules format', default: 'text', help: 'text (default), json' },
      lang,
    },
  }),
  site: defineCommand({
    summary: [['site --out DIR', 'build the public website of the projects (English, Spanish)']],
    usage: ['[PATH|GLOB …] --out DIR [options]'],
    about: `Builds the public website of the projects: an index, a page per project and a
one-page printable sheet per project, in English and Spanish, as plain files
that work offline, from a USB stick (file://) or on any web host. Files are
found as for 'tde check'. A file that does not parse is left out and named.

Residents are named only when their entry says publish_name: true; nobody's
contact is shown (see docs/site.md).`,
    options: {
      out: { short: 'o', value: 'DIR', help: 'the folder to write the site to (required); made if\nmissing, inside a folder that exists' },
      lang: { value: 'LANG', help: 'en, es, or all (default: all)' },
      baseUrl: { value: 'URL', help: 'the address the site is published at, for links that\nother sites and printed sheets use' },
      noErrorOnUnmatchedPattern: { help: 'finding no TDE file is not an error: build an empty site' },
    },
    footer: `Exit codes: 0 the site was built (problems in files do not stop it), 2 a
usage error or a folder that could not be written.`,
  }),
  'ci-summary': defineCommand({
    summary: [['ci-summary', "the GitHub Action's step: annotations, SARIF, job summary"]],
    usage: ['[options] [PATH|GLOB …]'],
    about: `What the GitHub Action runs: checks the files, prints GitHub annotations,
writes SARIF, and appends a Markdown review to the job summary — a status
table of the projects, what the change means for each project (steps moved,
people added, the pitch now), the problems new in the change and the old
ones, and what comments silence.`,
    options: {
      since: {
        value: 'REV',
        help: "compare with this git revision; default: the pull\nrequest's base (pull_request.base.sha in the file\nGITHUB_EVENT_PATH names), else none",
      },
      paths: { value: 'TEXT', help: 'more PATHs, separated by spaces or new lines' },
      failOn: { value: 'LEVEL', choices: ['error', 'warning'], default: 'error', help: 'error (default) or warning: the new problems that\nfail the step' },
      maxWarnings: { ...maxWarnings, help: 'also fail with more than N new warnings' },
      sarifFile: { value: 'FILE', help: 'write SARIF 2.1.0 to FILE' },
      summaryFile: { value: 'FILE', help: 'append the Markdown to FILE (default:\nGITHUB_STEP_SUMMARY)' },
      commentFile: { value: 'FILE', help: 'also write the Markdown to FILE, for a pull request\ncomment (within GitHub\'s size limit)' },
      requireReason: { help: 'as for tde check' },
      reportUnusedDisable: { help: 'as for tde check' },
      noErrorOnUnmatchedPattern: { help: 'as for tde check' },
      config,
    },
    blankIsAbsent: true,
    footer: `When GITHUB_OUTPUT is set, writes the outputs errors, warnings, new-errors,
new-warnings and comment-file there. An option given an empty value counts
as not given, so a workflow can pass its inputs through unchanged.`,
  }),
};

export type CommandName = keyof typeof COMMANDS;
type OptionsOf<N extends CommandName> = (typeof COMMANDS)[N]['options'];

/** The same declarations, each seen through its own name (so a generic name keeps its options' types). */
export const DECLARATIONS: { [N in CommandName]: CommandDeclaration<OptionsOf<N>> } = COMMANDS;

/** What a command's run function is given: its declared options, typed. */
export type InputOf<N extends CommandName> = CommandInput<OptionsOf<N>>;

/** A command's work, once its arguments are read. */
export type CommandRun<N extends CommandName> = (input: InputOf<N>, io: CliIO) => Promise<ExitCode>;

export function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/** The column where an option's words start, and the longest label kept on the same line. */
const LABEL_WIDTH = 21;

/** Lines laid out in two columns: a label, then words (on the next line when the label is long). */
function twoColumns(rows: readonly (readonly [string, string])[], width: number, least = 0): string {
  const fitting = rows.map(([label]) => label.length).filter((length) => length <= width);
  const column = Math.max(...fitting, least - 2) + 2;
  return rows
    .flatMap(([label, words]) => {
      const [first, ...rest] = words.split('\n');
      const more = rest.map((line) => `  ${' '.repeat(column)}${line}`);
      return label.length <= width
        ? [`  ${label.padEnd(column)}${first}`, ...more]
        : [`  ${label}`, `  ${' '.repeat(column)}${first}`, ...more];
    })
    .join('\n');
}

function optionLabel(key: string, option: OptionDeclaration): string {
  const long = `--${longName(key)}${'value' in option ? ` ${option.value}` : ''}`;
  if ('negatable' in option && option.negatable) return `    ${long}, --no-${longName(key)}`;
  return option.short ? `-${option.short}, ${long}` : `    ${long}`;
}

function commandHelpText(name: string, command: CommandDeclaration): string {
  const usage = command.usage.map((line, i) => `${i === 0 ? 'Usage: ' : '       '}tde ${name} ${line}`.trimEnd());
  const rows = [...Object.entries(command.options), ['help', HELP_OPTION] as const].map(([key, option]) => [optionLabel(key, option), option.help] as const);
  return [usage.join('\n'), command.about, `Options:\n${twoColumns(rows, LABEL_WIDTH)}`, ...(command.footer ? [command.footer] : [])].join('\n\n') + '\n';
}

/** `tde COMMAND --help`. */
export function commandHelp(name: CommandName): string {
  return commandHelpText(name, COMMANDS[name]);
}

/** `tde --help`: every command in a line or two. */
export const MAIN_HELP = `tde — check Tactical Data Engagement project files (*.tde.yaml)

Usage: tde <command> [options]

Commands:
${twoColumns([...Object.values(COMMANDS).flatMap((command) => command.summary), ['help [COMMAND]', 'show help for a command']], LABEL_WIDTH)}

Options:
${twoColumns([['-h, --help', 'show help'], ['-v, --version', 'show the version']], LABEL_WIDTH, 22)}

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or file error.
Run 'tde <command> --help' for a command's options.
`;
