/**
 * A name for people: one string, or one per locale (`{ en: 'Launch conference', he: 'כנס השקה' }`).
 *
 * @example
 * ```ts
 * import type { Label } from '@maslul/timing';
 *
 * const conference: Label = { en: 'Launch conference', he: 'כנס השקה רשותי' };
 * ```
 * @category Labels
 */
export type Label = string | { readonly [locale: string]: string };

/**
 * A label in a locale, falling back to English, then to any locale it has.
 *
 * @param label - the label
 * @param locale - a locale code such as `'he'`
 * @returns the text
 *
 * @example
 * ```ts
 * import { labelIn } from '@maslul/timing';
 *
 * labelIn({ en: 'Hackathon', he: 'האקתון' }, 'he'); // 'האקתון'
 * labelIn({ en: 'Hackathon' }, 'ar'); // 'Hackathon'
 * ```
 * @category Labels
 */
export function labelIn(label: Label, locale: string): string {
  if (typeof label === 'string') return label;
  return label[locale] ?? label.en ?? Object.values(label)[0] ?? '';
}
