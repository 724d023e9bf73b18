// SARIF 2.1.0, for code scanning: every rule in tool.driver, one result per
// problem, silenced problems as results with an in-source suppression (and
// its reason as the justification), and with --since a baselineState.
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ruleDocsUrl, type Rule } from '../../engine';
import { ruleDescription } from '../../engine/rule';
import { DIRECTIVE_CHECKS } from '../../engine/review';
import { HOMEPAGE } from '../version';
import type { CheckReport, FileReport, Region, ReportedChange, ReportedProblem } from '../report';
import { jsonText } from '../terminal';
import type { FormatOptions } from './formatter';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A relative path as a URI reference: each segment percent-encoded. */
function relativeUri(path: string): string {
  return path.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

function region(r: Region) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function physicalLocation(uri: string, index: number, r: Region) {
  return { artifactLocation: { uri, uriBaseId: '%SRCROOT%', index }, region: region(r) };
}

function ruleDescriptor(rule: Rule) {
  const defaults = rule.defaultSeverityText ? ` Default severity: ${rule.defaultSeverityText.replace(/`/g, '')}.` : '';
  return {
    id: rule.id,
    shortDescription: { text: ruleDescription(rule.id) },
    fullDescription: { text: `${ruleDescription(rule.id)}${defaults}` },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { fixable: !!rule.fixable, suggests: !!rule.suggests },
  };
}

function sarifFix(uri: string, index: number, fix: ReportedChange) {
  return {
    description: { text: fix.title },
    artifactChanges: [{
      artifactLocation: { uri, uriBaseId: '%SRCROOT%', index },
      replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit), insertedContent: { text: edit.newText } })),
    }],
  };
}

/** The checks of inline comments are described only when a result needs them. */
function descriptors(report: CheckReport, rules: readonly Rule[]): object[] {
  const used = new Set(report.files.flatMap((file) => file.problems.map((p) => p.rule)));
  const extra = DIRECTIVE_CHECKS.filter((check) => used.has(check.id)).map((check) => ({
    id: check.id,
    shortDescription: { text: check.description },
    fullDescription: { text: check.description },
    helpUri: check.docsUrl,
    defaultConfiguration: { level: LEVELS[check.severity] },
    properties: { fixable: false, suggests: false },
  }));
  return [...rules.map(ruleDescriptor), ...extra];
}

/**
 * GitHub code scanning's limits on an upload ("SARIF support for code
 * scanning"): over them it rejects the whole file. One run per file here, and
 * one location per result; related locations are held to the same 1,000.
 */
export const SARIF_LIMITS = {
  resultsPerRun: 25_000,
  locationsPerResult: 1_000,
  /** The upload, gzipped. */
  gzipBytes: 10 * 1024 * 1024,
} as const;

/** Which results a capped run keeps first: errors, warnings, notes, then silenced problems. */
const RANK = { error: 0, warning: 1, info: 2 } as const;
const SILENCED_RANK = 3;

interface RankedResult {
  result: object;
  rank: number;
}

function n(count: number): string {
  return count.toLocaleString('en');
}

export function formatSarif(report: CheckReport, { rules, warn }: FormatOptions): string {
  const driverRules = descriptors(report, rules);
  const ruleIndex = new Map(driverRules.map((rule, index) => [(rule as { id: string }).id, index]));
  const ranked: RankedResult[] = [];
  let relatedLeftOut = 0;
  report.files.forEach((file, artifactIndex) => {
    const uri = relativeUri(file.path);
    const fingerprints = fingerprinter(file);
    const result = (problem: ReportedProblem, suppression?: object) => {
      const related = problem.related?.slice(0, SARIF_LIMITS.locationsPerResult);
      relatedLeftOut += (problem.related?.length ?? 0) - (related?.length ?? 0);
      return {
        ruleId: problem.rule,
        ...(ruleIndex.has(problem.rule) ? { ruleIndex: ruleIndex.get(problem.rule) } : {}),
        level: LEVELS[problem.severity],
        message: { text: problem.message },
        locations: [{ physicalLocation: physicalLocation(uri, artifactIndex, problem) }],
        ...(related
          ? {
              relatedLocations: related.map((location, id) => ({
                id,
                physicalLocation: physicalLocation(uri, artifactIndex, location),
                message: { text: location.message },
              })),
            }
          : {}),
        // SARIF's `fixes` are changes a tool may apply: the fix only, never a suggestion.
        ...(problem.fix ? { fixes: [sarifFix(uri, artifactIndex, problem.fix)] } : {}),
        partialFingerprints: { 'tdeProblem/v1': fingerprints(problem) },
        ...(problem.baseline !== undefined ? { baselineState: problem.baseline ? 'unchanged' : 'new' } : {}),
        ...(suppression ? { suppressions: [suppression] } : {}),
      };
    };
    for (const problem of file.problems) ranked.push({ result: result(problem), rank: RANK[problem.severity] });
    for (const silenced of file.suppressed) {
      ranked.push({
        rank: SILENCED_RANK,
        result: result(silenced, {
          kind: 'inSource',
          ...(silenced.suppressedBy.reason ? { justification: silenced.suppressedBy.reason } : {}),
          location: {
            physicalLocation: physicalLocation(uri, artifactIndex, {
              line: silenced.suppressedBy.line,
              column: silenced.suppressedBy.column,
              endLine: silenced.suppressedBy.line,
              endColumn: silenced.suppressedBy.column,
            }),
          },
        }),
      });
    }
  });

  const log = (results: object[], notes: string[]) => ({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tde',
            version: report.version,
            semanticVersion: report.version,
            informationUri: HOMEPAGE,
            rules: driverRules,
          },
        },
        // Only when something was left out, so that a complete report says nothing of it.
        ...(notes.length
          ? {
              invocations: [{
                executionSuccessful: true,
                toolExecutionNotifications: notes.map((text) => ({ descriptor: { id: 'results-left-out' }, level: 'warning', message: { text } })),
              }],
            }
          : {}),
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(report.cwd).href.replace(/\/?$/, '/')}` } },
        artifacts: report.files.map((file) => ({
          location: { uri: relativeUri(file.path), uriBaseId: '%SRCROOT%' },
          mimeType: 'application/yaml',
        })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  });

  // Keep the most severe first, and among equals the report's order (file, then line).
  const order = ranked.map((_, index) => index).sort((a, b) => ranked[a]!.rank - ranked[b]!.rank || a - b);
  let keep = Math.min(ranked.length, SARIF_LIMITS.resultsPerRun);
  for (;;) {
    const kept = keep === ranked.length ? ranked.map((r) => r.result) : order.slice(0, keep).sort((a, b) => a - b).map((index) => ranked[index]!.result);
    const notes: string[] = [];
    if (keep < ranked.length) {
      const why = keep < SARIF_LIMITS.resultsPerRun
        ? `a file GitHub code scanning takes (${n(SARIF_LIMITS.gzipBytes / 1024 / 1024)} MB gzipped)`
        : `a run GitHub code scanning takes (${n(SARIF_LIMITS.resultsPerRun)} results)`;
      notes.push(`${n(ranked.length)} results are more than ${why}: the ${n(keep)} most severe are here (errors, then warnings, then notes, then silenced problems, each in file and line order) and ${n(ranked.length - keep)} are left out. Run \`tde check\` to see them all.`);
    }
    if (relatedLeftOut) notes.push(`${n(relatedLeftOut)} related locations are left out: a result lists at most ${n(SARIF_LIMITS.locationsPerResult)}.`);
    const text = jsonText(log(kept, notes));
    // Gzipped, the text is smaller still: measure that only when the text alone is over the limit.
    const gzipped = Buffer.byteLength(text) <= SARIF_LIMITS.gzipBytes ? 0 : gzipSync(text).length;
    if (gzipped > SARIF_LIMITS.gzipBytes && keep > 0) {
      keep = Math.min(keep - 1, Math.floor((keep * SARIF_LIMITS.gzipBytes * 0.9) / gzipped));
      continue;
    }
    for (const note of notes) warn?.(`SARIF: ${note}`);
    return text;
  }
}

/**
 * Fingerprints that survive edits elsewhere in the file: the rule, the file
 * and the YAML path, plus a count when one node has several problems of a rule.
 */
function fingerprinter(file: FileReport): (problem: ReportedProblem) => string {
  const seen = new Map<string, number>();
  return (problem) => {
    const key = [problem.rule, file.path, problem.yamlPath.join('/')].join('|');
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}|${count}`;
  };
}
