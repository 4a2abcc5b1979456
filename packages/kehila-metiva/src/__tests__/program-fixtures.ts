// Shared valid payloads and a driver for the tests of the `kehilaMetiva` program: one authority
// (Hadera) that takes on two channels, social and urban, and runs the whole program from
// 2026-09-07. Every date below is an Israeli working day; events are recorded at 07:00 UTC
// (09:00 or 10:00 in Jerusalem), so an event's plain date is the date written here.
import {
  type Actor,
  createInstance,
  createManualClock,
  type ProgramEvent,
  type SendResult,
} from '@maslul/core';
import { israelCalendar } from '@maslul/timing/israel';
import {
  type Channel,
  type Compass,
  type ContinuationDecision,
  type FocusChallenges,
  type HackathonIdeaInput,
  type HackathonInput,
  type InitiativeMeasurement,
  type KehilaMetiva,
  type KehilaRole,
  kehilaMetiva,
  type LogicModel,
  type MeetingRecordInput,
  type ObjectiveProgress,
  type Scope,
  type SituationPicture,
  type StrategicPlan,
  type Team,
  type WorkPlan,
} from '../index.js';

/** An event of the program, as `send` takes it. */
export type KehilaEvent = ProgramEvent<KehilaMetiva>;

/** The program start: a Monday, after the summer holidays. */
export const START = '2026-09-07';

/** The instant an event of `date` is recorded at: 07:00 UTC, the same day in Jerusalem. */
export const at = (date: string): string => `${date}T07:00:00Z`;

// --- Who takes part ---------------------------------------------------------------------------

const actor = (id: string, role: KehilaRole): Actor<KehilaRole> => ({ id, roles: [role] });

export const actors = {
  mayor: actor('mayor-tzvika', 'steeringCommittee'),
  shaping: actor('shaping-committee', 'shapingCommittee'),
  ceo: actor('ceo-orna', 'cityCeo'),
  manager: actor('pm-dana', 'programManager'),
  socialHead: actor('head-social-michal', 'domainHead'),
  urbanHead: actor('head-urban-yair', 'domainHead'),
  hackathon: actor('hackathon-committee', 'hackathonCommittee'),
  member: actor('member-noa', 'teamMember'),
  public: actor('resident-avi', 'public'),
} as const;

// --- S0-S5: scope, challenges, situation picture, compass, logic model ------------------------

/** S0: two neighbourhoods, the social and urban channels. */
export const scope: Scope = {
  focusAreas: [
    { id: 'givat-olga', name: 'גבעת אולגה' },
    { id: 'neve-yosef', name: 'נווה יוסף' },
  ],
  channels: ['social', 'urban'],
  timeline: { start: START, plannedEnd: '2027-12-31' },
};

/** S1: the five focus challenges ranked at shaping-committee meeting 1. */
export const challenges: FocusChallenges = [
  { id: 'youth-at-risk', title: 'נוער בסיכון ונשירה מבית הספר', rank: 1 },
  { id: 'lonely-elderly', title: 'בדידות של אזרחים ותיקים', rank: 2 },
  { id: 'neglected-public-space', title: 'מרחב ציבורי מוזנח ולא בטוח', rank: 3 },
  { id: 'weak-community-orgs', title: 'ארגונים קהילתיים חלשים', rank: 4 },
  { id: 'women-employment', title: 'תעסוקת נשים נמוכה', rank: 5 },
];

export const challengeIds = challenges.map((c) => c.id);

/** S2: the situation picture, with findings for the given challenges (all five by default). */
export const situationPicture = (ids: readonly string[] = challengeIds): SituationPicture => ({
  asOf: '2026-12-15',
  challenges: ids.map((challengeId) => ({
    challengeId,
    findings: [`ממצאי המיפוי לגבי "${challengeId}" בגבעת אולגה ובנווה יוסף`],
    dataSources: [{ name: 'הלשכה המרכזית לסטטיסטיקה', url: 'https://www.cbs.gov.il' }],
  })),
  public: true,
  publishedOn: '2026-12-22',
});

/** A shaping-committee meeting (S3 is number 2, S7 number 4), with its funnel of ideas. */
export const shapingMeeting = (number: number, heldOn: string): MeetingRecordInput => ({
  body: 'shapingCommittee',
  number,
  id: `shaping-${number}`,
  heldOn,
  ideas: [
    { id: 'idea-1', text: 'כנס פתוח לכל המגזרים', raisedBy: 'נציגת עמותות' },
    { id: 'idea-2', text: 'שולחנות עגולים לפי ערוץ' },
    { id: 'idea-3', text: 'רכבל מעל הוואדי' },
  ],
  priorities: ['idea-1', 'idea-2'],
  decisions: [{ id: 'decision-1', text: 'מאשרים את מבנה המפגש', ideaIds: ['idea-1', 'idea-2'] }],
});

