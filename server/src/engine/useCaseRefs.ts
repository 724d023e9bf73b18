// The places that name a use case by id: Design's selection and Refine's
// list of promising ones.
import { isScalar, isSeq, mapAt, scalarText, seqItems, valueOf, type Node } from './document';
import type { TdeModel } from './model';

interface UseCaseRef {
  id: string;
  node: Node;
  where: 'design.selected_use_case' | 'refine.result.promising_use_cases';
}

export function useCaseRefs(model: TdeModel): UseCaseRef[] {
  const refs: UseCaseRef[] = [];
  const selected = valueOf(model.step('design').map, 'selected_use_case');
  const selectedNodes = isSeq(selected) ? seqItems(selected) : selected ? [selected] : [];
  for (const node of selectedNodes) {
    const id = scalarText(node);
    if (isScalar(node) && id) refs.push({ id, node, where: 'design.selected_use_case' });
  }
  for (const node of seqItems(valueOf(mapAt(model.step('refine').map, 'result'), 'promising_use_cases'))) {
    const id = scalarText(node);
    if (id) refs.push({ id, node, where: 'refine.result.promising_use_cases' });
  }
  return refs;
}
