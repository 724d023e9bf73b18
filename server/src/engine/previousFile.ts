// The file `project.previous` names, resolved once for every rule and editor
// feature that follows it (missing-previous, iteration-chain, the watcher).
import * as path from './paths';
import { mapAt, scalarText, valueOf, type Node } from './document';
import type { TdeModel } from './model';

interface PreviousFile {
  /** The `previous` value in this file. */
  node: Node;
  /** As written (trimmed). */
  written: string;
  /** Absolute path: relative to the folder of the file that names it. */
  target: string;
}

export function previousFile(model: TdeModel, fileName: string): PreviousFile | undefined {
  const node = valueOf(mapAt(model.root, 'project'), 'previous');
  const written = scalarText(node)?.trim();
  if (!node || !written) return undefined;
  return { node, written, target: path.resolve(path.dirname(fileName), written) };
}
