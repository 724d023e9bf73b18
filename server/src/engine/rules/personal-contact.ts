import { stringAt } from '../document';
import { replaceScalarText } from '../edits';
import { type Rule } from '../rule';
import { quoted } from '../prose';

// Bounded parts (as an address's are: 64 before the @, 253 after): with `+`,
// a long run of letters with no @ made this search take quadratic time.
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}/;
// Groups of digits the way phone numbers are written: (217) 555-0142,
// 555 0142, +1 217.555.0142 — with seven digits or more. Dates are not phones.
const PHONE = /(?:\+\d{1,3}[\s.-]*)?(?:\(\d{2,4}\)[\s.-]*)?\d{2,4}(?:[\s.-]\d{2,4}){1,3}/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

function hasPhoneNumber(text: string): boolean {
  const withoutDates = text.replace(ISO_DATE, ' ');
  return [...withoutDates.matchAll(PHONE)].some((m) => m[0].replace(/\D/g, '').length >= 7);
}
// Shared mailboxes of an organisation are not a person's address.
const ROLE_MAILBOX = /^(info|contact|hello|office|admin|team|help|support|press|media|general)@/i;

export const personalContact: Rule = {
  id: 'personal-contact',
  defaultSeverity: 'warning',
  suggests: true,
  disableAsksReason: true,
  check({ model, say, report }) {
    for (const step of model.steps) {
      for (const collaborator of model.collaborators(step)) {
        if (collaborator.role !== 'resident' || !collaborator.contact || !collaborator.contactNode) continue;
        const email = EMAIL.exec(collaborator.contact)?.[0];
        const isEmail = email !== undefined && !ROLE_MAILBOX.test(email);
        const isPhone = hasPhoneNumber(collaborator.contact);
        if (!isEmail && !isPhone) continue;
        // How to reach them through the group they came with, when the file names one.
        const group = (stringAt(collaborator.node, 'organization') ?? stringAt(collaborator.node, 'represents'))?.trim();
        const via = group ? replaceScalarText(collaborator.contactNode, `via ${group}`) : undefined;
        report({
          node: collaborator.contactNode,
          suggestions: via ? [{ title: say('rule.personal-contact.writeVia', { text: quoted(`via ${group}`) }), edits: [via] }] : undefined,
          message: say(isEmail ? 'rule.personal-contact.email' : 'rule.personal-contact.phone'),
        });
      }
    }
  },
};
