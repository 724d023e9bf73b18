// Checking a document that is being edited: the YAML is re-parsed only where
// the edit touched it (incremental.ts), the plain-data view the schema sees
// is patched at the same place, and the rules (cheap, and many of them look
// across steps) run again on the whole model. Equal to `check(text)` on every
// version (test/unit/incremental.test.ts).
import { isMap, isSeq, keyString, type Node, type Pair, type TdeDocument } from './document';
import { checkDocument, dataLimits, StaleCheck, type CheckOptions, type CheckResult } from './index';
import { IncrementalParser, type KnownChange, type ParseUpdate, type Splice } from './incremental';
import { spliceIn } from './incrementalTree';
import { DataLimitError, toPlainData, type DataLimits } from './plainData';

export class IncrementalChecker {
  readonly parser = new IncrementalParser();
  private data: unknown;
  /** Values in `data`, as toPlainData counts them. */
  private values = 0;
  /**
   * The parse `data` was made from. A splice patches the data only when it was
   * made from that same parse: a check dropped between its parse and its data
   * must not leave the next version patching data one version older.
   */
  private dataOf: TdeDocument | undefined;

  check(text: string, options?: CheckOptions): CheckResult;
  /** With `isStale`: undefined when a newer version has made the check pointless (asked once the text is parsed, and between rules). */
  check(text: string, options: CheckOptions | undefined, isStale: (() => boolean) | undefined, known?: KnownChange): CheckResult | undefined;
  check(text: string, options: CheckOptions = {}, isStale?: () => boolean, known?: KnownChange): CheckResult | undefined {
    const before = this.parser.current;
    const update = this.parser.update(text, known);
    const { document } = update;
    const clean = isClean(document);
    // The parse is kept either way: the newer version is grafted onto it. Its data is kept in step
    // when that costs only the edit; otherwise the next check converts the whole tree.
    if (isStale?.()) {
      if (clean && update.splice && this.dataOf === before) this.prepare(update, before);
      return undefined;
    }
    const prepared = clean ? this.prepare(update, before) : undefined;
    if (isStale?.()) return undefined;
    if (!isStale) return checkDocument(document, options, prepared);
    try {
      return checkDocument(document, { ...options, isStale }, prepared);
    } catch (error) {
      if (error instanceof StaleCheck) return undefined;
      throw error;
    }
  }

  /**
   * The parse of a text, for what reads the document between checks (hover,
   * completion, the outline): made by this checker's own parser, its data kept
   * in step, so that the check of the same text parses nothing again.
   */
  parse(text: string, known?: KnownChange): TdeDocument {
    const before = this.parser.current;
    const update = this.parser.update(text, known);
    if (isClean(update.document)) this.prepare(update, before);
    return update.document;
  }

  /** The plain data of the updated document; undefined to let checkDocument build it (and report why it cannot). */
  private prepare(update: ParseUpdate, before: TdeDocument | undefined): { data: unknown } | undefined {
    const { document } = update;
    const limits = dataLimits(document.text);
    if (this.dataOf !== undefined) {
      if (update.unchanged && this.dataOf === document) return { data: this.data };
      if (update.splice && this.dataOf === before && this.patch(update.splice, limits)) {
        this.dataOf = document;
        return { data: this.data };
      }
    }
    const contents = document.yaml.contents as Node | null;
    this.dataOf = undefined;
    try {
      this.data = toPlainData(contents, limits);
      this.values = countValues(contents);
      this.dataOf = document;
      return { data: this.data };
    } catch (error) {
      if (error instanceof DataLimitError) return undefined;
      throw error;
    }
  }

  /** Replace the spliced entries' data in place; false when the limits call for a full conversion. */
  private patch(splice: Splice, limits: DataLimits): boolean {
    const valueOf = (entry: Splice['added'][number]) => (splice.kind === 'map' ? ((entry as Pair).value as Node | null) : (entry as Node | null));
    const removed = splice.removed.reduce((sum, entry) => sum + countValues(valueOf(entry)), 0);
    const added = splice.added.reduce((sum, entry) => sum + countValues(valueOf(entry)), 0);
    const values = this.values - removed + added;
    if (values > limits.maxValues) return false;
    const depth = splice.path.length + 1;
    let converted: unknown[];
    try {
      converted = splice.added.map((entry) => toPlainData(valueOf(entry), limits, depth));
    } catch (error) {
      if (error instanceof DataLimitError) return false;
      throw error;
    }
    const parent = splice.path.reduce<unknown>((data, segment) => (data as Record<string | number, unknown>)[segment], this.data);
    if (splice.kind === 'seq') {
      spliceIn(parent as unknown[], splice.start, splice.removed.length, converted);
    } else {
      // Rebuilt rather than patched so that the keys keep the file's order.
      const fresh = new Map(splice.added.map((entry, i) => [entry as Pair, converted[i]]));
      const rebuilt: Record<string, unknown> = {};
      for (const pair of splice.collection.items as Pair[]) {
        const key = keyString(pair.key);
        const value = fresh.has(pair) ? fresh.get(pair) : (parent as Record<string, unknown>)[key];
        Object.defineProperty(rebuilt, key, { value, enumerable: true, writable: true, configurable: true });
      }
      if (splice.path.length === 0) this.data = rebuilt;
      else {
        const owner = splice.path.slice(0, -1).reduce<unknown>((data, segment) => (data as Record<string | number, unknown>)[segment], this.data);
        const last = splice.path[splice.path.length - 1]!;
        if (Array.isArray(owner)) owner[last as number] = rebuilt;
        else Object.defineProperty(owner, last, { value: rebuilt, enumerable: true, writable: true, configurable: true });
      }
    }
    this.values = values;
    return true;
  }
}

function isClean(document: TdeDocument): boolean {
  return document.syntaxIssues.length === 0 && !!document.root;
}

/** The values toPlainData counts for a tree without aliases: every node but keys. */
function countValues(node: Node | null | undefined): number {
  if (node == null) return 0;
  let count = 1;
  if (isMap(node)) for (const pair of node.items) count += countValues(pair.value as Node | null);
  else if (isSeq(node)) for (const item of node.items) count += countValues(item as Node | null);
  return count;
}
