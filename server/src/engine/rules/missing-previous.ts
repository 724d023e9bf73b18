import * as path from '../paths';
import { mapAt, scalarText, valueOf } from '../document';
import type { Rule } from '../rule';

export const missingPrevious: Rule = {
  id: 'missing-previous',
  defaultSeverity: 'error',
  description: '`project.previous` naming a file that does not exist.',
  fixable: false,
  check({ model, fileName, host, report }) {
    if (!fileName || !host) return;
    const node = valueOf(mapAt(model.root, 'project'), 'previous');
    const previous = scalarText(node)?.trim();
    if (!node || !previous) return;
    const target = path.resolve(path.dirname(fileName), previous);
    if (host.fileExists(target)) return;
    report({
      node,
      message: `\`${previous}\` does not exist (looked for ${path.relative(path.dirname(fileName), target) || previous} next to this file). \`previous\` names the earlier iteration's file, relative to this file's folder.`,
    });
  },
};