/** S4: the compass: a vision, two goals, three objectives with their indicators. */
export const compass: Compass = {
  vision: 'קהילה מיטיבה: עיר שבה כל תושב.ת שותף.ה ומשגשג.ת',
  goals: [
    { id: 'thriving-youth', title: 'נוער מעורב ובעל סיכויים שווים' },
    { id: 'living-neighbourhoods', title: 'שכונות חיות, בטוחות ומחוברות' },
  ],
  objectives: [
    {
      id: 'cut-youth-dropout',
      title: 'הפחתת הנשירה בגילאי 15-17 בשכונות המוקד',
      goalId: 'thriving-youth',
      indicators: [
        { id: 'dropout-rate', name: 'שיעור נשירה 15-17', unit: '%', baseline: 18, target: 10 },
      ],
    },
    {
      id: 'more-active-residents',
      title: 'יותר תושבים פעילים בקהילה',
      goalId: 'living-neighbourhoods',
      indicators: [
        { id: 'volunteer-share', name: 'שיעור המתנדבים', unit: '%', baseline: 12, target: 25 },
      ],
    },
    {
      id: 'safe-public-space',
      title: 'מרחב ציבורי מואר ובטוח',
      goalId: 'living-neighbourhoods',
      indicators: [
        { id: 'lit-streets', name: 'רחובות מוארים', unit: '%', baseline: 40, target: 80 },
      ],
    },
  ],
  adoptedOn: '2027-01-12',
};

const outcomes = (topic: string) => ({
  short: [`${topic}: שותפים ראשונים מגויסים`],
  medium: [`${topic}: תוכניות פועלות בשתי השכונות`],
  long: [`${topic}: שינוי מדיד במדדי היעד`],
});

/** S5: the theory of change and the logic model, for the given channels (social and urban). */
export const logicModel = (channels: readonly Channel[] = scope.channels): LogicModel => ({
  theoryOfChange: 'חיזוק התשתית החברתית והמרחב הציבורי יוביל לקהילה מעורבת ומשגשגת',
  overall: outcomes('כללי'),
  byChannel: Object.fromEntries(channels.map((c) => [c, outcomes(c)])),
});

// --- S6: channel teams (T1-T3) ------------------------------------------------------------

const memberNames = [
  'רונית כהן',
  'יוסי לוי',
  'נועה מזרחי',
  'עומר פרץ',
  'ליאור ביטון',
  'מאיה אברהם',
  'איתן פרידמן',
  'שירה דהן',
  'אמיר חדד',
  'טל אזולאי',
  'סיגל מלכה',
  'דוד שפירא',
  'הילה גבאי',
  'יונתן קליין',
  'רבקה עמר',
  'אבי ששון',
];
const categories = [
  'contentExpert',
  'shapingCommitteeRepresentative',
  'localAuthorityRepresentative',
  'communityRepresentative',
  'otherStakeholder',
] as const;

export const domainHeads = {
  social: {
    name: 'מיכל אברהם',
    actorId: 'head-social-michal',
    appointedBy: 'cityCeo',
    appointedOn: '2027-01-28',
  },
  urban: {
    name: 'יאיר גולן',
    actorId: 'head-urban-yair',
    appointedBy: 'cityCeo',
    appointedOn: '2027-01-28',
  },
} as const;

/** T1: the roster of a channel team, 12 members by default (any size, to test the limits). */
export const team = (channel: Channel, size = 12): Team => ({
  channel,
  domainHead: channel === 'urban' ? domainHeads.urban : domainHeads.social,
  members: Array.from({ length: size }, (_, i) => ({
    id: `${channel}-m${i + 1}`,
    name: memberNames[i % memberNames.length] ?? 'חבר.ת צוות',
    category: categories[i % categories.length] ?? 'otherStakeholder',
  })),
});

/** T3: the record of one of a channel team's four work meetings. */
export const teamMeeting = (channel: Channel, number: number, heldOn: string) =>
  ({
    body: 'channelTeam',
    channel,
    number,
    id: `${channel}-meeting-${number}`,
    heldOn,
    ideas: [
      { id: 'idea-a', text: 'מיפוי שותפים בשכונה' },
      { id: 'idea-b', text: 'פעולה משותפת עם המתנ"ס' },
    ],
    priorities: ['idea-a'],
    decisions: [{ id: `decision-${number}`, text: 'ממשיכים לגבש את תוכנית העבודה' }],
  }) satisfies MeetingRecordInput;

