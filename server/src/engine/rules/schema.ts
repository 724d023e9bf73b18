import { type Rule } from '../rule';
import { validateSchema } from '../schema';

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  fixable: true,
  suggests: true,
  check({ model, data, language, report }) {
    for (const finding of validateSchema(model.doc, data, language)) {
      report({ node: finding.node, span: undefined, message: finding.message, fix: finding.fix, suggestions: finding.suggestions, path: finding.path });
    }
  },
};
