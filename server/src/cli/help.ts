// Help texts. Kept apart so `tde --help` loads nothing else.

export const MAIN_HELP = `tde — check Tactical Data Engagement project files (*.tde.yaml)

Usage: tde <command> [options]

Commands:
  check [PATH|GLOB …]   check TDE files (default: every *.tde.yaml below here)
  pitch FILE            print a project's pitch and the blanks still empty
  init [FILE]           start a new project file (default: project.tde.yaml)
  rules                 list the rules with their default severities
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
      --fix              apply the fixes tde knows, then report what is left
      --fix-dry-run      show the fixes as a diff; write nothing
      --color, --no-color
                         force colors on or off (also NO_COLOR, FORCE_COLOR)
  -h, --help             show this help

Formats:
  stylish   grouped by file, for people at a terminal
  compact   one line per problem: path:line:col: severity: message [rule]
  json      every file with its problems (1-based positions) and summary
  sarif     SARIF 2.1.0, for code scanning (e.g. GitHub's upload-sarif)
  github    GitHub Actions annotations on the pull request
  markdown  a report to post as a pull request comment

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings, 2 a usage error, a configuration problem or a file that could
not be read or written. Info never fails a check.
`;

export const PITCH_HELP = `Usage: tde pitch [options] FILE

Prints the project's pitch, filled from the file, then names the blanks that
are still empty and where in the file each one is filled from.

Options:
  -f, --format NAME   text (default), markdown, html
  -h, --help          show this help
`;

export const INIT_HELP = `Usage: tde init [options] [FILE]

Writes a starter project file with a comment on each key (default:
project.tde.yaml in the current folder). Never overwrites a file.

Options:
      --title TEXT    the project's title
      --place TEXT    the city, county or agency doing the project
  -h, --help          show this help
`;

export const RULES_HELP = `Usage: tde rules [options]

Lists the rules with their default severities and what each one flags.

Options:
  -f, --format NAME   text (default), json
  -h, --help          show this help
`;