/** S6: a channel's work plan. The social plan holds the social-infrastructure program (P1, P2). */
export const workPlan = (channel: Channel): WorkPlan =>
  channel === 'social'
    ? {
        channel,
        submittedOn: '2027-03-31',
        actions: [
          {
            id: 'neighbourhood-hubs',
            title: 'מרכזי קהילה שכונתיים בגבעת אולגה ובנווה יוסף',
            origin: 'new',
            kind: 'program',
            strengthensSocialInfrastructure: true,
            budget: { amountAgorot: 45_000_000, section: '1-817-750', source: 'משרד הרווחה' },
            gantt: { start: '2027-05-01', end: '2028-12-31' },
            objectiveIds: ['more-active-residents', 'cut-youth-dropout'],
            owner: 'אגף הרווחה',
          },
        ],
      }
    : {
        channel,
        submittedOn: '2027-03-31',
        actions: [
          {
            id: 'street-lighting',
            title: 'תאורת רחוב בצירים המרכזיים',
            origin: 'existing',
            kind: 'intervention',
            strengthensSocialInfrastructure: false,
            budget: { amountAgorot: 120_000_000, source: 'תקציב פיתוח' },
            gantt: { start: '2027-06-01', end: '2028-06-30' },
            objectiveIds: ['safe-public-space'],
            owner: 'אגף ההנדסה',
          },
        ],
      };

// --- S8: the strategic plan (P1-P7) ---------------------------------------------------------

/** S8: the multi-year plan, holding the given work plans (both channels' by default). */
export const strategicPlan = (
  workPlans: readonly WorkPlan[] = [workPlan('social'), workPlan('urban')],
): StrategicPlan => ({
  authority: 'עיריית חדרה',
  horizon: { start: '2027-05-01', end: '2030-12-31' },
  workPlans: [...workPlans],
  communityBudget: {
    amountAgorot: 20_000_000,
    guidelines: 'קול קורא ליוזמות תושבים, עד 15,000 ₪ ליוזמה',
  },
  revisions: [{ version: 1, revisedOn: '2027-04-20', summary: 'נסגרה במפגש ועדה מעצבת 5' }],
  public: true,
  publishedOn: '2027-04-21',
});

// --- Track 2: hackathon, initiatives, measurements, decisions -------------------------------

/** X1: the ideas that become pilot initiatives, each tied to a challenge or an objective. */
export const ideas = {
  'homework-club': {
    id: 'homework-club',
    title: 'מועדון שיעורי בית עם סטודנטים',
    proposedBy: 'הנהגת הורים נווה יוסף',
    challengeIds: ['youth-at-risk'],
    objectiveIds: ['cut-youth-dropout'],
  },
  'courtyard-gardens': {
    id: 'courtyard-gardens',
    title: 'גינות קהילתיות בחצרות הבניינים',
    objectiveIds: ['more-active-residents'],
  },
  'elderly-phone-circle': {
    id: 'elderly-phone-circle',
    title: 'מעגל טלפוני לוותיקים',
    challengeIds: ['lonely-elderly'],
  },
  'cable-car': {
    id: 'cable-car',
    title: 'רכבל מעל הוואדי',
    challengeIds: ['neglected-public-space'],
  },
} as const satisfies Record<string, HackathonIdeaInput>;

export type InitiativeId = keyof typeof ideas;
export const initiativeIds = Object.keys(ideas) as InitiativeId[];

/** X1: the hackathon, with every idea selected and supported. */
export const hackathon: HackathonInput = {
  heldOn: '2027-02-14',
  ideas: Object.values(ideas),
  selections: initiativeIds.map((ideaId) => ({
    ideaId,
    selectedOn: '2027-02-14',
    support: {
      connections: ['מנהלת המתנ"ס'],
      mentoring: { personal: true },
      moneyAgorot: 1_500_000,
    },
  })),
};

/** X3: a measurement of an initiative's progress. */
export const measurement = (
  initiativeId: string,
  progress: readonly ObjectiveProgress[],
): InitiativeMeasurement => ({
  initiativeId,
  measuredOn: '2027-08-17',
  progress: [...progress],
  notes: 'מדידה חצי-שנתית',
});

