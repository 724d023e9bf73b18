// A report a bot can post on a pull request. Text that comes from a file is
// escaped, so a value can neither break the table nor inject HTML, pings or links.
import { configChangeText, problemCounts, type CheckReport, type ReportedProblem } from '../report';
import { markdownText } from '../../engine/markdownText';
import { ESCAPED_COLON, lineSafe, plural } from '../terminal';
import type { FormatOptions } from './formatter';

const SEVERITY_BADGES = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;

/**
 * Text as the team wrote it (a title, a place, a reason, a message quoting
 * the file, a path) for one Markdown table cell, heading or sentence: inert,
 * on one line. It starts no markup, no HTML, no ping, no link and no bidi
 * reordering: a pull request from a stranger cannot put a live link or an
 * @mention in our comment. A URL still reads as written; it is not clickable.
 */
export function escapeMarkdown(text: string): string {
  return markdownText(text);
}

/**
 * User text inside `<code>…</code>`: inert Markdown and HTML on one line, and
 * no link, but zero-width spaces only where GitHub would link, so an id or a
 * path copies as written. GitHub pings and references no one from code.
 */
export function escapeCode(text: string): string {
  return markdownText(text, { inCode: true });
}

/** A message, which is plain text (values in plain quotes), escaped: nothing in it becomes live. */
function messageMarkdown(message: string): string {
  return escapeMarkdown(message);
}

/** A link to a rule's page, safe in a table cell. */
function ruleLink(rule: string, docsUrl: string): string {
  return `[${escapeMarkdown(rule)}](${encodeURI(docsUrl).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

/** A revision for Markdown: `main` (1a2b3c4), in code spans that user text cannot end. */
export function revisionMarkdown(since: { revision: string; commit: string }): string {
  const short = since.commit.slice(0, 7);
  return since.commit.startsWith(since.revision) ? `<code>${short}</code>` : `<code>${escapeCode(since.revision)}</code> (${short})`;
}

function problemRow(p: ReportedProblem, since: boolean): string {
  const cells = [`${p.line}:${p.column}`, SEVERITY_BADGES[p.severity], ruleLink(p.rule, p.docsUrl), messageMarkdown(p.message)];
  if (since) cells.push(p.baseline ? 'existing' : '🆕 new');
  return `| ${cells.join(' | ')} |`;
}

/** A table of problems (one file's), with a "new or existing" column under --since. */
export function problemTable(problems: readonly ReportedProblem[], since: boolean, lineHeading = 'Line'): string[] {
  const head = since ? `| ${lineHeading} | Severity | Rule | Message | Since base |` : `| ${lineHeading} | Severity | Rule | Message |`;
  const rule = since ? '| ---: | --- | --- | --- | --- |' : '| ---: | --- | --- | --- |';
  return [head, rule, ...problems.map((p) => problemRow(p, since))];
}

/** The problems inline comments silenced, with each comment's reason. */
function silencedTable(report: CheckReport): string[] {
  const rows = report.files.flatMap((file) =>
    file.suppressed.map((s) => `| ${escapeMarkdown(file.path)} | ${s.line}:${s.column} | ${ruleLink(s.rule, s.docsUrl)} | ${s.suppressedBy.line} | ${s.suppressedBy.reason ? escapeMarkdown(s.suppressedBy.reason) : '*no reason given*'} |`),
  );
  if (!rows.length) return [];
  return ['| File | Line | Rule | Silenced by line | Reason |', '| --- | ---: | --- | ---: | --- |', ...rows];
}

/** The body of the report, under headings of the given level. */
export function problemsMarkdown(report: CheckReport, level = 3): string[] {
  const { summary } = report;
  const hashes = '#'.repeat(level);
  const out: string[] = [];
  const total = summary.errors + summary.warnings + summary.infos;
  const withProblems = report.files.filter((f) => f.problems.length > 0);
  if (total === 0) {
    out.push(`✅ No problems${report.quiet ? ' (errors only)' : ''} in ${plural(summary.files, 'file')} checked.`);
  } else {
    const failing = summary.new ?? summary;
    const icon = failing.errors ? '❌' : failing.warnings ? '⚠️' : 'ℹ️';
    let line = `${icon} ${problemCounts(summary)} in ${withProblems.length} of ${plural(summary.files, 'file')} checked.`;
    if (summary.new && report.since) {
      const fresh = summary.new.errors + summary.new.warnings + summary.new.infos;
      line += ` **${fresh} new** since ${revisionMarkdown(report.since)} (${plural(summary.new.errors, 'error')}, ${plural(summary.new.warnings, 'warning')}), ${total - fresh} existing.`;
    }
    out.push(line);
    if (summary.fixable) out.push('', `${summary.fixable} can be fixed with \`tde check --fix\`.`);
    for (const file of withProblems) {
      out.push('', `${hashes} ${escapeMarkdown(file.path)}`, '', ...problemTable(file.problems, report.since !== undefined));
    }
  }
  const silenced = silencedTable(report);
  if (silenced.length) out.push('', `${hashes} Silenced by comments`, '', ...silenced);
  if (report.configChanges?.length) {
    out.push('', `${hashes} Configuration changed`, '');
    for (const change of report.configChanges) out.push(`* ⚠️ ${escapeMarkdown(configChangeText(change))}`);
  }
  return out;
}

export function formatMarkdown(report: CheckReport, _options: FormatOptions): string {
  return lineSafe(`${['## tde report', '', ...problemsMarkdown(report)].join('\n')}\n`, ESCAPED_COLON.markup);
}
