import { isMap, mapAt, scalarText, seqItems, valueOf, type Node } from '../document';
import type { Step, TdeModel } from '../model';
import type { Rule } from '../rule';
import type { RelatedLocation } from '../types';
import { relatedAt, stepName } from './common';

interface DatedEntry {
  /** What the date belongs to, for the message: "engagement", "milestone", … */
  what: string;
  date: string;
  node: Node;
}

/** Only a well-formed date is compared (anything else is the schema's to report); YYYY-MM-DD text sorts as time does. */
function dateText(node: Node | undefined): string | undefined {
  const text = scalarText(node);
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text ? undefined : text;
}

function datesIn(list: Node | undefined, what: string): DatedEntry[] {
  return seqItems(list).flatMap((item) => {
    if (!isMap(item)) return [];
    const node = valueOf(item, 'date');
    const date = dateText(node);
    return node && date ? [{ what, date, node }] : [];
  });
}

/** Every dated entry of a step, in file order within each kind. */
function datedEntries(step: Step): DatedEntry[] {
  const map = step.map;
  if (!map) return [];
  const entries = [...datesIn(valueOf(map, 'engagement'), 'engagement'), ...datesIn(valueOf(map, 'tactics'), 'tactic')];
  if (step.id === 'design') entries.push(...datesIn(valueOf(map, 'feedback'), 'feedback'), ...datesIn(valueOf(mapAt(map, 'plan'), 'timeline'), 'milestone'));
  if (step.id === 'implement') entries.push(...datesIn(valueOf(map, 'outcomes'), 'outcome'));
  return entries;
}

function checkDates(model: TdeModel, report: (entry: DatedEntry, message: string, related: RelatedLocation[]) => void): void {
  const startedNode = valueOf(mapAt(model.root, 'project'), 'started');
  const started = dateText(startedNode);
  /** The earliest date of the last step before this one that has dates. */
  let earlier: { step: Step; entry: DatedEntry } | undefined;
  for (const step of model.steps) {
    const entries = datedEntries(step);
    for (const entry of entries) {
      if (started && startedNode && entry.date < started) {
        report(entry, `This ${entry.what} date (${entry.date}) is earlier than the day the project started (\`project.started: ${started}\`). Check the year and the order of month and day, or correct \`project.started\`.`, relatedAt(startedNode, '`project.started`'));
      } else if (earlier && entry.date < earlier.entry.date) {
        report(entry, `This ${entry.what} date (${entry.date}) in ${stepName(step)} is earlier than every date in ${stepName(earlier.step)} (the earliest is ${earlier.entry.date}). Each step follows the one before it: check the year and the order of month and day.`, relatedAt(earlier.entry.node, `earliest date in ${stepName(earlier.step)}`));
      }
    }
    if (entries.length) {
      const first = entries.reduce((a, b) => (b.date < a.date ? b : a));
      earlier = { step, entry: first };
    }
  }
}

export const dateOrder: Rule = {
  id: 'date-order',
  defaultSeverity: 'info',
  description: "A dated entry earlier than `project.started`, or a date in a step earlier than every date of the step before it.",
  fixable: false,
  check({ model, report }) {
    checkDates(model, (entry, message, related) => report({ node: entry.node, message, related }));
  },
};
