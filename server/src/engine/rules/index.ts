// Every rule, in the order of the format brief's table.
import type { Rule, RuleStage } from '../rule';
import { dateOrder } from './date-order';
import { duplicateUseCase } from './duplicate-use-case';
import { interventionMismatch } from './intervention-mismatch';
import { iterationChain } from './iteration-chain';
import { missingCollaborators } from './missing-collaborators';
import { missingPrevious } from './missing-previous';
import { missingResult } from './missing-result';
import { narrowCollaborators } from './narrow-collaborators';
import { noCommunityVoice } from './no-community-voice';
import { noFeedbackChannel } from './no-feedback-channel';
import { noIntendedUsers } from './no-intended-users';
import { noSteward } from './no-steward';
import { personalContact } from './personal-contact';
import { placeholderText } from './placeholder-text';
import { pitchIncomplete } from './pitch-incomplete';
import { schema } from './schema';
import { selectedNotPromising } from './selected-not-promising';
import { singleUseCase } from './single-use-case';
import { skippedStage } from './skipped-stage';
import { stepOrder } from './step-order';
import { tacticWrongStep } from './tactic-wrong-step';
import { thinUseCase } from './thin-use-case';
import { unknownCollaborator } from './unknown-collaborator';
import { unknownCriterion } from './unknown-criterion';
import { unknownTactic } from './unknown-tactic';
import { unknownUseCase } from './unknown-use-case';
import { unplannedImplementation } from './unplanned-implementation';
import { unreviewedPlan } from './unreviewed-plan';
import { yamlSyntax } from './yaml-syntax';

export const rules: readonly Rule[] = [
  yamlSyntax,
  schema,
  unknownTactic,
  tacticWrongStep,
  unknownCriterion,
  missingCollaborators,
  skippedStage,
  stepOrder,
  missingResult,
  singleUseCase,
  unknownUseCase,
  duplicateUseCase,
  unreviewedPlan,
  unknownCollaborator,
  noIntendedUsers,
  noFeedbackChannel,
  noSteward,
  narrowCollaborators,
  pitchIncomplete,
  personalContact,
  missingPrevious,
  placeholderText,
  selectedNotPromising,
  thinUseCase,
  interventionMismatch,
  noCommunityVoice,
  iterationChain,
  unplannedImplementation,
  dateOrder,
];

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** The rules of one stage, in the order above. */
export function rulesOfStage(stage: RuleStage): readonly Rule[] {
  return rules.filter((rule) => (rule.stage ?? 'content') === stage);
}
