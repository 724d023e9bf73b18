// The README's command summary against the CLI's own help: every command,
// and for each, every option and format its help lists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as help from '../../server/src/cli/help';
import { ROOT } from '../helpers/build';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The command line\n'), readme.indexOf('\n## ', readme.indexOf('## The command line\n') + 1));
const summary = /```text\n([\s\S]*?)```/.exec(section)![1]!;

const COMMAND_HELP = Object.fromEntries(Object.keys(help.COMMANDS).map((name) => [name, help.commandHelp(name as help.CommandName)]));

/** What the README says of a command: its lines in the summary, and the paragraph or table of its options. */
function readmeOf(command: string): string {
  const lines = summary.split('\n').filter((line) => line.startsWith(`tde ${command} `) || line === `tde ${command}`);
  const options = section.indexOf(`Options of \`tde ${command}\``);
  return [...lines, options === -1 ? '' : section.slice(options, section.indexOf('\n\n', section.indexOf('\n\n', options) + 2))].join('\n');
}

/** The long options a help text lists (`--help` aside) with their one-letter forms, and the formats after `--format NAME`. */
function optionsOf(text: string): { options: string[][]; formats: string[] } {
  const short = new Map([...text.matchAll(/(-[a-zA-Z]), (--[a-z][a-z-]*)/g)].map((m) => [m[2]!, m[1]!]));
  const long = [...new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]))].filter((o) => o !== '--help');
  const options = long.map((option) => (short.has(option) ? [option, `${short.get(option)} `] : [option]));
  const formatLines = /--format NAME\s+([^\n]*(?:\n {10,}[^-\s][^\n]*)*)/.exec(text)?.[1] ?? '';
  const formats = [...formatLines.matchAll(/\b(stylish|compact|json|sarif|github|markdown|text|html)\b/g)].map((m) => m[1]!);
  return { options, formats };
}

describe("the README's command summary", () => {
  it('names every command of tde --help, and help', () => {
    const list = help.MAIN_HELP.slice(help.MAIN_HELP.indexOf('Commands:'), help.MAIN_HELP.indexOf('Options:'));
    const commands = [...list.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!);
    assert.deepEqual(new Set(commands), new Set([...Object.keys(COMMAND_HELP), 'help']));
    for (const command of commands) assert.ok(summary.split('\n').some((line) => line.startsWith(`tde ${command} `)), `the summary lacks tde ${command}`);
    assert.match(summary, /^tde --help \| --version$/m);
  });

  for (const [command, text] of Object.entries(COMMAND_HELP)) {
    it(`lists every option and format of tde ${command}`, () => {
      const said = readmeOf(command);
      const { options, formats } = optionsOf(text);
      for (const forms of options) assert.ok(forms.some((form) => said.includes(form)), `README: tde ${command} lacks ${forms[0]}`);
      for (const format of formats) assert.ok(said.includes(format), `README: tde ${command} lacks the format ${format}`);
    });
  }
});
