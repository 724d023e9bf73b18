// Shape checks for what the server sends on the custom `tde/*` messages.
// The server is ours, but a version mismatch (an old server bundled with a new
// client) should degrade to "nothing to show", not to exceptions in the UI.
import type { ConfigurationIssues, DocumentInfo, LspRange, RevealBlankResult } from '../../server/src/shared/protocol';

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isLspRange(value: unknown): value is LspRange {
  if (!isDict(value) || !isDict(value.start) || !isDict(value.end)) return false;
  return isCount(value.start.line) && isCount(value.start.character) && isCount(value.end.line) && isCount(value.end.character);
}

export function isDocumentInfo(value: unknown): value is DocumentInfo {
  if (!isDict(value) || !isString(value.uri) || typeof value.version !== 'number') return false;
  if (!Array.isArray(value.steps) || !value.steps.every((s) => isDict(s) && isString(s.id) && isString(s.title) && isString(s.status))) return false;
  if (!Array.isArray(value.problems) || !value.problems.every((p) => isDict(p) && isString(p.rule) && isString(p.message) && isLspRange(p.range))) return false;
  const pitch = value.pitch;
  if (!isDict(pitch) || !Array.isArray(pitch.segments) || !Array.isArray(pitch.blanks) || !isString(pitch.markdown)) return false;
  if (!pitch.segments.every((s) => isDict(s) && isString(s.text))) return false;
  return pitch.blanks.every((b) => isDict(b) && isString(b.key) && isString(b.label) && typeof b.empty === 'boolean');
}

export function isRevealBlankResult(value: unknown): value is RevealBlankResult {
  if (!isDict(value) || !isLspRange(value.selection)) return false;
  if (value.snippet !== undefined && !isString(value.snippet)) return false;
  if (value.edit === undefined || value.edit === null) return true;
  return isDict(value.edit) && isLspRange(value.edit.range) && isString(value.edit.newText);
}

export function isConfigurationIssues(value: unknown): value is ConfigurationIssues {
  if (!isDict(value) || !isString(value.file) || !Array.isArray(value.issues)) return false;
  return value.issues.every((issue) => isDict(issue) && isString(issue.message) && (issue.line === undefined || isCount(issue.line)));
}
