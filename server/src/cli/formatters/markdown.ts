// A report a bot can post on a pull request. Text that comes from a file is
// escaped, so a value can neither break the table nor inject HTML or links.
import { problemCounts, type CheckReport } from '../report';
import { plural } from '../terminal';
import type { FormatOptions } from './index';

const SEVERITY_BADGES = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '&#124;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '*': '&#42;',
  '_': '&#95;',
  '~': '&#126;',
  '#': '&#35;',
  '!': '&#33;',
};

/** User text for one Markdown table cell or heading: inert, on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>"|`[\]\\*_~#!]/g, (ch) => ENTITIES[ch]!)
    .replace(/\r\n|\r|\n/g, '<br>')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '');
}

/** A message with its `code spans` kept as code, everything escaped. */
export function messageMarkdown(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(message); // unpaired backtick: plain text
  return parts.map((part, i) => (i % 2 ? `<code>${escapeMarkdown(part)}</code>` : escapeMarkdown(part))).join('');
}

export function formatMarkdown(report: CheckReport, _options: FormatOptions): string {
  const { summary } = report;
  const out: string[] = ['## tde report', ''];
  const total = summary.errors + summary.warnings + summary.infos;
  const withProblems = report.files.filter((f) => f.problems.length > 0);
  if (total === 0) {
    out.push(`✅ No problems${report.quiet ? ' (errors only)' : ''} in ${plural(summary.files, 'file')} checked.`);
    return `${out.join('\n')}\n`;
  }
  const icon = summary.errors ? '❌' : summary.warnings ? '⚠️' : 'ℹ️';
  out.push(`${icon} ${problemCounts(summary)} in ${withProblems.length} of ${plural(summary.files, 'file')} checked.`);
  if (summary.fixable) out.push('', `${summary.fixable} can be fixed with \`tde check --fix\`.`);
  for (const file of withProblems) {
    out.push('', `### ${escapeMarkdown(file.path)}`, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
    for (const p of file.problems) {
      const rule = `[${escapeMarkdown(p.rule)}](${encodeURI(p.docsUrl).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
      out.push(`| ${p.line}:${p.column} | ${SEVERITY_BADGES[p.severity]} | ${rule} | ${messageMarkdown(p.message)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
