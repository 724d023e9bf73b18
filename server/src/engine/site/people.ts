// Who took part, as the public site may show it. Organisations and roles are
// public; a resident is a private person, named only when their entry says
// `publish_name: true`; nobody's `contact` is ever shown.
import { STEP_IDS } from '../vocabulary';
import { own, say, valueLabel, type PageContext } from './layout';
import { isRecord, listAt, textAt, type Data } from './projects';

type Context = Pick<PageContext, 'language'>;

/** Whether the site may show this collaborator's name. */
function nameIsPublic(collaborator: Data): boolean {
  return textAt(collaborator, 'role') !== 'resident' || collaborator.publish_name === true;
}

/** The names the file gives residents who did not agree to be named (lower-cased), from every step. */
export function privateNames(data: Data): Set<string> {
  const names = new Set<string>();
  for (const step of STEP_IDS) {
    for (const collaborator of listAt(data[step], 'collaborators')) {
      const name = textAt(collaborator, 'name');
      if (isRecord(collaborator) && name && !nameIsPublic(collaborator)) names.add(name.toLowerCase());
    }
  }
  return names;
}

/** A name the file uses elsewhere (`feedback.from`, `approved_by`): "a resident" when it names a resident who was not made public. */
export function mentionedName(context: Context, name: string, hidden: ReadonlySet<string>): string {
  return hidden.has(name.trim().toLowerCase()) ? say(context, 'person.resident') : own(name);
}

/** One collaborator: the name (or "A resident"), the role, the organisation, whom they speak for. */
export function collaboratorItem(context: Context, collaborator: unknown): string {
  if (!isRecord(collaborator)) return '';
  const name = textAt(collaborator, 'name');
  const role = textAt(collaborator, 'role');
  const organization = textAt(collaborator, 'organization');
  const represents = textAt(collaborator, 'represents');
  const shownName = name && nameIsPublic(collaborator)
    ? `<span class="person-name">${own(name)}</span>`
    : `<span class="person-name person-private">${say(context, role === 'resident' ? 'person.resident' : 'person.unnamed')}</span>`;
  const details = [
    role ? valueLabel(context, 'role', role) : '',
    organization ? own(organization) : '',
    represents ? say(context, 'person.represents', { group: represents }) : '',
    collaborator.intended_user === true ? say(context, 'person.intendedUser') : '',
  ].filter(Boolean);
  return `<li>${shownName}${details.length ? ` <span class="person-details">(${details.join(', ')})</span>` : ''}</li>`;
}
