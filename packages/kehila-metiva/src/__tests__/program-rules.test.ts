import type { SendResult } from '@maslul/core';
import { describe, expect, it } from 'vitest';
import { expectRefused } from './expect-refused.js';
import {
  actors,
  challengeIds,
  challenges,
  decision,
  decisions,
  domainHeads,
  driveTo,
  hackathon,
  type KehilaEvent,
  logicModel,
  measurement,
  type Run,
  recordUntil,
  START,
  scope,
  situationPicture,
  strategicPlan,
  team,
  teamMeeting,
  workPlan,
} from './program-fixtures.js';

/** Asserts the event was accepted, showing the refusal's message if it was not. */
function expectAccepted(result: SendResult): void {
  expect(result.ok, result.ok ? '' : result.refusal.message).toBe(true);
}

const itemState = (run: Run, item: string) =>
  run.instance.snapshot().machine.context.items[item]?.state;

describe('kehilaMetiva rules', () => {
  describe('S0: the scope names channels of the program', () => {
    it('S0: refuses a channel that is not one of the four (a z.enum message: rule S0)', () => {
      const run = driveTo('S0');
      const refusal = expectRefused(
        run,
        START,
        { type: 'S0', payload: { ...scope, channels: ['social', 'cultural' as never] } },
        actors.mayor,
        'invalid-payload',
        'S0',
      );
      expect(refusal.path).toEqual(['payload', 'channels', 1]);
    });
  });

  describe('S1: meeting 1 ranks five focus challenges', () => {
    it('S1: accepts exactly five ranked focus challenges', () => {
      const run = driveTo('S1');
      expectAccepted(run.send('2026-09-22', { type: 'S1', payload: challenges }, actors.shaping));
      expect(run.instance.current().strategy).toEqual({ step: 'S2', running: false });
    });

    it('S1: refuses four focus challenges (the schema: invalid-payload, rule S1)', () => {
      const run = driveTo('S1');
      const refusal = expectRefused(
        run,
        '2026-09-22',
        { type: 'S1', payload: challenges.slice(0, 4) },
        actors.shaping,
        'invalid-payload',
        'S1',
      );
      expect(refusal.message).toMatch(
        /^"S1" payload: S1: rank exactly five focus challenges, not 4/,
      );
      expect(refusal.issues[0]?.message.replace(/^"S1" payload: /, '')).toMatch(/^S1: /);
    });

    it('S1: refuses five challenges that do not rank 1 to 5 once each', () => {
      const run = driveTo('S1');
      const tied = challenges.map((c) => (c.rank === 5 ? { ...c, rank: 4 } : c));
      const refusal = expectRefused(
        run,
        '2026-09-22',
        { type: 'S1', payload: tied },
        actors.shaping,
        'invalid-payload',
        'S1',
      );
      expect(refusal.message).toMatch(/^"S1" payload\.4\.rank: S1: rank 4 is given to/);
    });
  });

  describe('S2: the situation picture', () => {
    it('S2: accepts a situation picture of the five focus challenges', () => {
      const run = driveTo('S2.finish');
      expectAccepted(
        run.send('2026-12-22', { type: 'S2.finish', payload: situationPicture() }, actors.manager),
      );
      expect(run.instance.current().strategy).toEqual({ step: 'S3', running: false });
    });

    it('S2: refuses a situation picture that leaves out one of the five challenges', () => {
      const run = driveTo('S2.finish');
      const refusal = expectRefused(
        run,
        '2026-12-22',
        { type: 'S2.finish', payload: situationPicture(challengeIds.slice(0, 4)) },
        actors.manager,
        'rule-failed',
        'S2',
      );
      expect(refusal.issues[0]?.step).toBe('S2');
    });

    it('S2: refuses a picture of five challenges when one is not a challenge of S1', () => {
      const run = driveTo('S2.finish');
      expectRefused(
        run,
        '2026-12-22',
        {
          type: 'S2.finish',
          payload: situationPicture([...challengeIds.slice(0, 4), 'traffic-jams']),
        },
        actors.manager,
        'rule-failed',
        'S2',
      );
    });
  });

  describe('S5: the logic model', () => {
    it('S5: accepts a logic model of the channels chosen at S0', () => {
      const run = driveTo('S5');
      expectAccepted(run.send('2027-01-26', { type: 'S5', payload: logicModel() }, actors.shaping));
    });

    it('S5: refuses a logic model that leaves out a channel chosen at S0', () => {
      const run = driveTo('S5');
      expectRefused(
        run,
        '2027-01-26',
        { type: 'S5', payload: logicModel(['social']) },
        actors.shaping,
        'rule-failed',
        'S5',
      );
    });

    it('S5: refuses a logic model of a channel not chosen at S0', () => {
      const run = driveTo('S5');
      expectRefused(
        run,
        '2027-01-26',
        { type: 'S5', payload: logicModel(['social', 'urban', 'economic']) },
        actors.shaping,
        'rule-failed',
        'S5',
      );
    });
  });

  describe('T1: one team of 10-15 per chosen channel', () => {
    it('T1: accepts a team of 10 and a team of 15 for the two chosen channels', () => {
      const run = driveTo('team-social.create');
      const create = (channel: 'social' | 'urban', size: number) =>
        run.send(
          '2027-01-27',
          { type: 'team.create', item: `team-${channel}`, payload: team(channel, size) },
          actors.manager,
        );
      expectAccepted(create('social', 10));
      expectAccepted(create('urban', 15));
      expect(itemState(run, 'team-social')).toBe('formed');
      expect(itemState(run, 'team-urban')).toBe('formed');
    });

    it('T1: refuses a team of 9 or of 16 members (the schema)', () => {
      const run = driveTo('team-social.create');
      for (const size of [9, 16]) {
        const refusal = expectRefused(
          run,
          '2027-01-27',
          { type: 'team.create', item: 'team-social', payload: team('social', size) },
          actors.manager,
          'invalid-payload',
          'T1',
        );
        expect(refusal.message).toContain(
          `"team.create" payload.members: T1: a team has 10 to 15 members; this one has ${size}`,
        );
      }
    });

    it('T1: refuses a team for a channel not chosen at S0', () => {
      const run = driveTo('team-social.create');
      expectRefused(
        run,
        '2027-01-27',
        { type: 'team.create', item: 'team-educational', payload: team('educational') },
        actors.manager,
        'rule-failed',
        'T1',
      );
    });

    it('T1: refuses a team whose id is not team-<channel>', () => {
      const run = driveTo('team-social.create');
      expectRefused(
        run,
        '2027-01-27',
        { type: 'team.create', item: 'social-team', payload: team('social') },
        actors.manager,
        'rule-failed',
        'T1',
      );
    });

    it('T1: refuses a second team for the same channel', () => {
      const run = driveTo('team-urban.create');
      expectRefused(
        run,
        '2027-01-27',
        { type: 'team.create', item: 'team-social', payload: team('social', 11) },
        actors.manager,
        'not-now',
        'core.item-unique',
      );
    });

    it('T1: refuses a team before the logic model (S5) is recorded', () => {
      const run = driveTo('S5');
      expectRefused(
        run,
        '2027-01-26',
        { type: 'team.create', item: 'team-social', payload: team('social') },
        actors.manager,
        'waiting',
        'core.after',
      );
    });
  });

  describe('T2: the city CEO appoints each domain head', () => {
    const appoint: KehilaEvent = {
      type: 'team.appoint',
      item: 'team-social',
      payload: domainHeads.social,
    };

    it('T2: accepts the appointment by the city CEO', () => {
      const run = driveTo('team-social.appoint');
      expectAccepted(run.send('2027-01-28', appoint, actors.ceo));
      expect(itemState(run, 'team-social')).toBe('appointed');
    });

    it('T2: refuses an appointment recorded as made by anyone but the city CEO', () => {
      const run = driveTo('team-social.appoint');
      const byManager: KehilaEvent = {
        type: 'team.appoint',
        item: 'team-social',
        payload: { ...domainHeads.social, appointedBy: 'programManager' },
      };
      expectRefused(run, '2027-01-28', byManager, actors.ceo, 'rule-failed', 'T2');
    });

    it('T2: refuses the appointment by the program manager (forbidden)', () => {
      const run = driveTo('team-social.appoint');
      expectRefused(run, '2027-01-28', appoint, actors.manager, 'forbidden', 'core.roles');
    });
  });

  describe('T3: four meetings two weeks apart, then the work plan', () => {
    const meet = (number: number, date: string): KehilaEvent => ({
      type: 'team.meet',
      item: 'team-social',
      payload: teamMeeting('social', number, date),
    });

    it('T3: accepts a meeting 14 days after the previous one', () => {
      const run = driveTo('team-social.meet#2');
      expectAccepted(run.send('2027-02-24', meet(2, '2027-02-24'), actors.socialHead));
      expect(
        run.instance.snapshot().machine.context.items['team-social']?.events.meet?.occurrences,
      ).toEqual(['2027-02-10', '2027-02-24']);
    });

    it('T3: refuses a meeting 7 days after the previous one', () => {
      const run = driveTo('team-social.meet#2');
      expectRefused(
        run,
        '2027-02-17',
        meet(2, '2027-02-17'),
        actors.socialHead,
        'rule-failed',
        'T3',
      );
    });

    it('T3: refuses a meeting 19 days after the previous one', () => {
      const run = driveTo('team-social.meet#2');
      expectRefused(
        run,
        '2027-03-01',
        meet(2, '2027-03-01'),
        actors.socialHead,
        'rule-failed',
        'T3',
      );
    });

    it('T3: accepts the work plan after four meetings, for the team channel', () => {
      const run = driveTo('team-social.submitPlan');
      expectAccepted(
        run.send(
          '2027-03-31',
          { type: 'team.submitPlan', item: 'team-social', payload: workPlan('social') },
          actors.socialHead,
        ),
      );
      expect(itemState(run, 'team-social')).toBe('planned');
    });

    it('T3: refuses the work plan after only three meetings', () => {
      const run = driveTo('team-social.meet#4');
      expectRefused(
        run,
        '2027-03-24',
        { type: 'team.submitPlan', item: 'team-social', payload: workPlan('social') },
        actors.socialHead,
        'rule-failed',
        'T3',
      );
    });

    it("T3: refuses a work plan for another channel than the team's", () => {
      const run = driveTo('team-social.submitPlan');
      expectRefused(
        run,
        '2027-03-31',
        { type: 'team.submitPlan', item: 'team-social', payload: workPlan('urban') },
        actors.socialHead,
        'rule-failed',
        'T3',
      );
    });
  });

  describe('S6: every chosen channel has a planned team', () => {
    it('S6: accepts the end of S6 once both teams submitted their plans', () => {
      const run = driveTo('S6.finish');
      expectAccepted(run.send('2027-04-01', { type: 'S6.finish' }, actors.manager));
      expect(run.instance.current().strategy).toEqual({ step: 'S7', running: false });
    });

    it('S6: refuses to finish while the urban team has not submitted its plan', () => {
      const run = driveTo('team-urban.submitPlan');
      expect(itemState(run, 'team-social')).toBe('planned');
      expect(itemState(run, 'team-urban')).toBe('meeting');
      expectRefused(run, '2027-04-01', { type: 'S6.finish' }, actors.manager, 'rule-failed', 'S6');
    });
  });

  describe('P1, P2: the plan closed at S8', () => {
    it('P1: accepts a plan with both work plans, a social-infrastructure program', () => {
      const run = driveTo('S8');
      expectAccepted(
        run.send('2027-04-20', { type: 'S8', payload: strategicPlan() }, actors.shaping),
      );
      expect(run.instance.current().strategy).toEqual({ step: 'S9', running: false });
    });

    it('P1: refuses a plan with a work plan for a channel not chosen at S0', () => {
      const run = driveTo('S8');
      expectRefused(
        run,
        '2027-04-20',
        {
          type: 'S8',
          payload: strategicPlan([workPlan('social'), workPlan('urban'), workPlan('economic')]),
        },
        actors.shaping,
        'rule-failed',
        'P1',
      );
    });

    it("P1: refuses a plan without the urban channel's work plan", () => {
      const run = driveTo('S8');
      expectRefused(
        run,
        '2027-04-20',
        { type: 'S8', payload: strategicPlan([workPlan('social')]) },
        actors.shaping,
        'rule-failed',
        'P1',
      );
    });

    it('P1: refuses a plan with no action that strengthens social infrastructure (the schema)', () => {
      const run = driveTo('S8');
      const social = workPlan('social');
      const weak = {
        ...social,
        actions: social.actions.map((a) => ({ ...a, strengthensSocialInfrastructure: false })),
      };
      const refusal = expectRefused(
        run,
        '2027-04-20',
        { type: 'S8', payload: strategicPlan([weak, workPlan('urban')]) },
        actors.shaping,
        'invalid-payload',
        'P1',
      );
      expect(refusal.message).toContain(
        '"S8" payload.workPlans: P1: the plan includes no action that strengthens social infrastructure',
      );
    });

    it('P2: refuses a plan with no program, only interventions', () => {
      const run = driveTo('S8');
      const social = workPlan('social');
      const noProgram = {
        ...social,
        actions: social.actions.map((a) => ({ ...a, kind: 'intervention' as const })),
      };
      expectRefused(
        run,
        '2027-04-20',
        { type: 'S8', payload: strategicPlan([noProgram, workPlan('urban')]) },
        actors.shaping,
        'rule-failed',
        'P2',
      );
    });
  });

  describe('S9: the steering committee approves the plan', () => {
    it('S9: accepts the approval by the steering committee', () => {
      const run = driveTo('S9');
      expectAccepted(run.send('2027-05-04', { type: 'S9' }, actors.mayor));
      expect(run.instance.current().strategy).toEqual({ step: 'done', running: false });
    });

    it('S9: refuses the approval by the shaping committee (forbidden)', () => {
      const run = driveTo('S9');
      expectRefused(run, '2027-05-04', { type: 'S9' }, actors.shaping, 'forbidden', 'core.roles');
    });
  });

  describe('X1: the hackathon and its initiatives', () => {
    it('X1: accepts initiatives tied to an S1 challenge or to an S4 objective', () => {
      const run = driveTo('homework-club.create');
      const create = (item: string, challenge: string[], objective: string[]) =>
        run.send(
          '2027-02-16',
          {
            type: 'initiative.create',
            item,
            payload: { id: item, title: 'יוזמה', challengeIds: challenge, objectiveIds: objective },
          },
          actors.hackathon,
        );
      // Both ideas were selected at the hackathon; one is tied by a challenge, one by an objective.
      expectAccepted(create('homework-club', ['women-employment'], []));
      expectAccepted(create('courtyard-gardens', [], ['safe-public-space']));
      expect(itemState(run, 'homework-club')).toBe('supported');
      expect(itemState(run, 'courtyard-gardens')).toBe('supported');
    });

    it('X1: refuses an initiative that was not selected at the hackathon', () => {
      const run = driveTo('homework-club.create');
      const result = run.send(
        '2027-02-16',
        {
          type: 'initiative.create',
          item: 'street-library',
          payload: {
            id: 'street-library',
            title: 'ספרייה ברחוב',
            challengeIds: ['women-employment'],
            objectiveIds: [],
          },
        },
        actors.hackathon,
      );
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.refusal).toMatchObject({ code: 'rule-failed', rule: 'X1' });
    });

    it('X1: refuses an initiative tied to neither a challenge of S1 nor an objective of S4', () => {
      const run = driveTo('homework-club.create');
      expectRefused(
        run,
        '2027-02-16',
        {
          type: 'initiative.create',
          item: 'drone-delivery',
          payload: {
            id: 'drone-delivery',
            title: 'משלוחים ברחפנים',
            challengeIds: ['traffic-jams'],
            objectiveIds: ['faster-deliveries'],
          },
        },
        actors.hackathon,
        'rule-failed',
        'X1',
      );
    });

    it('X1: refuses an initiative tied to nothing at all (the schema)', () => {
      const run = driveTo('homework-club.create');
      const refusal = expectRefused(
        run,
        '2027-02-16',
        {
          type: 'initiative.create',
          item: 'drone-delivery',
          payload: { id: 'drone-delivery', title: 'משלוחים ברחפנים' },
        },
        actors.hackathon,
        'invalid-payload',
        'X1',
      );
      expect(refusal.message).toContain('X1: tie idea');
    });

    it('X1: refuses the hackathon before the launch conference (S4)', () => {
      const run = driveTo('S4');
      expectRefused(
        run,
        '2027-01-11',
        { type: 'X1', payload: hackathon },
        actors.manager,
        'waiting',
        'core.after',
      );
    });
  });

  describe('C2: an initiative continues only with progress and a fit to the plan', () => {
    const continueWith = (item: string, payload = decision(item, 'continue')): KehilaEvent => ({
      type: 'initiative.continue',
      item,
      payload,
    });

    it('C2: accepts to continue an initiative that moved its indicator toward the target', () => {
      const run = driveTo('homework-club.continue');
      expectAccepted(run.send('2027-11-16', continueWith('homework-club'), actors.shaping));
      expect(itemState(run, 'homework-club')).toBe('continued');
    });

    it('C2: accepts to stop an initiative without progress, with its reasons', () => {
      const run = driveTo('homework-club.continue');
      expectAccepted(
        run.send(
          '2027-11-16',
          {
            type: 'initiative.stop',
            item: 'elderly-phone-circle',
            payload: decision('elderly-phone-circle', 'stop'),
          },
          actors.shaping,
        ),
      );
      expect(itemState(run, 'elderly-phone-circle')).toBe('stopped');
    });

    it('C2: refuses to continue an initiative whose measured share of progress is 0', () => {
      const run = driveTo('homework-club.continue');
      expectRefused(
        run,
        '2027-11-16',
        continueWith(
          'elderly-phone-circle',
          decision('elderly-phone-circle', 'continue', {
            advancesObjectiveIds: ['more-active-residents'],
          }),
        ),
        actors.shaping,
        'rule-failed',
        'C2',
      );
    });

    it('C2: refuses to continue an initiative whose indicator stayed at its baseline', () => {
      const run = driveTo('homework-club.continue');
      expectRefused(
        run,
        '2027-11-16',
        continueWith(
          'cable-car',
          decision('cable-car', 'continue', { advancesObjectiveIds: ['safe-public-space'] }),
        ),
        actors.shaping,
        'rule-failed',
        'C2',
      );
    });

    it("C2: refuses to continue on progress toward an objective that is not the authority's", () => {
      const run = driveTo('homework-club.continue');
      // The latest measurement of courtyard-gardens replaces its progress with a foreign objective.
      expectAccepted(
        run.send(
          '2027-11-16',
          {
            type: 'initiative.measure',
            item: 'courtyard-gardens',
            payload: measurement('courtyard-gardens', [
              { measure: 'share', objectiveId: 'tourism-growth', share: 0.8 },
            ]),
          },
          actors.manager,
        ),
      );
      expectRefused(
        run,
        '2027-11-16',
        continueWith(
          'courtyard-gardens',
          decision('courtyard-gardens', 'continue', {
            advancesObjectiveIds: ['more-active-residents'],
          }),
        ),
        actors.shaping,
        'rule-failed',
        'C2',
      );
    });

    it("C2: refuses to continue when the objectives it advances are not the authority's", () => {
      const run = driveTo('homework-club.continue');
      expectRefused(
        run,
        '2027-11-16',
        continueWith(
          'homework-club',
          decision('homework-club', 'continue', { advancesObjectiveIds: ['tourism-growth'] }),
        ),
        actors.shaping,
        'rule-failed',
        'C2',
      );
    });

    it('C2: refuses to continue an initiative that does not fit the plan (the schema)', () => {
      const run = driveTo('homework-club.continue');
      const refusal = expectRefused(
        run,
        '2027-11-16',
        continueWith('homework-club', decision('homework-club', 'continue', { fitsPlan: false })),
        actors.shaping,
        'invalid-payload',
        'C2',
      );
      expect(refusal.message).toContain('C2: initiative "homework-club" continues only if it fits');
    });

    it('C2: refuses to continue an initiative that advances no objective (the schema)', () => {
      const run = driveTo('homework-club.continue');
      const refusal = expectRefused(
        run,
        '2027-11-16',
        continueWith(
          'homework-club',
          decision('homework-club', 'continue', { advancesObjectiveIds: [] }),
        ),
        actors.shaping,
        'invalid-payload',
        'C2',
      );
      expect(refusal.message).toContain(
        'C2: initiative "homework-club" continues only if it advances an objective',
      );
    });

    // A decision to stop cannot be sent as initiative.continue: C2 checks the decision itself.
    it('C2: refuses initiative.continue when its recorded decision is "stop"', () => {
      const run = driveTo('homework-club.continue');
      expectRefused(
        run,
        '2027-11-16',
        continueWith('elderly-phone-circle', decision('elderly-phone-circle', 'stop')),
        actors.shaping,
        'rule-failed',
        'C2',
      );
    });
  });

  describe('C3: the year-two decisions wait for both S8 and X4', () => {
    it('C3: refuses initiative.continue, initiative.stop and C1 before X4 (S8 recorded)', () => {
      const run = driveTo('X4');
      expect(run.instance.snapshot().machine.context.steps.S8?.finished).toBe('2027-04-20');
      const continued = expectRefused(
        run,
        '2027-11-14',
        {
          type: 'initiative.continue',
          item: 'homework-club',
          payload: decision('homework-club', 'continue'),
        },
        actors.shaping,
        'waiting',
        'core.after',
      );
      expect(continued.message).toContain('"X4"');
      expectRefused(
        run,
        '2027-11-14',
        { type: 'initiative.stop', item: 'cable-car', payload: decision('cable-car', 'stop') },
        actors.shaping,
        'waiting',
        'core.after',
      );
      const c1 = expectRefused(
        run,
        '2027-11-14',
        { type: 'C1' },
        actors.shaping,
        'waiting',
        'core.after',
      );
      expect(c1.message).toBe('"C1" waits for "X4", not recorded yet.');
    });

    it('C3: refuses initiative.continue and C1 before S8 (X4 recorded)', () => {
      // The runtime checks order, not the planned dates: here the pilot track is recorded
      // through X4 early, while the strategy track is still before S8.
      const run = driveTo('S8');
      run.record('2027-04-12', { type: 'X2.finish' }, actors.manager);
      run.record('2027-04-12', { type: 'X3' }, actors.manager);
      run.record(
        '2027-04-13',
        {
          type: 'initiative.measure',
          item: 'homework-club',
          payload: measurement('homework-club', [
            { measure: 'share', objectiveId: 'cut-youth-dropout', share: 0.3 },
          ]),
        },
        actors.manager,
      );
      run.record('2027-04-14', { type: 'X4' }, actors.shaping);
      const continued = expectRefused(
        run,
        '2027-04-15',
        {
          type: 'initiative.continue',
          item: 'homework-club',
          payload: decision('homework-club', 'continue'),
        },
        actors.shaping,
        'waiting',
        'core.after',
      );
      expect(continued.message).toContain('"S8"');
      const c1 = expectRefused(
        run,
        '2027-04-15',
        { type: 'C1' },
        actors.shaping,
        'waiting',
        'core.after',
      );
      expect(c1.message).toBe('"C1" waits for "S8", not recorded yet.');
    });

    it('C1: refuses to stop an initiative on a decision to continue it, or about another one', () => {
      const run = driveTo('homework-club.continue');
      const stop = (payload: KehilaEvent['payload']): KehilaEvent =>
        ({ type: 'initiative.stop', item: 'homework-club', payload }) as KehilaEvent;
      expectRefused(
        run,
        '2027-11-16',
        stop(decisions['homework-club']),
        actors.shaping,
        'rule-failed',
        'C1',
      );
      expectRefused(
        run,
        '2027-11-16',
        stop({ ...decisions['cable-car'], initiativeId: 'cable-car' }),
        actors.shaping,
        'rule-failed',
        'C1',
      );
    });

    it('C1: refuses the convergence decision while an initiative is undecided', () => {
      const run = driveTo('cable-car.stop');
      expectRefused(run, '2027-11-17', { type: 'C1' }, actors.shaping, 'rule-failed', 'C1');
    });

    it('C3: accepts the decisions and C1 once both S8 and X4 are recorded', () => {
      const run = driveTo('C1');
      expect(itemState(run, 'homework-club')).toBe('continued');
      expectAccepted(run.send('2027-11-17', { type: 'C1' }, actors.shaping));
      expect(run.instance.current().convergence).toEqual({ step: 'done', running: false });
    });
  });

  it('driveTo records the happy path up to, not including, the step asked for', () => {
    const run = driveTo('S3');
    expect(run.next.label).toBe('S3');
    expect(run.instance.history().map((e) => e.type)).toEqual([
      'S0',
      'S1',
      'S2.start',
      'Q',
      'S2.finish',
    ]);
    // recordUntil carries on from where a run stopped.
    recordUntil(run, 'S5', 5);
    expect(run.instance.current().strategy).toEqual({ step: 'S5', running: false });
  });
});
