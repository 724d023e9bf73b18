// The outline: the project, each present step with its status, and under
// the steps their use cases, collaborators, tactics and feedback.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation } from 'vscode-languageserver';
import { vocabulary, type LineIndex, type TdeModel } from '../engine';
import { isMap, isScalar, mapAt, pairOf, scalarText, seqItems, stringAt, valueOf, type Node, type Pair } from '../engine/document';
import type { Analyses } from './analysis';
import type { Session } from './session';
import { rangeAt } from './rangesAndEdits';

export function provideDocumentSymbols(session: Session, analyses: Analyses, params: DocumentSymbolParams): DocumentSymbol[] | SymbolInformation[] {
  const document = session.tdeDocument(params.textDocument.uri);
  if (!document) return [];
  const parsed = analyses.parsed(document);
  if (!parsed.model) return [];
  const symbols = outline(parsed.model);
  return session.support.hierarchicalSymbols ? symbols : flatten(symbols, document.uri);
}

function outline(model: TdeModel): DocumentSymbol[] {
  const { lines } = model.doc;
  const symbols: DocumentSymbol[] = [];
  const projectPair = pairOf(model.root, 'project');
  if (projectPair) {
    const project = mapAt(model.root, 'project');
    const name = stringAt(project, 'title')?.trim() || 'project';
    const place = stringAt(project, 'place')?.trim();
    const iterationNode = valueOf(project, 'iteration');
    const iteration = isScalar(iterationNode) && typeof iterationNode.value === 'number' ? String(iterationNode.value) : undefined;
    const detail = [place, iteration ? `iteration ${iteration}` : undefined].filter(Boolean).join(' · ');
    const symbol = symbolOf(lines, projectPair, name, SymbolKind.Package, detail);
    if (symbol) symbols.push(symbol);
  }
  for (const step of model.steps) {
    if (!step.pair) continue;
    const children: DocumentSymbol[] = [];
    if (step.id === 'refine') {
      for (const useCase of model.useCases()) {
        const item = itemSymbol(lines, useCase.node, useCase.id ?? '(use case without id)', SymbolKind.Class, useCase.title, useCase.idNode);
        if (item) children.push(item);
      }
    }
    if (step.id === 'design') {
      const selected = pairOf(step.map, 'selected_use_case');
      const id = scalarText(selected?.value);
      if (selected && id) pushDefined(children, symbolOf(lines, selected, `selected: ${id}`, SymbolKind.Key));
    }
    const collaborators = model.collaborators(step);
    if (collaborators.length) {
      pushList(children, lines, pairOf(step.map, 'collaborators')!, 'collaborators', collaborators.length, () => collaborators.map((c) =>
        itemSymbol(lines, c.node, c.name || '(no name)', SymbolKind.Object, [c.role, c.intendedUser ? 'intended user' : undefined].filter(Boolean).join(', '), c.nameNode)));
    }
    const tactics = pairOf(step.map, 'tactics');
    if (tactics && seqItems(tactics.value).length) {
      pushList(children, lines, tactics, 'tactics', seqItems(tactics.value).length, () => model.tacticUses(step).map((use) => {
        const name = use.id ?? use.custom ?? '(tactic)';
        const detail = use.id ? vocabulary.tacticById(use.id)?.name : 'custom tactic';
        return nodeSymbol(lines, use.node, name, SymbolKind.Function, detail);
      }));
    }
    const feedback = pairOf(step.map, 'feedback');
    if (feedback && seqItems(feedback.value).length) {
      pushList(children, lines, feedback, 'feedback', seqItems(feedback.value).length, () => seqItems(feedback.value).map((entry) => {
        if (!isMap(entry)) return undefined;
        const from = stringAt(entry, 'from')?.trim() || '(from?)';
        const detail = [stringAt(entry, 'via'), stringAt(entry, 'date')].filter(Boolean).join(', ');
        return itemSymbol(lines, entry, from, SymbolKind.Event, detail, valueOf(entry, 'from'));
      }));
    }
    const symbol = symbolOf(lines, step.pair, vocabulary.stepTitle(step.id), SymbolKind.Namespace, step.status ?? 'no status');
    if (symbol) {
      symbol.children = children;
      symbols.push(symbol);
    }
  }
  const next = pairOf(model.root, 'next');
  if (next) pushDefined(symbols, symbolOf(lines, next, 'next', SymbolKind.Namespace));
  return symbols;
}

function pushDefined(list: DocumentSymbol[], symbol: DocumentSymbol | undefined): void {
  if (symbol) list.push(symbol);
}

/** A list in a step (`collaborators:`, `tactics:`, `feedback:`) as a symbol counting its items, with one child each. */
function pushList(list: DocumentSymbol[], lines: LineIndex, pair: Pair, name: string, count: number, items: () => (DocumentSymbol | undefined)[]): void {
  const group = symbolOf(lines, pair, name, SymbolKind.Array, String(count));
  if (!group) return;
  group.children = items().filter((item): item is DocumentSymbol => item !== undefined);
  list.push(group);
}

function endOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[1];
}

/** A symbol for a `key: value` pair: the whole pair, with the key selected. */
function symbolOf(lines: LineIndex, pair: Pair, name: string, kind: SymbolKind, detail?: string): DocumentSymbol | undefined {
  const key = pair.key as Node | null;
  if (!key?.range) return undefined;
  const start = key.range[0];
  const end = Math.max(key.range[1], endOf(pair.value as Node | null) ?? key.range[1]);
  return make(lines, start, trimEnd(lines, start, end), key.range[0], key.range[1], name, kind, detail);
}

/** A symbol for a list item (a mapping), with `selected` (its name or id) selected. */
function itemSymbol(lines: LineIndex, node: Node, name: string, kind: SymbolKind, detail?: string, selected?: Node): DocumentSymbol | undefined {
  if (!node.range) return undefined;
  const start = node.range[0];
  const end = trimEnd(lines, start, node.range[1]);
  const sel = selected?.range && selected.range[0] >= start && selected.range[1] <= end ? selected.range : [start, start];
  return make(lines, start, end, sel[0]!, sel[1]!, name, kind, detail);
}

function nodeSymbol(lines: LineIndex, node: Node, name: string, kind: SymbolKind, detail?: string): DocumentSymbol | undefined {
  if (!node.range) return undefined;
  return make(lines, node.range[0], node.range[1], node.range[0], node.range[1], name, kind, detail);
}

/** Ranges end at the last character of content, not on the next line's start. */
function trimEnd(lines: LineIndex, start: number, end: number): number {
  let e = Math.min(end, lines.text.length);
  while (e > start && /\s/.test(lines.text[e - 1]!)) e--;
  return e;
}

function make(lines: LineIndex, start: number, end: number, selStart: number, selEnd: number, name: string, kind: SymbolKind, detail?: string): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: name.replace(/\s+/g, ' ').trim() || '(unnamed)',
    kind,
    range: rangeAt(lines, start, end - start),
    selectionRange: rangeAt(lines, selStart, selEnd - selStart),
  };
  if (detail) symbol.detail = detail;
  return symbol;
}

function flatten(symbols: DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) },
    ...flatten(s.children ?? [], uri, s.name),
  ]);
}
