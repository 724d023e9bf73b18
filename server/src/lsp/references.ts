// Go to definition and find references for the two kinds of names a TDE file
// refers to: use-case ids (defined in refine.use_cases, named by
// design.selected_use_case and refine.result.promising_use_cases) and
// collaborator names (defined in a step's collaborators, named by
// design.feedback[].from and design.result.approved_by). Rename (rename.ts)
// changes the same occurrences.
import type { DefinitionParams, Location, Range, ReferenceParams } from 'vscode-languageserver';
import { Scalar } from 'yaml';
import type { TdeModel } from '../engine';
import { isScalar, type Node } from '../engine/document';
import { designNameRefs, sameName } from '../engine/designFeedback';
import { useCaseRefs } from '../engine/useCaseRefs';
import type { Analyses } from './analysis';
import type { Session } from './session';
import { rangeAt } from './rangesAndEdits';

/** A use-case id or collaborator name, where it stands. */
interface Occurrence {
  kind: 'use-case' | 'collaborator';
  name: string;
  node: Node;
  declaration: boolean;
  /** For a collaborator's own `name:`: its step. References name Design's collaborators. */
  step: string;
}

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

/** Whether two occurrences name the same use case or collaborator. */
export function same(a: Occurrence, b: Occurrence): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'use-case' ? a.name === b.name : sameName(a.name, b.name);
}

/** The occurrence at a position, with every other one in the file. */
export function located(session: Session, analyses: Analyses, uri: string, position: { line: number; character: number }) {
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
export function textRange(node: Node): [number, number] {
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

function rangeOfNode(lines: Parameters<typeof rangeAt>[0], node: Node): Range {
  const [start, end] = textRange(node);
  return rangeAt(lines, start, end - start);
}
