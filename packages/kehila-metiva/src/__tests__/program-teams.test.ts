// The channel teams' rules that look at who records and when (PROGRAM S6, T2, T3): the domain head
// appointed by the city CEO wherever it is recorded, a team's events recorded by its own domain
// head only, four meetings and no more, on working days, planned every two weeks from the
// appointment.
import type { Forecast, Plan } from '@maslul/timing';
import { israelCalendar } from '@maslul/timing/israel';
import { describe, expect, it } from 'vitest';
import { expectRefused } from './expect-refused.js';
import {
  actors,
  domainHeads,
  driveTo,
  type KehilaEvent,
  team,
  teamMeeting,
  workPlan,
} from './program-fixtures.js';

const meet = (channel: 'social' | 'urban', number: number, date: string): KehilaEvent => ({
  type: 'team.meet',
  item: `team-${channel}`,
  payload: teamMeeting(channel, number, date),
});

describe('T2: the domain head, wherever it is recorded', () => {
  it('T2: refuses a team whose roster records its domain head as appointed by the program manager (team.create)', () => {
    const run = driveTo('team-social.create');
    const roster = team('social');
    const event: KehilaEvent = {
      type: 'team.create',
      item: 'team-social',
      payload: { ...roster, domainHead: { ...roster.domainHead, appointedBy: 'programManager' } },
    };
    expectRefused(run, '2027-01-27', event, actors.manager, 'rule-failed', 'T2');
    expect(run.send('2027-01-27', run.next.event, run.next.actor).ok).toBe(true);
  });

  it("T2: refuses a meeting of the social team recorded by the urban team's domain head", () => {
    const run = driveTo('team-social.meet#1');
    expectRefused(
      run,
      '2027-02-10',
      meet('social', 1, '2027-02-10'),
      actors.urbanHead,
      'rule-failed',
      'T2',
    );
    expect(run.send('2027-02-10', meet('social', 1, '2027-02-10'), actors.socialHead).ok).toBe(
      true,
    );
  });

  it("T2: refuses the social team's work plan submitted by another team's domain head", () => {
    const run = driveTo('team-social.submitPlan');
    const submit: KehilaEvent = {
      type: 'team.submitPlan',
      item: 'team-social',
      payload: workPlan('social'),
    };
    expectRefused(run, '2027-03-31', submit, actors.urbanHead, 'rule-failed', 'T2');
  });

  it('T2: the domain head the appointment names records, by actor id', () => {
    const run = driveTo('team-social.appoint');
    const other = { ...domainHeads.social, actorId: 'head-social-other' };
    expect(
      run.send(
        '2027-01-28',
        { type: 'team.appoint', item: 'team-social', payload: other },
        actors.ceo,
      ).ok,
    ).toBe(true);
    const successor = { id: 'head-social-other', roles: ['domainHead'] } as const;
    expectRefused(
      run,
      '2027-02-10',
      meet('social', 1, '2027-02-10'),
      actors.socialHead,
      'rule-failed',
      'T2',
    );
    expect(run.send('2027-02-10', meet('social', 1, '2027-02-10'), successor).ok).toBe(true);
  });
});

describe('T3: four meetings, every two weeks, on working days, planned', () => {
  it('T3: refuses a fifth team meeting', () => {
    const run = driveTo('team-social.submitPlan');
    expectRefused(
      run,
      '2027-04-07',
      meet('social', 4, '2027-04-07'),
      actors.socialHead,
      'rule-failed',
      'T3',
    );
  });

  it('T3: refuses a team meeting recorded on a day that is not a working day (a Saturday, like Rosh Hashana II)', () => {
    const run = driveTo('team-social.meet#2');
    expectRefused(
      run,
      '2027-02-20',
      meet('social', 2, '2027-02-20'),
      actors.socialHead,
      'rule-failed',
      'T3',
    );
    expect(israelCalendar().isWorkingDay('2026-09-13')).toBe(false); // Rosh Hashana II, a Sunday
  });

  it('T3: plans each team four meetings every two weeks from its appointment, on working days', () => {
    const run = driveTo('S6.start');
    const plan = run.instance.schedule().plan as Plan;
    const calendar = israelCalendar();
    for (const channel of ['social', 'urban'] as const) {
      const planned = plan.steps[`team-${channel}.meet`];
      expect(planned?.label).toBe(`Team work meeting (team-${channel})`);
      const dates = planned?.occurrences?.map((o) => o.date) ?? [];
      expect(dates).toEqual(['2027-02-11', '2027-02-25', '2027-03-11', '2027-03-25']);
      expect(dates.every((date) => calendar.isWorkingDay(date as never))).toBe(true);
      expect(plan.steps[`team-${channel}.appoint`]?.recorded.finish).toBe(true);
    }
    expect(run.instance.deadlines()).toContainEqual(
      expect.objectContaining({ id: 'team-social.meet:due', date: '2027-02-11' }),
    );
    // Meeting 1 a day early moves the rest; the forecast starts from it.
    expect(run.send('2027-02-10', meet('social', 1, '2027-02-10'), actors.socialHead).ok).toBe(
      true,
    );
    const replanned = (run.instance.schedule().plan as Plan).steps['team-social.meet'];
    expect(replanned?.occurrences?.map((o) => o.date)).toEqual([
      '2027-02-10',
      '2027-02-24',
      '2027-03-10',
      '2027-03-24',
    ]);
    expect(
      (run.instance.forecast({ runs: 100 }) as Forecast).steps['team-social.meet']?.start.p90,
    ).toBe('2027-02-10');
  });

  it('T3: a team that held its four meetings has none planned left', () => {
    const run = driveTo('team-social.submitPlan');
    const planned = (run.instance.schedule().plan as Plan).steps['team-social.meet'];
    expect(planned?.recorded).toEqual({ start: true, finish: true });
    expect(run.instance.deadlines().some((d) => d.step === 'team-social.meet')).toBe(false);
  });
});
