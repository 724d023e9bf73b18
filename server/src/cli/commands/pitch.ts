// `tde pitch FILE`: the worksheet's pitch as the file fills it, and which
// blanks are still empty, as text, Markdown or an HTML snippet.
import * as path from 'node:path';
import { check, parseTde, buildModel, buildPitch, pitchParagraphMarkdown, type Pitch, type PitchBlank } from '../../engine';
import { printable } from '../commandLine';
import type { InputOf } from '../help';
import { chosenLanguage } from '../language';
import { CliError, ExitCode, type CliIO } from '../world';
import { readTdeFile } from '../readTdeFile';
import { escapeMarkdown } from '../formatters/markdown';
import { ESCAPED_COLON, lineSafe, terminalSafe } from '../terminal';
import { escapeHtml } from '../../engine/html';

/** "find.result.focus_area" */
function where(blank: PitchBlank): string {
  return blank.path.join('.');
}

function emptyBlanks(pitch: Pitch): PitchBlank[] {
  return pitch.emptyBlanks.map((label) => pitch.blanks.find((b) => b.label === label)!).filter(Boolean);
}

function pitchText(pitch: Pitch): string {
  const empty = emptyBlanks(pitch);
  const status = empty.length
    ? `Still blank: ${empty.map((b) => `${b.label} (${where(b)})`).join(', ')}`
    : 'Every blank is filled.';
  // The pitch leads its line: a template starting `::error::` must not be a workflow command.
  return `${lineSafe(terminalSafe(pitch.text))}\n\n${status}\n`;
}

/** "Still blank: …" or "Every blank is filled.", in Markdown. */
export function pitchStatusMarkdown(pitch: Pitch): string {
  const empty = emptyBlanks(pitch);
  return empty.length
    ? `Still blank: ${empty.map((b) => `${b.label} (\`${where(b)}\`)`).join(', ')}`
    : 'Every blank is filled.';
}

function pitchMarkdown(pitch: Pitch): string {
  return `## Pitch\n\n${lineSafe(pitchParagraphMarkdown(pitch, escapeMarkdown), ESCAPED_COLON.markup)}\n\n${pitchStatusMarkdown(pitch)}\n`;
}

function pitchHtml(pitch: Pitch): string {
  const body = pitch.segments
    .map((s) => {
      if (!s.blank) return escapeHtml(s.text);
      const state = s.empty ? 'tde-blank tde-blank-empty' : 'tde-blank tde-blank-filled';
      return `<span class="${state}" data-blank="${escapeHtml(s.blank)}">${escapeHtml(s.text)}</span>`;
    })
    .join('');
  const empty = emptyBlanks(pitch);
  const status = empty.length
    ? `Still blank: ${empty.map((b) => `<span class="tde-blank-name">${escapeHtml(b.label)}</span> (<code>${escapeHtml(where(b))}</code>)`).join(', ')}`
    : 'Every blank is filled.';
  // The pitch's own line breaks are kept: a line of it must not be a workflow command when printed.
  return lineSafe([
    '<section class="tde-pitch">',
    '<style>.tde-pitch .tde-blank-filled{font-weight:600}.tde-pitch .tde-blank-empty{background:#fff3cd;color:#664d03;padding:0 .2em;border-radius:.2em}</style>',
    `<p class="tde-pitch-text">${body}</p>`,
    `<p class="tde-pitch-status">${status}</p>`,
    '</section>',
    '',
  ].join('\n'), ESCAPED_COLON.markup);
}

export async function pitchCommand({ options, operands }: InputOf<'pitch'>, io: CliIO): Promise<ExitCode> {
  const language = chosenLanguage(options.lang, io.env);
  if (operands.length !== 1) throw new CliError(`tde pitch takes one file (see tde pitch --help)`);
  const file = operands[0]!;
  const read = readTdeFile(path.resolve(io.cwd, file), file, io);
  if (!read.ok) throw new CliError(`${printable(file)}:${read.problem.line}:${read.problem.column}: ${printable(read.problem.message)}`);
  const text = read.text;
  const document = parseTde(text);
  const parses = document.root !== undefined && document.syntaxIssues.length === 0;
  if (!parses) {
    // No pitch from a file that does not parse: say why, in check's words, and fail.
    const problems = check(text, { fileName: file, language }).problems;
    const first = problems[0];
    const at = first ? document.lines.positionAt(first.offset) : { line: 0, character: 0 };
    const more = problems.length > 1 ? ` (${problems.length - 1} more: run 'tde check ${printable(file)}')` : '';
    io.stderr(`tde: ${printable(file)} has no pitch until it parses: ${printable(file)}:${at.line + 1}:${at.character + 1}: ${printable(first?.message ?? 'it is not a TDE file')}${more}\n`);
    return ExitCode.Problems;
  }
  const pitch = buildPitch(buildModel(document, document.root), language);
  const render = { text: pitchText, markdown: pitchMarkdown, html: pitchHtml }[options.format];
  io.stdout(render(pitch));
  return ExitCode.Clean;
}
