import * as path from '../paths';
import type { Rule } from '../rule';
import { previousFile } from '../previousFile';

export const missingPrevious: Rule = {
  id: 'missing-previous',
  defaultSeverity: 'error',
  description: '`project.previous` naming a file that does not exist.',
  fixable: false,
  check({ model, fileName, host, report }) {
    if (!fileName || !host) return;
    const previous = previousFile(model, fileName, host);
    if (!previous) return;
    if (previous.refused) {
      report({ node: previous.node, message: previous.refused });
      return;
    }
    const refusal = host.whyNotRead?.(previous.target);
    if (!refusal && host.fileExists(previous.target)) return;
    report({
      node: previous.node,
      message: refusal
        ? `\`previous\` names a file tde does not read: ${refusal}.`
        : `\`${previous.written}\` does not exist (looked for ${path.relative(path.dirname(fileName), previous.target) || previous.written} next to this file). \`previous\` names the earlier iteration's file, relative to this file's folder.`,
    });
  },
};
