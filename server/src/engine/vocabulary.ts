// The method's vocabulary (steps, tactics, criteria, enum values, pitch
// blanks), read from the same file the JSON Schemas are generated from.
import vocabularyJson from '../../../schemas/src/vocabulary.json';

export const STEP_IDS = ['find', 'refine', 'design', 'implement'] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface StepInfo {
  id: StepId;
  title: string;
  summary: string;
  keyResult: string;
}

export interface Criterion {
  id: string;
  description: string;
}

export interface Tactic {
  id: string;
  step: StepId;
  name: string;
  summary: string;
  description: string;
  worksWellWhen: string;
  criteria?: Criterion[];
  /** Ids made from the guide's other names for this tactic (it names some twice), fixed to `id`. */
  otherNames?: string[];
}

export interface EnumValue {
  value: string;
  description: string;
  /** Other spellings read as this value (`true` for `yes`: what YAML 1.1 readers write). */
  aliases?: unknown[];
}

export interface PitchBlankInfo {
  key: string;
  label: string;
  description: string;
}

interface Vocabulary {
  steps: StepInfo[];
  tactics: Tactic[];
  enums: Record<string, EnumValue[]>;
  pitchBlanks: PitchBlankInfo[];
}

const vocabulary = vocabularyJson as unknown as Vocabulary;

export const steps: readonly StepInfo[] = vocabulary.steps;
export const tactics: readonly Tactic[] = vocabulary.tactics;
export const enums: Readonly<Record<string, EnumValue[]>> = vocabulary.enums;
export const pitchBlanks: readonly PitchBlankInfo[] = vocabulary.pitchBlanks;

const tacticsById = new Map(tactics.map((tactic) => [tactic.id, tactic]));

export function tacticById(id: string): Tactic | undefined {
  return tacticsById.get(id);
}

const tacticsByOtherName = new Map(tactics.flatMap((tactic) => (tactic.otherNames ?? []).map((name) => [name, tactic] as const)));

/** The tactic the guide also calls by this name (`observe-popular-meetings` → join-public-meetings). */
export function tacticByOtherName(name: string): Tactic | undefined {
  return tacticsByOtherName.get(name.trim().toLowerCase().replace(/[\s_]+/g, '-'));
}

export function tacticsOfStep(step: StepId): Tactic[] {
  return tactics.filter((tactic) => tactic.step === step);
}

export function stepInfo(step: StepId): StepInfo {
  return steps.find((info) => info.id === step)!;
}

export function stepTitle(step: StepId): string {
  return stepInfo(step)?.title ?? step;
}

/**
 * The value of an enumeration a YAML value stands for: itself when listed,
 * the value it is an alias of (`true` → `yes`), else undefined.
 */
export function enumValue(name: string, raw: unknown): string | undefined {
  for (const entry of enums[name] ?? []) {
    if (entry.value === raw || entry.aliases?.includes(raw)) return entry.value;
  }
  return undefined;
}
