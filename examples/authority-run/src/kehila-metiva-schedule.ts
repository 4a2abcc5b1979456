import { about, defineSchedule } from '@maslul/timing';

/** The channels an authority may take on at S0 (PROGRAM S6). */
export const CHANNELS = ['social', 'educational', 'urban', 'economic'] as const;

/** A channel team (PROGRAM S6, T3): four meetings two weeks apart, from about two weeks after S5. */
function channelTeam(name: string) {
  return {
    group: 'strategy',
    label: `${name} team: 4 meetings`,
    after: { step: 'S5', lag: about(2, 'weeks') },
    repeat: { every: 'P2W', count: 4 },
  } as const;
}

/**
 * The timing of Kehila Metiva (../shared/PROGRAM.md), both tracks, for an authority that took on
 * all four channels. Where the program says only "after", a step follows about two weeks later.
 * @maslul/kehila-metiva will own this definition; until then the demo keeps it.
 */
export const kehilaMetiva = defineSchedule({
  S0: { group: 'strategy', label: 'Steering committee sets the scope' },
  S1: {
    group: 'strategy',
    label: 'Shaping committee 1: five focus challenges',
    after: { step: 'S0', lag: about(2, 'weeks') },
  },
  S2: {
    group: 'strategy',
    label: 'Mapping: the situation picture',
    after: 'S1',
    duration: about(3, 'months'),
  },
  S3: { group: 'strategy', label: 'Shaping committee 2: mapping results', after: 'S2' },
  S4: {
    group: 'strategy',
    label: 'Launch conference',
    after: { step: 'S3', lag: about(2, 'weeks') },
  },
  S5: {
    group: 'strategy',
    label: 'Shaping committee 3: logic model',
    after: { step: 'S4', lag: about(2, 'weeks') },
  },
  'S6.social': channelTeam('Social'),
  'S6.educational': channelTeam('Educational'),
  'S6.urban': channelTeam('Urban'),
  'S6.economic': channelTeam('Economic'),
  S7: {
    group: 'strategy',
    label: 'Shaping committee 4: work plans',
    after: CHANNELS.map((channel) => ({ step: `S6.${channel}` as const, lag: about(2, 'weeks') })),
  },
  S8: {
    group: 'strategy',
    label: 'Shaping committee 5: the plan closes',
    after: { step: 'S7', lag: about(2, 'weeks') },
  },
  S9: {
    group: 'strategy',
    label: 'Steering committee approves the plan',
    after: { step: 'S8', lag: about(2, 'weeks') },
  },
  X1: {
    group: 'pilot',
    label: 'Authority hackathon',
    after: { step: 'S4', lag: about(1, 'months') },
  },
  X2: {
    group: 'pilot',
    label: 'Support of selected initiatives',
    after: 'X1',
    duration: about(9, 'months'),
  },
  X3: {
    group: 'pilot',
    label: 'Measurement and learning',
    after: { step: 'X1', lag: about(6, 'months') },
  },
  X4: { group: 'pilot', label: 'Progress review', after: { step: 'X1', lag: about(9, 'months') } },
  C: { group: 'convergence', label: 'Decision on each initiative', after: ['S8', 'X4'] },
});
