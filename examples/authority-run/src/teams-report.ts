import type { ItemRecord } from '@maslul/core';
import type { DomainHead, Team, WorkPlan } from '@maslul/kehila-metiva';
import { columns, monthDay, shekels } from './format.js';

// The channel teams of S6 as the program recorded them (T1-T3): who leads each, how many
// members, when the head was appointed, the four meetings and the work plan.

/** The teams' lines, one pair per team, in the order the teams were formed. */
export function teamsReport(items: { readonly [id: string]: ItemRecord }): string[] {
  const lines = [
    'Channel teams (T1: 10-15 members; T2: head appointed by the city CEO; T3: 4 meetings, 2 weeks apart)',
  ];
  for (const item of Object.values(items)) {
    if (item.kind !== 'team') continue;
    const team = item.data as Team;
    const head = item.events.appoint?.payload as DomainHead | undefined;
    const meetings = item.events.meet?.occurrences ?? [];
    const plan = item.events.submitPlan;
    const actions = (plan?.payload as WorkPlan | undefined)?.actions ?? [];
    const budget = actions.reduce((total, action) => total + action.budget.amountAgorot, 0);
    const [first = '', ...rest] = meetings;
    lines.push(
      columns(
        [
          '',
          team.channel,
          `${head?.name ?? '(no head)'}, ${team.members.length} members, appointed ${item.events.appoint?.date ?? '-'}`,
        ],
        [2, 13],
      ),
      columns(
        [
          '',
          '',
          `meetings ${[first, ...rest.map(monthDay)].join(', ')}; work plan ${plan?.date ?? '-'}: ${actions.length} action${actions.length === 1 ? '' : 's'}, ${shekels(budget)}`,
        ],
        [2, 13],
      ),
    );
  }
  return lines;
}
