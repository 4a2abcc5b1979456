import type { ProgramEvent } from '@maslul/core';
import { type KehilaMetiva, kehilaMetiva } from '@maslul/kehila-metiva';
import { type Lang, labelOf, MESSAGES } from './i18n.js';

// An event's name from the program's labels: "S2.finish" is the mapping step's label and "ends",
// "initiative.continue" the item event's label and the initiative's title.

type StepId = keyof typeof kehilaMetiva.steps;
type ItemKind = keyof typeof kehilaMetiva.items;

/** The event as the page names it, in `lang`; `titles` names items (an initiative's title). */
export function eventLabel(
  event: ProgramEvent<KehilaMetiva>,
  lang: Lang,
  titles: ReadonlyMap<string, string> = new Map(),
): string {
  const m = MESSAGES[lang];
  const [head = '', phase] = event.type.split('.');
  if (Object.hasOwn(kehilaMetiva.steps, head)) {
    const label = labelOf(kehilaMetiva.steps[head as StepId].label, lang);
    return phase === 'start'
      ? `${label} (${m.starts})`
      : phase === 'finish'
        ? `${label} (${m.finishes})`
        : label;
  }
  if (!Object.hasOwn(kehilaMetiva.items, head)) return event.type;
  const item = kehilaMetiva.items[head as ItemKind];
  const itemId = 'item' in event ? event.item : undefined;
  const which = itemId === undefined ? '' : `: ${titles.get(itemId) ?? itemId}`;
  const what =
    phase === 'create'
      ? `${labelOf(item.label, lang)} (${m.created})`
      : labelOf(item.events[phase ?? '']?.label ?? event.type, lang);
  return `${what}${which}`;
}