/** What each initiative measured at X3: two progressed, two did not. */
export const measured: Record<InitiativeId, readonly ObjectiveProgress[]> = {
  // The dropout rate fell from 18% toward its 10% target.
  'homework-club': [
    {
      measure: 'indicator',
      objectiveId: 'cut-youth-dropout',
      indicatorId: 'dropout-rate',
      value: 13,
    },
  ],
  'courtyard-gardens': [{ measure: 'share', objectiveId: 'more-active-residents', share: 0.4 }],
  'elderly-phone-circle': [{ measure: 'share', objectiveId: 'more-active-residents', share: 0 }],
  'cable-car': [
    {
      measure: 'indicator',
      objectiveId: 'safe-public-space',
      indicatorId: 'lit-streets',
      value: 40,
    },
  ],
};

/** C1, C2: the year-two decision on an initiative. */
export const decision = (
  initiativeId: string,
  outcome: 'continue' | 'stop',
  overrides: Partial<ContinuationDecision> = {},
): ContinuationDecision => ({
  initiativeId,
  decision: outcome,
  reasons:
    outcome === 'continue'
      ? ['התקדמות מדידה ביעד הרשותי', 'משתלבת בתוכנית העבודה החברתית']
      : ['לא נמדדה התקדמות ביעדי הרשות'],
  advancesObjectiveIds: outcome === 'continue' ? ['cut-youth-dropout'] : [],
  fitsPlan: outcome === 'continue',
  decidedOn: '2027-11-16',
  ...overrides,
});

/** The decisions of the run: the two that progressed continue, the other two stop. */
export const decisions: Record<InitiativeId, ContinuationDecision> = {
  'homework-club': decision('homework-club', 'continue'),
  'courtyard-gardens': decision('courtyard-gardens', 'continue', {
    advancesObjectiveIds: ['more-active-residents'],
  }),
  'elderly-phone-circle': decision('elderly-phone-circle', 'stop'),
  'cable-car': decision('cable-car', 'stop', {
    reasons: ['לא נמדדה התקדמות', 'אינו מתאים לתוכנית העבודה האורבנית'],
  }),
};

// --- The happy path, and a driver ------------------------------------------------------------

/** One recorded event of the happy path: a unique label to stop at, its date, who and what. */
export interface RunStep {
  readonly label: string;
  readonly date: string;
  readonly actor: Actor<KehilaRole>;
  readonly event: KehilaEvent;
}

const step = (
  label: string,
  date: string,
  who: Actor<KehilaRole>,
  event: KehilaEvent,
): RunStep => ({ label, date, actor: who, event });

const teamMeetings = (channel: Channel, head: Actor<KehilaRole>, dates: readonly string[]) =>
  dates.map((date, i) =>
    step(`team-${channel}.meet#${i + 1}`, date, head, {
      type: 'team.meet',
      item: `team-${channel}`,
      payload: teamMeeting(channel, i + 1, date),
    }),
  );

const socialMeetings = teamMeetings('social', actors.socialHead, [
  '2027-02-10',
  '2027-02-24',
  '2027-03-10',
  '2027-03-24',
]);
const urbanMeetings = teamMeetings('urban', actors.urbanHead, [
  '2027-02-11',
  '2027-02-25',
  '2027-03-11',
  '2027-03-25',
]);

/**
 * The whole program, in date order, as a valid run records it: both tracks, two teams, four
 * initiatives (two continue, two stop) and the five quarterly steering meetings.
 */
