// The file `project.previous` names, resolved once for every rule and editor
// feature that follows it (missing-previous, iteration-chain, the watcher).
// The path comes from the file checked, which a stranger may have written: it
// must be relative to the file's folder and stay inside the tree being
// checked (the repository, the workspace folder), outside `.git`. Anything
// else is `refused`, with why in the user's terms, and nothing is looked up.
import * as path from './paths';
import { mapAt, scalarText, valueOf, type Node } from './document';
import type { TdeModel } from './model';
import { isInsideFolder } from './treeFiles';
import type { FileHost } from './fileHost';

interface PreviousFile {
  /** The `previous` value in this file. */
  node: Node;
  /** As written (trimmed). */
  written: string;
  /** Absolute path: relative to the folder of the file that names it. Never to be looked up when `refused`. */
  target: string;
  /** Why the path may not be looked at (absolute, climbing out, inside `.git`): the key of the words in the catalogues. */
  refused?: 'rule.missing-previous.why.address' | 'rule.missing-previous.why.characters' | 'rule.missing-previous.why.climbs' | 'rule.missing-previous.why.git';
}

export function previousFile(model: TdeModel, fileName: string, host?: FileHost): PreviousFile | undefined {
  const node = valueOf(mapAt(model.root, 'project'), 'previous');
  const written = scalarText(node)?.trim();
  if (!node || !written) return undefined;
  const folder = path.dirname(fileName);
  const target = path.resolve(folder, written);
  const refuse = (refused: NonNullable<PreviousFile['refused']>): PreviousFile => ({ node, written, target, refused });
  if (/^(?:[a-z][a-z0-9+.-]*:|[\\/]|~)/i.test(written)) return refuse('rule.missing-previous.why.address');
  if (/[\u0000-\u001f%]/.test(written)) return refuse('rule.missing-previous.why.characters');
  const root = host?.treeRoot?.(fileName) ?? folder;
  if (!isInsideFolder(target, root)) return refuse('rule.missing-previous.why.climbs');
  if (path.relative(root, target).split(/[\\/]/).some((segment) => segment.toLowerCase() === '.git')) return refuse('rule.missing-previous.why.git');
  return { node, written, target };
}
