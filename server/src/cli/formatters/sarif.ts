// SARIF 2.1.0, for code scanning: every rule in tool.driver, one result per
// problem, silenced problems as results with an in-source suppression (and
// its reason as the justification), and with --since a baselineState.
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl, type Rule } from '../../engine';
import { DIRECTIVE_CHECKS } from '../../engine/review';
import { HOMEPAGE } from '../version';
import type { CheckReport, FileReport, Region, ReportedProblem } from '../report';
import type { FormatOptions } from './index';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A relative path as a URI reference: each segment percent-encoded. */
export function relativeUri(path: string): string {
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
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}${defaults}` },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { fixable: rule.fixable },
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
    properties: { fixable: false },
  }));
  return [...rules.map(ruleDescriptor), ...extra];
}

export function formatSarif(report: CheckReport, { rules }: FormatOptions): string {
  const driverRules = descriptors(report, rules);
  const ruleIndex = new Map(driverRules.map((rule, index) => [(rule as { id: string }).id, index]));
  const results: object[] = [];
  report.files.forEach((file, artifactIndex) => {
    const uri = relativeUri(file.path);
    const fingerprints = fingerprinter(file);
    const result = (problem: ReportedProblem, suppression?: object) => ({
      ruleId: problem.rule,
      ...(ruleIndex.has(problem.rule) ? { ruleIndex: ruleIndex.get(problem.rule) } : {}),
      level: LEVELS[problem.severity],
      message: { text: problem.message },
      locations: [{ physicalLocation: physicalLocation(uri, artifactIndex, problem) }],
      ...(problem.related
        ? {
            relatedLocations: problem.related.map((related, id) => ({
              id,
              physicalLocation: physicalLocation(uri, artifactIndex, related),
              message: { text: related.message },
            })),
          }
        : {}),
      partialFingerprints: { 'tdeProblem/v1': fingerprints(problem) },
      ...(problem.baseline !== undefined ? { baselineState: problem.baseline ? 'unchanged' : 'new' } : {}),
      ...(suppression ? { suppressions: [suppression] } : {}),
    });
    for (const problem of file.problems) results.push(result(problem));
    for (const silenced of file.suppressed) {
      results.push(result(silenced, {
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
      }));
    }
  });
  const log = {
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
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(report.cwd).href.replace(/\/?$/, '/')}` } },
        artifacts: report.files.map((file) => ({
          location: { uri: relativeUri(file.path), uriBaseId: '%SRCROOT%' },
          mimeType: 'application/yaml',
        })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
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
