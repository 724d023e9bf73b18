// The plain-data view of a parsed file, as the JSON Schema sees it. Written
// here rather than using yaml's toJS because hostile input must stay cheap
// and safe: aliases resolve in linear time with a budget on what they expand
// to, an alias inside its own anchor is refused instead of building a cyclic
// object, and `__proto__` or `constructor` are only ever data.
import { message, type MessageValues } from '../shared/l10n';
import { isAlias, isMap, isScalar, isSeq, keyString, shortName, type Node } from './document';

/** Why the data cannot be read safely; `key` and `values` name the words in the catalogues (`check.limit.*`). */
export class DataLimitError extends Error {
  constructor(readonly key: string, readonly values: MessageValues, readonly node?: Node) {
    super(message('en', key, values));
  }
}

export interface DataLimits {
  /** Most values (scalars, lists, mappings) the data may hold once aliases are expanded. */
  maxValues: number;
  maxDepth: number;
}

/** `depth`: how deep `root` sits in the file (incremental.ts converts one entry of a larger file). */
export function toPlainData(root: Node | null | undefined, limits: DataLimits, depth = 0): unknown {
  const anchors = new Map<string, Node>();
  const open = new Set<Node>();
  let values = 0;

  const convert = (node: Node | null | undefined, depth: number): unknown => {
    if (node == null) return null;
    if (++values > limits.maxValues) {
      throw new DataLimitError('check.limit.values', { count: limits.maxValues }, node);
    }
    if (depth > limits.maxDepth) throw new DataLimitError('check.limit.depth', { depth: limits.maxDepth }, node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) return null; // document.ts reports an alias with no anchor before it
      if (open.has(target)) throw new DataLimitError('check.limit.aliasCycle', { alias: shortName(node.source) }, node);
      return convert(target, depth);
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    if (isScalar(node)) return node.value ?? null;
    open.add(node);
    try {
      if (isSeq(node)) return node.items.map((item) => convert(item as Node | null, depth + 1));
      if (isMap(node)) {
        const result: Record<string, unknown> = {};
        for (const pair of node.items) {
          // A key is only ever a name here, but an anchor on it can still be aliased later.
          const keyAnchor = (pair.key as { anchor?: string } | null)?.anchor;
          if (keyAnchor) anchors.set(keyAnchor, pair.key as Node);
          const key = keyString(pair.key);
          const value = convert(pair.value as Node | null, depth + 1);
          Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
        }
        return result;
      }
      return null;
    } finally {
      open.delete(node);
    }
  };

  return convert(root, depth);
}
