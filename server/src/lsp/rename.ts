// Rename a use-case id or a collaborator name everywhere the file names it
// (the occurrences references.ts finds). Edits go through the YAML nodes, so
// comments and longer ids that merely start alike are never touched, and each
// value keeps its quoting.
import {
  ErrorCodes,
  ResponseError,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { Scalar } from 'yaml';
import { scalarText, type Node } from '../engine/document';
import { yamlValue } from '../engine/yamlValue';
import type { Analyses } from './analysis';
import { located, same, textRange } from './references';
import type { Session } from './session';
import { rangeAt } from './rangesAndEdits';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/; // non-capturing: a group overflows the regex stack on huge ids

export function providePrepareRename(session: Session, analyses: Analyses, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const found = located(session, analyses, params.textDocument.uri, params.position);
  if (!found) return null;
  const [start, end] = textRange(found.here.node);
  const lines = found.parsed.document.lines;
  return { range: rangeAt(lines, start, end - start), placeholder: scalarText(found.here.node) ?? found.here.name };
}

export function provideRename(session: Session, analyses: Analyses, params: RenameParams): WorkspaceEdit | null {
  const found = located(session, analyses, params.textDocument.uri, params.position);
  if (!found) return null;
  const { all, here, parsed, document } = found;
  const newName = params.newName.trim();
  if (here.kind === 'use-case') {
    if (!KEBAB.test(newName)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `\`${params.newName}\` is not a valid use-case id: use kebab-case, lowercase letters and digits joined by hyphens (for example \`tenant-rights-map\`).`);
    }
    if (newName !== here.name && all.some((o) => o.kind === 'use-case' && o.declaration && o.name === newName)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `A use case with the id \`${newName}\` already exists.`);
    }
  } else if (!newName || /[\r\n]/.test(newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'A collaborator name is one line of text.');
  }
  const lines = parsed.document.lines;
  const edits: TextEdit[] = all.filter((o) => same(o, here)).map((o) => {
    const [start, end, newText] = replacement(parsed.document.text, o.node, newName);
    return { range: rangeAt(lines, start, end - start), newText };
  });
  if (session.support.documentChanges) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  return { changes: { [document.uri]: edits } };
}

/** Replace a scalar's text, keeping its quoting; a plain scalar gets quotes only if the new text needs them. */
function replacement(text: string, node: Node, value: string): [number, number, string] {
  const scalar = node as Scalar;
  const [start, end] = node.range!;
  switch (scalar.type) {
    case Scalar.QUOTE_DOUBLE:
      return [start + 1, end - 1, JSON.stringify(value).slice(1, -1)];
    case Scalar.QUOTE_SINGLE:
      return [start + 1, end - 1, value.replace(/'/g, "''")];
    case Scalar.PLAIN:
      return [start, end, yamlValue(value)];
    default: {
      // A block scalar: replace it with a quoted one, keeping the line break after it.
      let e = end;
      while (e > start && /\s/.test(text[e - 1]!)) e--;
      return [start, e, JSON.stringify(value)];
    }
  }
}
