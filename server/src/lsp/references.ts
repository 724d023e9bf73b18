// Go to definition, find references and rename for the two kinds of names a
// TDE file refers to: use-case ids (defined in refine.use_cases, named by
// design.selected_use_case and refine.result.promising_use_cases) and
// collaborator names (defined in a step's collaborators, named by
// design.feedback[].from and design.result.approved_by). Edits go through the
// YAML nodes, so comments and longer ids that merely start alike are never touched.
import {
  ErrorCodes,
  ResponseError,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { Scalar } from 'yaml';
import type { TdeModel } from '../engine';
import { isScalar, scalarText, type Node } from '../engine/document';
import { designNameRefs, sameName } from '../engine/designFeedback';
import { useCaseRefs } from '../engine/useCaseRefs';
import type { Analyses } from './analysis';
import type { Session } from './session';
import { rangeAt } from './text';
import { yamlValue } from '../engine/yamlValue';

interface Occurrence {
  kind: 'use-case' | 'collaborator';
  name: string;
  node: Node;
  declaration: boolean;
  /** For a collaborator's own `name:`: its step. References name Design's collaborators. */
  step: string;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/; // non-capturing: a group overflows the regex stack on huge ids

/** Every use-case id and collaborator name in the file, in file order. */
function occurrences(model: TdeModel): Occurrence[] {
  const out: Occurrence[] = [];
  for (const useCase of model.useCases()) {
    if (useCase.id && useCase.idNode && isScalar(useCase.idNode)) out.push({ kind: 'use-case', name: useCase.id, node: useCase.idNode, declaration: true, step: 'refine' });
  }
  for (const ref of useCaseRefs(model)) out.push({ kind: 'use-case', name: ref.id, node: ref.node, declaration: false, step: 'design' });
  for (const step of model.steps) {
    for (const collaborator of model.collaborators(step)) {
      const node = collaborator.nameNode;
      if (collaborator.name && node && isScalar(node)) out.push({ kind: 'collaborator', name: collaborator.name, node, declaration: true, step: step.id });
    }
  }
  for (const ref of designNameRefs(model)) {
    if (isScalar(ref.node)) out.push({ kind: 'collaborator', name: ref.name.trim(), node: ref.node, declaration: false, step: 'design' });
  }
  return out.sort((a, b) => a.node.range![0] - b.node.range![0]);
}

function same(a: Occurrence, b: Occurrence): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'use-case' ? a.name === b.name : sameName(a.name, b.name);
}

function located(session: Session, analyses: Analyses, uri: string, position: { line: number; character: number }) {
  const document = session.tdeDocument(uri);
  if (!document) return undefined;
  const parsed = analyses.parsed(document);
  if (!parsed.model) return undefined;
  const offset = parsed.document.lines.offsetAt(position);
  const all = occurrences(parsed.model);
  const here = all.find((o) => o.node.range && offset >= o.node.range[0] && offset <= o.node.range[1]);
  return here ? { document, parsed, all, here } : undefined;
}

/** The range of a scalar's text: inside its quotes; a block scalar's whole value. */
function textRange(node: Node): [number, number] {
  const [start, end] = node.range!;
  const scalar = node as Scalar;
  if (scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE) return [start + 1, Math.max(start + 1, end - 1)];
  return [start, end];
}

export function provideDefinition(session: Session, analyses: Analyses, params: DefinitionParams): Location[] | null {
  const found = located(session, analyses, params.textDocument.uri, params.position);
  if (!found) return null;
  const { all, here, parsed, document } = found;
  // A use case is defined once in Refine; a name in Design's feedback or approvals by Design's collaborators.
  const definitions = all.filter((o) => o.declaration && same(o, here) && (here.kind === 'use-case' || o.step === (here.declaration ? here.step : 'design')));
  if (!definitions.length) return null;
  return definitions.map((o) => ({ uri: document.uri, range: rangeOfNode(parsed.document.lines, o.node) }));
}

export function provideReferences(session: Session, analyses: Analyses, params: ReferenceParams): Location[] | null {
  const found = located(session, analyses, params.textDocument.uri, params.position);
  if (!found) return null;
  const { all, here, parsed, document } = found;
  return all
    .filter((o) => same(o, here) && (params.context.includeDeclaration || !o.declaration))
    .map((o) => ({ uri: document.uri, range: rangeOfNode(parsed.document.lines, o.node) }));
}

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

function rangeOfNode(lines: Parameters<typeof rangeAt>[0], node: Node): Range {
  const [start, end] = textRange(node);
  return rangeAt(lines, start, end - start);
}
