// One change between two versions of a text: the span of the old text that
// was replaced and what replaced it. The server sends its checking thread
// these instead of whole texts.
import { commonPrefix, commonSuffix } from '../engine/incrementalTree';

export interface TextChange {
  /** Offsets in the old text. */
  start: number;
  end: number;
  insert: string;
}

/** The smallest single change that turns `before` into `after`. */
export function textChange(before: string, after: string): TextChange {
  const start = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, start);
  return { start, end: before.length - suffix, insert: after.slice(start, after.length - suffix) };
}

export function applyTextChange(before: string, change: TextChange): string {
  const { start, end, insert } = change;
  if (!(start >= 0 && start <= end && end <= before.length)) throw new RangeError(`a change of ${start}–${end} does not fit a text of ${before.length} characters`);
  return before.slice(0, start) + insert + before.slice(end);
}
