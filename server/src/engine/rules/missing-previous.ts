import * as path from '../paths';
import { type Rule } from '../rule';
import { previousFile } from '../previousFile';
import { shortName } from '../document';
import { quoted } from '../prose';

export const missingPrevious: Rule = {
  id: 'missing-previous',
  defaultSeverity: 'error',
  check({ model, fileName, host, say, report }) {
    if (!fileName || !host) return;
    const previous = previousFile(model, fileName, host);
    if (!previous) return;
    if (previous.refused) {
      report({ node: previous.node, message: say('rule.missing-previous.refused', { why: say(previous.refused) }) });
      return;
    }
    const refusal = host.whyNotRead?.(previous.target);
    if (!refusal && host.fileExists(previous.target)) return;
    report({
      node: previous.node,
      message: refusal
        ? say('rule.missing-previous.notRead', { why: refusal })
        : say('rule.missing-previous.missing', { written: quoted(shortName(previous.written)), lookedFor: path.relative(path.dirname(fileName), previous.target) || previous.written }),
    });
  },
};
