import { isScalar, mapAt, parseTde, scalarText, valueOf, type Node } from '../document';
import { isUnwritten } from '../placeholders';
import { type Rule } from '../rule';
import type { FileHost } from '../fileHost';
import { previousFile } from '../previousFile';
import { quoted } from '../prose';

/** A valid `iteration` value (anything else is the schema's to report); null when there is none. */
function iterationOf(node: Node | undefined): number | null | undefined {
  if (node === undefined || (isScalar(node) && node.value === null)) return null;
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 1 ? node.value : undefined;
}

/** The last previous file read, so that editing this file does not parse that one again on every keystroke. */
let lastRead: { text: string; iteration: number | undefined } | undefined;

/** The previous file's iteration (1 when it gives none); undefined when it cannot be read or says something else. */
function previousIteration(host: FileHost, target: string): number | undefined {
  if (!host.fileExists(target)) return undefined;
  const text = host.readFile(target);
  if (text === undefined) return undefined;
  if (lastRead?.text !== text) {
    const document = parseTde(text);
    const found = document.syntaxIssues.length ? undefined : iterationOf(valueOf(mapAt(document.root, 'project'), 'iteration'));
    lastRead = { text, iteration: found === null ? 1 : found };
  }
  return lastRead.iteration;
}

export const iterationChain: Rule = {
  id: 'iteration-chain',
  defaultSeverity: 'warning',
  check({ model, fileName, host, say, report }) {
    const project = mapAt(model.root, 'project');
    if (!project) return;
    const iterationNode = valueOf(project, 'iteration');
    const iteration = iterationOf(iterationNode);
    if (iteration === undefined) return;
    const previous = fileName ? previousFile(model, fileName, host) : undefined;
    const previousNode = valueOf(project, 'previous');
    const written = scalarText(previousNode)?.trim();
    // A `previous` that is not text is the schema's to report.
    if (!written && !isUnwritten(previousNode)) return;
    if (!previousNode || !written) {
      if (iteration !== null && iteration > 1 && iterationNode) {
        report({
          node: iterationNode,
          message: say('rule.iteration-chain.noPrevious', { iteration, earlier: iteration - 1 }),
        });
      }
      return;
    }
    // Without a file name or a way to read files, only what this file says can be checked.
    const before = previous && !previous.refused && host ? previousIteration(host, previous.target) : undefined;
    if (iteration === null || iteration === 1) {
      const which = before === undefined ? say('rule.iteration-chain.laterNumber') : say('rule.iteration-chain.oneMore', { number: quoted(before + 1) });
      report({
        node: previousNode,
        message: say(iteration === null ? 'rule.iteration-chain.previousWithoutIteration' : 'rule.iteration-chain.previousAtOne', { which }),
      });
      return;
    }
    if (before === undefined || before === iteration - 1) return;
    report({
      node: previousNode,
      message: say('rule.iteration-chain.otherNumber', { iteration, before, earlier: iteration - 1 }),
    });
  },
};
