import type { Rule } from '../rule';
import { validateSchema } from '../schema';

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'Anything the TDE JSON Schema rejects: missing required keys, unknown keys, wrong types, values outside a list.',
  fixable: true,
  suggests: true,
  check({ model, data, report }) {
    for (const finding of validateSchema(model.doc, data)) {
      report({ node: finding.node, span: undefined, message: finding.message, fix: finding.fix, suggestions: finding.suggestions, path: finding.path });
    }
  },
};
