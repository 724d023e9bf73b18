import { type Rule } from '../rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  // Runs alone: when the YAML does not parse, no other rule runs (see engine).
  stage: 'syntax',
  defaultSeverity: 'error',
  // Only stray control characters in unquoted text (see controlCharacters.ts).
  fixable: true,
  check({ model, say, report }) {
    for (const issue of model.doc.syntaxIssues) {
      const message = issue.words ? say(issue.words.key, issue.words.values) : issue.message;
      report({ span: { offset: issue.offset, length: issue.length, path: [] }, message, fix: issue.fix });
    }
  },
};
