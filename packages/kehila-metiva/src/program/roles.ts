import type { RoleDefinition } from '@maslul/core';

/**
 * The roles of Kehila Metiva (PROGRAM, "Who takes part"), with Hebrew and English labels.
 *
 * @example
 * ```ts
 * import { roles } from '@maslul/kehila-metiva';
 *
 * roles.cityCeo.label; // { en: 'City CEO', he: 'מנכ"ל העירייה' }
 * ```
 * @category Program
 */
export const roles = {
  steeringCommittee: { label: { en: 'Steering committee', he: 'ועדת היגוי' } },
  shapingCommittee: { label: { en: 'Shaping committee', he: 'הוועדה המעצבת' } },
  cityCeo: { label: { en: 'City CEO', he: 'מנכ"ל העירייה' } },
  programManager: { label: { en: 'Program manager', he: 'מנהל.ת קהילה מיטיבה ברשות' } },
  domainHead: { label: { en: 'Domain head', he: 'ראש תחום יישובי' } },
  teamMember: { label: { en: 'Team member', he: 'חבר.ת צוות' } },
  hackathonCommittee: { label: { en: 'Hackathon committee', he: 'ועדת האקתון' } },
  public: { label: { en: 'Public', he: 'ציבור' } },
} as const satisfies Record<string, RoleDefinition>;

/**
 * A role of Kehila Metiva.
 *
 * @example
 * ```ts
 * import type { KehilaRole } from '@maslul/kehila-metiva';
 *
 * const role: KehilaRole = 'shapingCommittee';
 * ```
 * @category Program
 */
export type KehilaRole = keyof typeof roles;
