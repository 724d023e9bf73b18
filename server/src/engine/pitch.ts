// The worksheet's pitch: six blanks filled from the file, in a frame of our
// own words (`pitch.frame` in l10n/<lang>.json, in the reader's language) or
// the team's own `refine.pitch.template`, which stays as the team wrote it.
import { isMap, isScalar, isSeq, mapAt, scalarText, seqItems, valueOf, type Node } from './document';
import type { TdeModel } from './model';
import type { NodePath } from './problem';
import { isPlaceholderText } from './placeholders';
import { listWords, lowerFirstWord, withoutClosingStop, withoutRepeatedWords } from './prose';
import { pitchBlanks, tacticById } from './vocabulary';
import { message, vocabularyText, type Language } from '../shared/l10n';

type PitchBlankKey = 'focus_area' | 'impact' | 'refining_tactic' | 'data_requesters' | 'data_supply' | 'next_steps';

export interface PitchBlank {
  key: PitchBlankKey;
  /** The worksheet's label in the reader's language, e.g. FOCUS AREA. */
  label: string;
  /** The filled text, or undefined when the blank is empty. */
  value?: string;
  empty: boolean;
  /** Where the blank's text lives (or would live) in the file. */
  path: NodePath;
  /** The node holding it, when present. */
  node?: Node;
}

interface PitchSegment {
  text: string;
  /** Set when this segment is a blank (filled or not). */
  blank?: PitchBlankKey;
  empty?: boolean;
}

export interface Pitch {
  /** Plain text; empty blanks appear as [LABEL]. */
  text: string;
  segments: PitchSegment[];
  blanks: PitchBlank[];
  /** Labels of the blanks still empty, in the pitch's order. */
  emptyBlanks: string[];
  /** Whether the team's own frame was used. */
  customTemplate: boolean;
}

/** Our frame in English; other languages have theirs under the same key. */
export const DEFAULT_PITCH_TEMPLATE = message('en', 'pitch.frame');

const MAX_FILLED_PLACEHOLDERS = 60;
const MAX_FILLED_LENGTH = 100_000;

const BLANK_PATHS: Record<PitchBlankKey, NodePath> = {
  focus_area: ['find', 'result', 'focus_area'],
  impact: ['refine', 'pitch', 'impact'],
  refining_tactic: ['refine', 'tactics'],
  data_requesters: ['refine', 'worksheet', 'data_requesters'],
  data_supply: ['refine', 'worksheet', 'data_supply'],
  next_steps: ['refine', 'worksheet', 'next_steps'],
};

/** The trimmed texts of a scalar or of a list of scalars (empty ones left out). */
function texts(node: Node | undefined): string[] {
  const items = isSeq(node) ? seqItems(node) : [node];
  // Template text left in place is not yet the team's answer: the blank stays empty.
  return items.map((item) => (isScalar(item) ? scalarText(item)?.trim() ?? '' : '')).filter((text) => text && !isPlaceholderText(text));
}

function tacticNames(node: Node | undefined, language: Language): string[] {
  /** A known tactic's name in the reader's language; an unknown id as written. */
  const nameOf = (id: string): string => {
    const tactic = tacticById(id);
    return tactic ? vocabularyText(language, `tactic.${tactic.id}.name`, tactic.name) : id;
  };
  const names: string[] = [];
  for (const item of seqItems(node)) {
    if (isScalar(item)) {
      const id = scalarText(item);
      if (id) names.push(nameOf(id));
    } else if (isMap(item)) {
      const custom = scalarText(valueOf(item, 'custom'));
      const id = scalarText(valueOf(item, 'id'));
      const name = custom ?? (id ? nameOf(id) : undefined);
      if (name?.trim() && !isPlaceholderText(name)) names.push(name.trim());
    }
  }
  return names;
}

/**
 * A blank's words as they read in the frame: joined with commas and "and"
 * (or "y", in the reader's language),
 * without a closing stop where the frame goes on, without the words the frame
 * has just said, and (in our own frame, where the sentence continues)
 * with an ordinary first word lowered. Tactic names are names: kept.
 */
