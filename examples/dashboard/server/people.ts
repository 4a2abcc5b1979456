import type { Actor } from '@maslul/core';
import type { Channel, KehilaRole } from '@maslul/kehila-metiva';
import { people } from '../../authority-run/src/authority.js';

// The authority's people as the page names them, in both languages (authority-run keeps ids only).

const NAMES: Record<string, { readonly he: string; readonly en: string }> = {
  'mayor-ronit-shalev': { he: 'רונית שלו, ראש העיר', en: 'Ronit Shalev, mayor' },
  'shaping-committee': { he: 'הוועדה המעצבת', en: 'The shaping committee' },
  'ceo-eli-navon': { he: 'אלי נבון', en: 'Eli Navon' },
  'pm-tamar-golan': { he: 'תמר גולן', en: 'Tamar Golan' },
  'hackathon-committee': { he: 'ועדת ההאקתון', en: 'The hackathon committee' },
  'head-social-michal': { he: 'מיכל בן־עמי', en: 'Michal Ben-Ami' },
  'head-educational-yoav': { he: 'יואב סלע', en: 'Yoav Sela' },
  'head-urban-rina': { he: 'רינה כץ', en: 'Rina Katz' },
  'head-economic-samir': { he: 'סמיר חדאד', en: 'Samir Haddad' },
};

/** A person's name in both languages (the id where the page knows no name). */
export const nameOf = (id: string): { readonly he: string; readonly en: string } =>
  NAMES[id] ?? { he: id, en: id };

const everyone: readonly Actor<KehilaRole>[] = [
  people.mayor,
  people.shaping,
  people.ceo,
  people.manager,
  people.hackathon,
  ...Object.values(people.heads),
];

/**
 * The authority's person for a role: for a domain head, the head of the item's team
 * (`team-social`), or the first one.
 */
export function personOf(role: string, item?: string | undefined): Actor | undefined {
  const channel = /^team-([a-z]+)$/.exec(item ?? '')?.[1] as Channel | undefined;
  if (role === 'domainHead' && channel && people.heads[channel]) return people.heads[channel];
  return everyone.find((person) => person.roles.includes(role as KehilaRole));
}
