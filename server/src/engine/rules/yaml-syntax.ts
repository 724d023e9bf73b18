import type { Rule } from '../rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  // Runs alone: when the YAML does not parse, no other rule runs (see engine).
  stage: 'syntax',
  defaultSeverity: 'error',
  description: 'YAML that does not parse, control characters, duplicate keys, custom tags or more than one document.',
  // Only stray control characters in unquoted text (see controlCharacters.ts).
  fixable: true,
  check({ model, report }) {
    for (const issue of model.doc.syntaxIssues) {
      report({ span: { offset: issue.offset, length: issue.length, path: [] }, message: issue.message, fix: issue.fix });
    }
  },
};