function inFrame(blank: PitchBlank, items: readonly string[], before: string, after: string, ownFrame: boolean, language: Language): string {
  const continues = before.trim() !== '' && !/[.!?:\n]\s*$/u.test(before);
  const lower = !ownFrame && blank.key !== 'refining_tactic';
  const words = items.map((item, i) => {
    let text = after.trim() !== '' || i < items.length - 1 ? withoutClosingStop(item) : item;
    if (i === 0 && continues) text = withoutRepeatedWords(before, text);
    return lower && (i > 0 || continues) ? lowerFirstWord(text) : text;
  });
  return listWords(words, 'and', language);
}

function nodeAt(model: TdeModel, path: NodePath): Node | undefined {
  const [step, group, key] = path as string[];
  const stepMap = model.step(step as 'find').map;
  return key === undefined ? valueOf(stepMap, group!) : valueOf(mapAt(stepMap, group!), key);
}

/** The pitch of a file, in `language` (our frame, the blanks' labels, tactic names); the team's words stay as written. */
export function buildPitch(model: TdeModel | undefined, language: Language = 'en'): Pitch {
  const items = new Map<PitchBlankKey, string[]>();
  const blanks: PitchBlank[] = pitchBlanks.map((info) => {
    const key = info.key as PitchBlankKey;
    const path = BLANK_PATHS[key];
    const node = model ? nodeAt(model, path) : undefined;
    const words = key === 'refining_tactic' ? tacticNames(node, language) : texts(node);
    items.set(key, words);
    const value = words.length ? listWords(words, 'and', language) : undefined;
    const label = vocabularyText(language, `pitchBlank.${key}.label`, info.label);
    return { key, label, value, empty: value === undefined, path, node };
  });
  const templateNode = model ? valueOf(mapAt(model.step('refine').map, 'pitch'), 'template') : undefined;
  const custom = scalarText(templateNode)?.trim();
  const template = custom || message(language, 'pitch.frame');
  const segments: PitchSegment[] = [];
  const byKey = new Map(blanks.map((b) => [b.key, b]));
  const matches = [...template.matchAll(/\{([a-z_]+)\}/g)].filter((m) => byKey.has(m[1] as PitchBlankKey));
  let last = 0;
  let filled = 0;
  let filledLength = 0;
  let said = '';
  for (const [i, match] of matches.entries()) {
    // An unknown placeholder is the schema's to report: it stays as text.
    const blank = byKey.get(match[1] as PitchBlankKey)!;
    // A frame that repeats its blanks without end would make a pitch of
    // gigabytes (each copy is a whole answer): past six fills (one per blank)
    // it fills only while the pitch stays of a readable size; the rest stays text.
    filledLength += blank.value?.length ?? 0;
    if (++filled > 6 && (filled > MAX_FILLED_PLACEHOLDERS || filledLength > MAX_FILLED_LENGTH)) break;
    if (match.index! > last) segments.push({ text: template.slice(last, match.index) });
    said = `${said}${template.slice(last, match.index)}`.slice(-200);
    const end = match.index! + match[0].length;
    const after = template.slice(end, matches[i + 1]?.index ?? template.length);
    const text = blank.empty ? `[${blank.label}]` : inFrame(blank, items.get(blank.key)!, said, after, Boolean(custom), language);
    segments.push({ text, blank: blank.key, empty: blank.empty });
    said = `${said}${text}`.slice(-200);
    last = end;
  }
  if (last < template.length) segments.push({ text: template.slice(last) });
  const used = new Set(segments.flatMap((s) => (s.blank ? [s.blank] : [])));
  return {
    text: segments.map((s) => s.text).join(''),
    segments,
    blanks,
    emptyBlanks: blanks.filter((b) => b.empty && used.has(b.key)).map((b) => b.label),
    customTemplate: Boolean(custom),
  };
}

/**
 * The pitch as one Markdown paragraph, for every door (the CLI, a review, the
 * editor's "Copy as Markdown"): filled blanks in bold, empty ones as code
 * (gaps that stand out). `escape` is the door's escaping of the team's text.
 */
export function pitchParagraphMarkdown(pitch: Pitch, escape: (text: string) => string): string {
  return pitch.segments
    .map((segment) => {
      const text = segment.text.replace(/\s*[\r\n]+\s*/g, ' ');
      if (!segment.blank) return escape(text);
      return segment.empty ? `\`${text}\`` : `**${escape(text)}**`;
    })
    .join('');
}
