// Review: what a change to TDE files means — problems old and new, the
// difference between two versions of a project, and where a project stands.
// Pure like the rest of the engine: the CLI reads the versions from git.
export { compareProblems, problemKey, type BaselineComparison } from './baseline';
export {
  DIRECTIVE_CHECKS,
  directiveCheckById,
  directiveProblems,
  directiveText,
  SUPPRESSION_WITHOUT_REASON,
  UNUSED_DISABLE,
  type DirectiveCheckInfo,
  type DirectiveChecks,
} from './directives';
export {
  diffProjects,
  hasProjectChanges,
  stepMove,
  type CollaboratorRef,
  type ProjectChanges,
  type ProjectSide,
  type StepCollaboratorChange,
  type StepMove,
  type StepStatusChange,
  type StepTacticChange,
  type TacticRef,
  type UseCaseRef,
  type ValueChange,
} from './projectDiff';
export { projectStatus, stepState, UNKNOWN_STATUS, type ProjectStatus, type StepState } from './projectStatus';
