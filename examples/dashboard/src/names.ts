import { type KehilaRole, kehilaMetiva } from '@maslul/kehila-metiva';
import type { Owner } from './demo-state.js';
import { type Lang, labelOf, MESSAGES } from './i18n.js';

// The program's names for roles and steps in the page's language, and an owner as a person reads
// it: "Domain head (Michal Ben-Ami)".

/** A role's label, or the role id where the program has none. */
export const roleLabel = (role: string | undefined, lang: Lang): string | undefined =>
  role !== undefined && Object.hasOwn(kehilaMetiva.roles, role)
    ? labelOf(kehilaMetiva.roles[role as KehilaRole].label, lang)
    : role;

/** A step's label, or for an item's planned event (`team-social.meet`) its team's meetings. */
export function stepLabel(id: string, lang: Lang): string {
  if (Object.hasOwn(kehilaMetiva.steps, id)) {
    return labelOf(kehilaMetiva.steps[id as keyof typeof kehilaMetiva.steps].label, lang);
  }
  const team = /^team-([a-z]+)\.meet$/.exec(id)?.[1];
  const m = MESSAGES[lang];
  return team ? m.meetingsOf(m.channels[team] ?? team) : id;
}

/** An owner: the role, and the person holding it where the page knows them. */
export const ownerLabel = (owner: Owner, lang: Lang): string => {
  const role = roleLabel(owner.role, lang) ?? owner.role;
  return owner.actor ? `${role} (${owner.actor.name[lang]})` : role;
};
