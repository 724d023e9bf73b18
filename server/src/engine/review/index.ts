// Review: what a change to TDE files means — problems old and new, the
// difference between two versions of a project, and where a project stands.
// Pure like the rest of the engine: the CLI reads the versions from git.
export { compareProblems } from './baseline';
export {
  DIRECTIVE_CHECKS,
  directiveProblems,
  type DirectiveChecks,
} from './directives';
export {
  diffProjects,
  hasProjectChanges,
  stepMove,
  type CollaboratorRef,
  type ProjectChanges,
  type ProjectSide,
  type StepStatusChange,
  type TacticRef,
  type UseCaseRef,
} from './projectDiff';
export { projectStatus, type ProjectStatus } from './projectStatus';
