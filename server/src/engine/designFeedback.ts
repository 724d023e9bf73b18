// Design's feedback entries and approvals, and matching the names they give
// against Design's collaborators (trimmed, case-insensitive).
import { mapAt, scalarText, seqItems, valueOf, isMap, type Node } from './document';
import type { Collaborator, TdeModel } from './model';

interface NameRef {
  name: string;
  node: Node;
  where: 'feedback.from' | 'result.approved_by';
}

export function designNameRefs(model: TdeModel): NameRef[] {
  const design = model.step('design').map;
  const refs: NameRef[] = [];
  for (const entry of seqItems(valueOf(design, 'feedback'))) {
    if (!isMap(entry)) continue;
    const node = valueOf(entry, 'from');
    const name = scalarText(node);
    if (node && name?.trim()) refs.push({ name, node, where: 'feedback.from' });
  }
  for (const node of seqItems(valueOf(mapAt(design, 'result'), 'approved_by'))) {
    const name = scalarText(node);
    if (name?.trim()) refs.push({ name, node, where: 'result.approved_by' });
  }
  return refs;
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * collaboratorNamed for many names: the first collaborator of each name, looked
 * up in a map built once (a file may hold thousands of names and references).
 */
export function collaboratorsByName(collaborators: Collaborator[]): (name: string) => Collaborator | undefined {
  const byName = new Map<string, Collaborator>();
  for (const c of collaborators) {
    if (c.name === undefined) continue;
    const key = c.name.trim().toLowerCase();
    if (!byName.has(key)) byName.set(key, c);
  }
  return (name) => byName.get(name.trim().toLowerCase());
}
