import { isMap, mapAt, scalarText, seqItems, valueOf, type Node } from '../document';
import type { Step, TdeModel } from '../model';
import type { RuleContext } from '../rule';
import { type Rule } from '../rule';
import type { RelatedLocation } from '../problem';
import { relatedAt, stepName } from './messageParts';
import { quoted } from '../prose';

interface DatedEntry {
  /** What the date belongs to, as the message's key names it: "engagement", "milestone", … */
  what: 'engagement' | 'tactic' | 'feedback' | 'milestone' | 'outcome';
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

function datesIn(list: Node | undefined, what: DatedEntry['what']): DatedEntry[] {
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

function checkDates(model: TdeModel, { say, language }: Pick<RuleContext, 'say' | 'language'>, report: (entry: DatedEntry, message: string, related: RelatedLocation[]) => void): void {
  const startedNode = valueOf(mapAt(model.root, 'project'), 'started');
  const started = dateText(startedNode);
  /** The earliest date of the last step before this one that has dates. */
  let earlier: { step: Step; entry: DatedEntry } | undefined;
  for (const step of model.steps) {
    const entries = datedEntries(step);
    for (const entry of entries) {
      if (started && startedNode && entry.date < started) {
        const what = say(`rule.date-order.what.${entry.what}`);
        report(entry, say('rule.date-order.beforeStart', { what, date: entry.date, started }), relatedAt(startedNode, quoted('project.started')));
      } else if (earlier && entry.date < earlier.entry.date) {
        const what = say(`rule.date-order.what.${entry.what}`);
        const before = stepName(earlier.step, language);
        report(entry, say('rule.date-order.beforeEarlierStep', { what, date: entry.date, step: stepName(step, language), before, earliest: earlier.entry.date }),
          relatedAt(earlier.entry.node, say('rule.date-order.earliest', { step: before })));
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
  check({ model, say, language, report }) {
    checkDates(model, { say, language }, (entry, message, related) => report({ node: entry.node, message, related }));
  },
};