export const happyPath: readonly RunStep[] = [
  step('S0', START, actors.mayor, { type: 'S0', payload: scope }),
  step('S1', '2026-09-22', actors.shaping, { type: 'S1', payload: challenges }),
  step('S2.start', '2026-09-24', actors.manager, { type: 'S2.start' }),
  step('Q#1', '2026-12-07', actors.mayor, { type: 'Q' }),
  step('S2.finish', '2026-12-22', actors.manager, {
    type: 'S2.finish',
    payload: situationPicture(),
  }),
  step('S3', '2026-12-29', actors.shaping, {
    type: 'S3',
    payload: shapingMeeting(2, '2026-12-29'),
  }),
  step('S4', '2027-01-12', actors.manager, { type: 'S4', payload: compass }),
  step('S5', '2027-01-26', actors.shaping, { type: 'S5', payload: logicModel() }),
  step('team-social.create', '2027-01-27', actors.manager, {
    type: 'team.create',
    item: 'team-social',
    payload: team('social', 12),
  }),
  step('team-urban.create', '2027-01-27', actors.manager, {
    type: 'team.create',
    item: 'team-urban',
    payload: team('urban', 14),
  }),
  step('team-social.appoint', '2027-01-28', actors.ceo, {
    type: 'team.appoint',
    item: 'team-social',
    payload: domainHeads.social,
  }),
  step('team-urban.appoint', '2027-01-28', actors.ceo, {
    type: 'team.appoint',
    item: 'team-urban',
    payload: domainHeads.urban,
  }),
  step('S6.start', '2027-02-09', actors.manager, { type: 'S6.start' }),
  socialMeetings[0] as RunStep,
  urbanMeetings[0] as RunStep,
  step('X1', '2027-02-14', actors.manager, { type: 'X1', payload: hackathon }),
  ...initiativeIds.map((id) =>
    step(`${id}.create`, '2027-02-16', actors.hackathon, {
      type: 'initiative.create',
      item: id,
      payload: ideas[id],
    }),
  ),
  step('X2.start', '2027-02-16', actors.manager, { type: 'X2.start' }),
  socialMeetings[1] as RunStep,
  urbanMeetings[1] as RunStep,
  step('Q#2', '2027-03-08', actors.mayor, { type: 'Q' }),
  socialMeetings[2] as RunStep,
  urbanMeetings[2] as RunStep,
  socialMeetings[3] as RunStep,
  urbanMeetings[3] as RunStep,
  step('team-social.submitPlan', '2027-03-31', actors.socialHead, {
    type: 'team.submitPlan',
    item: 'team-social',
    payload: workPlan('social'),
  }),
  step('team-urban.submitPlan', '2027-03-31', actors.urbanHead, {
    type: 'team.submitPlan',
    item: 'team-urban',
    payload: workPlan('urban'),
  }),
  step('S6.finish', '2027-04-01', actors.manager, { type: 'S6.finish' }),
  step('S7', '2027-04-08', actors.shaping, {
    type: 'S7',
    payload: shapingMeeting(4, '2027-04-08'),
  }),
  step('S8', '2027-04-20', actors.shaping, { type: 'S8', payload: strategicPlan() }),
  step('S9', '2027-05-04', actors.mayor, { type: 'S9' }),
  step('Q#3', '2027-06-07', actors.mayor, { type: 'Q' }),
  step('X3', '2027-08-16', actors.manager, { type: 'X3' }),
  ...initiativeIds.map((id) =>
    step(`${id}.measure`, '2027-08-17', actors.manager, {
      type: 'initiative.measure',
      item: id,
      payload: measurement(id, measured[id]),
    }),
  ),
  step('Q#4', '2027-09-07', actors.mayor, { type: 'Q' }),
  step('X4', '2027-11-15', actors.shaping, { type: 'X4' }),
  // Support (X2) runs beside X3 and X4 in a track of its own, about nine months from X1.
  step('X2.finish', '2027-11-15', actors.manager, { type: 'X2.finish' }),
  ...initiativeIds.map((id) => {
    const decided = decisions[id];
    return step(`${id}.${decided.decision}`, '2027-11-16', actors.shaping, {
      type: decided.decision === 'continue' ? 'initiative.continue' : 'initiative.stop',
      item: id,
      payload: decided,
    });
  }),
  step('C1', '2027-11-17', actors.shaping, { type: 'C1' }),
  step('Q#5', '2027-12-07', actors.mayor, { type: 'Q' }),
];

/** A fresh instance on the Israeli calendar, with a manual clock at the program start. */
export function createRun() {
  const clock = createManualClock(at(START));
  const instance = createInstance(kehilaMetiva, {
    start: START,
    clock,
    calendar: israelCalendar(),
  });
  /** Records `event` on `date` (moving the clock there first if it is behind). */
  const send = (date: string, event: KehilaEvent, who: Actor<KehilaRole>): SendResult => {
    const instant = at(date);
    if (Date.parse(instant) > clock.now()) clock.advanceTo(instant);
    return instance.send(event, { actor: who, at: instant });
  };
  /** Records `event` and throws the refusal if it is refused. */
  const record = (date: string, event: KehilaEvent, who: Actor<KehilaRole>) => {
    const result = send(date, event, who);
    if (!result.ok) throw result.refusal;
    return result;
  };
  return { clock, instance, send, record };
}

export type Run = ReturnType<typeof createRun>;

/** Records the happy path's steps in order, from `from` (inclusive) up to `label` (exclusive). */
export function recordUntil(run: Run, label: string | undefined, from = 0): number {
  const end =
    label === undefined ? happyPath.length : happyPath.findIndex((s) => s.label === label);
  if (end < 0) throw new Error(`No step "${label}" in the happy path`);
  for (const s of happyPath.slice(from, end)) run.record(s.date, s.event, s.actor);
  return end;
}

/**
 * A run with every step of the happy path before `label` recorded: the place a test of that
 * step starts from. `next` is the step itself, as the happy path records it.
 */
export function driveTo(label: string) {
  const run = createRun();
  const index = recordUntil(run, label);
  return { ...run, next: happyPath[index] as RunStep };
}
