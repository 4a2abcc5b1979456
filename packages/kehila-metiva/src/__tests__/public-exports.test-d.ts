// Written by scripts/public-exports/generate.mjs: the public API of @maslul/kehila-metiva, pinned. Do
// not edit by hand; change the index, run `npm run public-exports`, and review this diff.
import { expectTypeOf, test } from 'vitest';

// @maslul/kehila-metiva
import type * as entry0 from '../index.js';

test('@maslul/kehila-metiva exports exactly these values', () => {
  expectTypeOf<keyof typeof entry0>().toEqualTypeOf<
    | 'ACTION_KINDS'
    | 'ACTION_ORIGINS'
    | 'CHANNELS'
    | 'CONTINUATION_DECISIONS'
    | 'TEAM_MEMBER_CATEGORIES'
    | 'agorotSchema'
    | 'appointedByTheCityCeo'
    | 'atMostFourMeetings'
    | 'budgetLineSchema'
    | 'byTheTeamsOwnDomainHead'
    | 'challengeFindingsSchema'
    | 'channelSchema'
    | 'communityBudgetSchema'
    | 'compassSchema'
    | 'continuationDecisionSchema'
    | 'continuationDecisionsSchema'
    | 'continuesOnlyWithProgress'
    | 'dataSourceSchema'
    | 'dateRangeSchema'
    | 'domainHeadSchema'
    | 'everyChannelPlanned'
    | 'everyInitiativeDecided'
    | 'focusAreaSchema'
    | 'focusChallengeSchema'
    | 'focusChallengesSchema'
    | 'goalSchema'
    | 'hackathonIdeaSchema'
    | 'hackathonSchema'
    | 'hackathonSelectionSchema'
    | 'headAppointedByTheCityCeo'
    | 'idSchema'
    | 'indicatorSchema'
    | 'initiativeMeasurementSchema'
    | 'initiativeSupportSchema'
    | 'isoDateSchema'
    | 'kehilaMetiva'
    | 'logicModelChannels'
    | 'logicModelSchema'
    | 'meetingDecisionSchema'
    | 'meetingIdeaSchema'
    | 'meetingRecordSchema'
    | 'meetingsOnWorkingDays'
    | 'meetingsTwoWeeksApart'
    | 'objectiveProgressSchema'
    | 'objectiveSchema'
    | 'outcomesSchema'
    | 'pictureOfTheFiveChallenges'
    | 'planActionSchema'
    | 'planAfterFourMeetings'
    | 'planHasProgramsBudgetAndGantt'
    | 'planIsComplete'
    | 'planRevisionSchema'
    | 'roles'
    | 'scopeSchema'
    | 'situationPictureSchema'
    | 'stopsAsDecided'
    | 'strategicPlanSchema'
    | 'teamForAChosenChannel'
    | 'teamMemberCategorySchema'
    | 'teamMemberSchema'
    | 'teamSchema'
    | 'textSchema'
    | 'tiedToTheCompass'
    | 'workPlanSchema'
  >();
});

test('@maslul/kehila-metiva exports these types', () => {
  type Named = [
    entry0.Agorot,
    entry0.BudgetLine,
    entry0.ChallengeFindings,
    entry0.Channel,
    entry0.CommunityBudget,
    entry0.Compass,
    entry0.ContinuationDecision,
    entry0.ContinuationDecisions,
    entry0.DataSource,
    entry0.DateRange,
    entry0.DomainHead,
    entry0.FocusArea,
    entry0.FocusChallenge,
    entry0.FocusChallenges,
    entry0.Goal,
    entry0.Hackathon,
    entry0.HackathonIdea,
    entry0.HackathonIdeaInput,
    entry0.HackathonInput,
    entry0.HackathonSelection,
    entry0.HackathonSelectionInput,
    entry0.Id,
    entry0.Indicator,
    entry0.InitiativeMeasurement,
    entry0.InitiativeSupport,
    entry0.InitiativeSupportInput,
    entry0.IsoDate,
    entry0.KehilaMetiva,
    entry0.KehilaRole,
    entry0.LogicModel,
    entry0.MeetingDecision,
    entry0.MeetingDecisionInput,
    entry0.MeetingIdea,
    entry0.MeetingRecord,
    entry0.MeetingRecordInput,
    entry0.Objective,
    entry0.ObjectiveProgress,
    entry0.Outcomes,
    entry0.PlanAction,
    entry0.PlanRevision,
    entry0.Scope,
    entry0.SituationPicture,
    entry0.StrategicPlan,
    entry0.Team,
    entry0.TeamMember,
    entry0.TeamMemberCategory,
    entry0.Text,
    entry0.WorkPlan,
  ];
  expectTypeOf<Named>().not.toBeNever();
});
