import type { Runtime } from '@maslul/core';
import type { KehilaMetiva } from '@maslul/kehila-metiva';
import type { PlainDate } from '@maslul/timing';
import { people } from '../../authority-run/src/authority.js';
import { ON } from '../../authority-run/src/dates.js';
import { ID } from '../../authority-run/src/run.js';

// Attempts the program refuses, for the initiative page's refusal log: a resident who tries to
// record a measurement of the homework club (only the program manager may, so the runtime refuses the
// role), and the program manager sending a share of progress above 1 (rule X3 refuses the payload).
// Neither is stored as an event; both go to the instance's refusal log.

const resident = { id: 'resident-avi', roles: ['public'] } as const;

/** The day of the attempts: the day the initiatives are set up. */
export const REFUSED_ON: PlainDate = ON.initiativesCreated;

/** Sends the two refused attempts on the homework club, measured `today` (the clock's day). */
export async function sendRefusedAttempts(runtime: Runtime<KehilaMetiva>, today: PlainDate) {
  const measure = (share: number) =>
    ({
      type: 'initiative.measure',
      item: 'homework-club',
      payload: {
        initiativeId: 'homework-club',
        measuredOn: today,
        progress: [{ measure: 'share', objectiveId: 'cut-dropout', share }],
      },
    }) as const;
  for (const [actor, event] of [
    [resident, measure(0.1)],
    [people.manager, measure(1.5)],
  ] as const) {
    const result = await runtime.send(ID, event as never, { actor: actor as never });
    if (result.ok)
      throw new Error(`The refused attempt "${event.type}" by ${actor.id} was accepted.`);
  }
}
