// A TDE-shaped view of the parsed YAML: steps, collaborators, tactic uses and
// use cases, each still pointing at its nodes so rules and editor features
// can place problems and edits exactly. Tolerant of any shape: what does not
// look right is simply absent here (the schema rule says why).
import {
  isMap,
  isScalar,
  mapAt,
  pairOf,
  scalarText,
  seqItems,
  stringAt,
  valueOf,
  type Node,
  type Pair,
  type Scalar,
  type TdeDocument,
  type YAMLMap,
} from './document';
import { STEP_IDS, type StepId } from './vocabulary';

export interface Step {
  id: StepId;
  index: number;
  /** The step's pair in the file, when present. */
  pair?: Pair<Scalar, Node | null>;
  /** The step's key node (`design:`), where step-wide problems go. */
  key?: Scalar;
  map?: YAMLMap;
  status?: string;
  statusNode?: Node;
  present: boolean;
  /** `in-progress` or `done`. */
  started: boolean;
}

/** A present step with its key: where step-wide problems go. */
type KeyedStep = Step & { key: Scalar };

export interface Collaborator {
  node: YAMLMap;
  name?: string;
  nameNode?: Node;
  role?: string;
  roleNode?: Node;
  intendedUser: boolean;
  contact?: string;
  contactNode?: Node;
}

interface TacticUse {
  /** The node to report on: the id string (plain or under `id:`), or the custom name. */
  node: Node;
  /** Tactic id, for a use by id. */
  id?: string;
  /** Custom tactic name, for `{custom: NAME}`. */
  custom?: string;
  criteria: { id: string; node: Node }[];
}

export interface UseCase {
  node: YAMLMap;
  id?: string;
  idNode?: Node;
  title?: string;
}

export interface TdeModel {
  doc: TdeDocument;
  /** The top-level mapping (undefined only when the file is not one). */
  root: YAMLMap;
  steps: Step[];
  step(id: StepId): Step;
  /** The steps `in-progress` or `done` (those of `ids`, or all), in the method's order. */
  startedSteps(...ids: StepId[]): KeyedStep[];
  /** The steps `done` (those of `ids`, or all), in the method's order. */
  doneSteps(...ids: StepId[]): KeyedStep[];
  collaborators(step: Step): Collaborator[];
  tacticUses(step: Step): TacticUse[];
  useCases(): UseCase[];
}

export function buildModel(doc: TdeDocument, root: YAMLMap | undefined): TdeModel {
  const steps = STEP_IDS.map((id, index) => readStep(root, id, index));
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
  const keyedSteps = (ids: StepId[], keep: (step: Step) => boolean) =>
    steps.filter((step): step is KeyedStep => keep(step) && !!step.key && (ids.length === 0 || ids.includes(step.id)));
  return {
    doc,
    root: root as YAMLMap,
    steps,
    step: (id) => steps[STEP_IDS.indexOf(id)]!,
    startedSteps: (...ids) => keyedSteps(ids, (step) => step.started),
    doneSteps: (...ids) => keyedSteps(ids, (step) => step.status === 'done'),
    collaborators: (step) => memo(`collaborators:${step.id}`, () => readCollaborators(step.map)),
    tacticUses: (step) => memo(`tactics:${step.id}`, () => readTacticUses(step.map)),
    useCases: () => memo('useCases', () => readUseCases(mapAt(root, 'refine'))),
  };
}

function readStep(root: YAMLMap | undefined, id: StepId, index: number): Step {
  const pair = pairOf(root, id);
  const map = isMap(pair?.value) ? (pair!.value as YAMLMap) : undefined;
  const statusNode = valueOf(map, 'status');
  const status = scalarText(statusNode);
  return {
    id,
    index,
    pair,
    key: pair?.key as Scalar | undefined,
    map,
    status,
    statusNode,
    present: pair !== undefined,
    started: status === 'in-progress' || status === 'done',
  };
}

function readCollaborators(step: YAMLMap | undefined): Collaborator[] {
  const result: Collaborator[] = [];
  for (const item of seqItems(valueOf(step, 'collaborators'))) {
    if (!isMap(item)) continue;
    const map = item as YAMLMap;
    const intended = valueOf(map, 'intended_user');
    result.push({
      node: map,
      name: stringAt(map, 'name')?.trim(),
      nameNode: valueOf(map, 'name'),
      role: stringAt(map, 'role'),
      roleNode: valueOf(map, 'role'),
      intendedUser: isScalar(intended) && intended.value === true,
      contact: stringAt(map, 'contact'),
      contactNode: valueOf(map, 'contact'),
    });
  }
  return result;
}

function readTacticUses(step: YAMLMap | undefined): TacticUse[] {
  const result: TacticUse[] = [];
  for (const item of seqItems(valueOf(step, 'tactics'))) {
    if (isScalar(item)) {
      const id = scalarText(item);
      if (id !== undefined) result.push({ node: item, id, criteria: [] });
      continue;
    }
    if (!isMap(item)) continue;
    const map = item as YAMLMap;
    const customNode = valueOf(map, 'custom');
    if (pairOf(map, 'custom')) {
      const custom = scalarText(customNode);
      result.push({ node: customNode ?? pairOf(map, 'custom')!.key, custom, criteria: [] });
      continue;
    }
    const idNode = valueOf(map, 'id');
    const id = scalarText(idNode);
    if (id === undefined || !idNode) continue;
    const criteria: { id: string; node: Node }[] = [];
    for (const criterion of seqItems(valueOf(map, 'criteria'))) {
      const text = scalarText(criterion);
      if (text !== undefined) criteria.push({ id: text, node: criterion });
    }
    result.push({ node: idNode, id, criteria });
  }
  return result;
}

function readUseCases(refine: YAMLMap | undefined): UseCase[] {
  const result: UseCase[] = [];
  for (const item of seqItems(valueOf(refine, 'use_cases'))) {
    if (!isMap(item)) continue;
    const map = item as YAMLMap;
    result.push({
      node: map,
      id: stringAt(map, 'id'),
      idNode: valueOf(map, 'id'),
      title: stringAt(map, 'title'),
    });
  }
  return result;
}
