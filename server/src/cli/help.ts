// Help texts. Kept apart so `tde --help` loads nothing else.

export const MAIN_HELP = `tde — check Tactical Data Engagement project files (*.tde.yaml)

Usage: tde <command> [options]

Commands:
  check [PATH|GLOB …]   check TDE files (default: every *.tde.yaml below here)
  status [PATH|GLOB …]  one row per project: title, place, steps, problems
  diff BASE [HEAD]      what changed in TDE terms between git revisions
  diff OLD NEW          … or between two files
  pitch FILE            print a project's pitch and the blanks still empty
  init [FILE]           start a new project file (default: project.tde.yaml)
  rules                 list the rules with their default severities
  site --out DIR        build the public website of the projects (English, Spanish)
  ci-summary            the GitHub Action's step: annotations, SARIF, job summary
  help [COMMAND]        show help for a command

Options:
  -h, --help            show help
  -v, --version         show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or file error.
Run 'tde <command> --help' for a command's options.
`;

export const CHECK_HELP = `Usage: tde check [options] [PATH|GLOB …]

Checks TDE project files. With no PATH, every *.tde.yaml and *.tde.yml file
below the current folder, skipping .git, node_modules and what .gitignore
files exclude. A folder means the TDE files below it; a file is checked
whatever its name; a glob (quote it) means the files it matches.

Options:
  -f, --format NAME      stylish (default), compact, json, sarif, github, markdown
  -o, --output FILE      write the report to FILE instead of the terminal
      --max-warnings N   fail (exit 1) when there are more than N warnings
  -q, --quiet            report errors only
  -c, --config FILE      use this configuration instead of the nearest .tderc.yaml
      --since REV        fail only on problems new since the git revision REV
                         (matched by rule, file and YAML path; renames followed);
                         the others are listed, marked as existing
      --require-reason   a '# tde-disable…' comment without ' -- reason' is an
                         error (suppression-without-reason)
      --report-unused-disable
                         a '# tde-disable…' comment, or a rule it names, that
                         silences nothing is a warning (unused-disable)
      --no-error-on-unmatched-pattern
                         finding no TDE file (or a glob matching nothing) is
                         not an error: say so and exit 0
      --fix              apply the fixes tde knows, then report what is left
      --fix-dry-run      show the fixes as a diff; write nothing
      --color, --no-color
                         force colors on or off (also NO_COLOR, FORCE_COLOR)
      --lang LANG        the language of the messages: en or es (default: from
                         LC_ALL, LC_MESSAGES or LANG, else en); rule ids and
                         this help stay English
  -h, --help             show this help

Formats:
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
repository or an unknown revision. Info never fails a check.
`;

export const STATUS_HELP = `Usage: tde status [options] [PATH|GLOB …]

One row per project file: its title, place and iteration, the status of the
four steps (Find, Refine, Design, Implement) and its problems. Files are
found as for 'tde check'.

Options:
  -f, --format NAME   stylish (default), markdown (a table for a README or
                      a pull request), json
  -o, --output FILE   write to FILE instead of the terminal
  -c, --config FILE   use this configuration instead of the nearest .tderc.yaml
      --color, --no-color
  -h, --help          show this help
`;

export const DIFF_HELP = `Usage: tde diff [options] BASE [HEAD] [-- PATH …]
       tde diff [options] OLD_FILE NEW_FILE

Says what a change means for each TDE project: projects added and removed,
steps that moved forward or back, collaborators added or removed per step,
use cases added, removed or re-selected, tactics added or removed, the pitch
before and after, and the problems introduced and fixed.

BASE and HEAD are git revisions (branches, tags, commits); without HEAD, the
working tree (files not yet added included). Renamed files are followed.
PATHs after -- keep the files, folders or globs named. Given two files, they
are compared directly, without git.

Options:
  -f, --format NAME   stylish (default), markdown, json
  -o, --output FILE   write to FILE instead of the terminal
  -c, --config FILE   check both versions with this configuration
      --color, --no-color
  -h, --help          show this help

Exit codes: 0 the comparison was made (whatever it found), 2 a usage error,
no git repository, an unknown revision or a file that could not be read.
`;

export const CI_SUMMARY_HELP = `Usage: tde ci-summary [options] [PATH|GLOB …]

What the GitHub Action runs: checks the files, prints GitHub annotations,
writes SARIF, and appends a Markdown review to the job summary — a status
table of the projects, what the change means for each project (steps moved,
people added, the pitch now), the problems new in the change and the old
ones, and what comments silence.

Options:
      --since REV          compare with this git revision; default: the pull
                           request's base (pull_request.base.sha in the file
                           GITHUB_EVENT_PATH names), else none
      --paths TEXT         more PATHs, separated by spaces or new lines
      --fail-on LEVEL      error (default) or warning: the new problems that
                           fail the step
      --max-warnings N     also fail with more than N new warnings
      --sarif-file FILE    write SARIF 2.1.0 to FILE
      --summary-file FILE  append the Markdown to FILE (default:
                           GITHUB_STEP_SUMMARY)
      --comment-file FILE  also write the Markdown to FILE, for a pull request
                           comment (within GitHub's size limit)
      --require-reason, --report-unused-disable,
      --no-error-on-unmatched-pattern
                           as for tde check
  -c, --config FILE        use this configuration instead of the nearest .tderc.yaml
  -h, --help               show this help

When GITHUB_OUTPUT is set, writes the outputs errors, warnings, new-errors,
new-warnings and comment-file there. An option given an empty value counts
as not given, so a workflow can pass its inputs through unchanged.
`;

export const PITCH_HELP = `Usage: tde pitch [options] FILE

Prints the project's pitch, filled from the file, then names the blanks that
are still empty (a template's text left in place counts as empty) and where in
the file each one is filled from. A file that does not parse has no pitch:
tde pitch says why and exits 1.

Options:
  -f, --format NAME   text (default), markdown, html
      --lang LANG     en or es (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help          show this help
`;

export const INIT_HELP = `Usage: tde init [options] [FILE]
       tde init --next EARLIER [FILE]

Writes a starter project file with a comment on each key (default:
project.tde.yaml in the current folder). Never overwrites a file.

With --next, writes the next iteration of the project in EARLIER instead:
iteration + 1, previous set, the project and its collaborators carried
over, and the earlier file's next.opportunities as the new Find's notes
(default: beside EARLIER, named after it, e.g. riverton-2.tde.yaml).

Options:
      --title TEXT    the project's title
      --place TEXT    the city, county or agency doing the project
      --next EARLIER  start the iteration that follows EARLIER
  -h, --help          show this help
`;

export const RULES_HELP = `Usage: tde rules [options]

Lists the rules with their default severities and what each one flags.

Options:
  -f, --format NAME   text (default), json
      --lang LANG     en or es (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help          show this help
`;

export const SITE_HELP = `Usage: tde site [PATH|GLOB …] --out DIR [options]

Builds the public website of the projects: an index, a page per project and a
one-page printable sheet per project, in English and Spanish, as plain files
that work offline, from a USB stick (file://) or on any web host. Files are
found as for 'tde check'. A file that does not parse is left out and named.

Residents are named only when their entry says publish_name: true; nobody's
contact is shown (see docs/site.md).

Options:
  -o, --out DIR        the folder to write the site to (required); made if missing
      --lang LANG      en, es, or all (default: all)
      --base-url URL   the address the site is published at, for links that
                       other sites and printed sheets use
      --no-error-on-unmatched-pattern
                       finding no TDE file is not an error: build an empty site
  -h, --help           show this help

Exit codes: 0 the site was built (problems in files do not stop it), 2 a
usage error or a folder that could not be written.
`;
