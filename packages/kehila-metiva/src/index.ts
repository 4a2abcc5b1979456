/**
 * `@maslul/kehila-metiva`: the "Kehila Metiva" strategic-planning program for Israeli local
 * authorities, written with `@maslul/core` (`kehilaMetiva`), its roles and rules, and the
 * program's domain schemas (zod v4) with the types inferred from them: records are plain JSON, dates are ISO `YYYY-MM-DD` strings and money is whole agorot.
 * Issues for a rule of the program (docs/program.md) start with its id (`'T1: …'`) and carry it in `params.rule`.
 *
 * @packageDocumentation
 */

export { type KehilaMetiva, kehilaMetiva } from './program/kehila-metiva.js';
export { type KehilaRole, roles } from './program/roles.js';
export {
  appointedByTheCityCeo,
  atMostFourMeetings,
  byTheTeamsOwnDomainHead,
  continuesOnlyWithProgress,
  everyChannelPlanned,
  everyInitiativeDecided,
  headAppointedByTheCityCeo,
  logicModelChannels,
  meetingsOnWorkingDays,
  meetingsTwoWeeksApart,
  pictureOfTheFiveChallenges,
  planAfterFourMeetings,
  planHasProgramsBudgetAndGantt,
  planIsComplete,
  stopsAsDecided,
  teamForAChosenChannel,
  tiedToTheCompass,
} from './program/rules.js';
export { type Agorot, agorotSchema } from './schemas/agorot.js';
export { type BudgetLine, budgetLineSchema } from './schemas/budget-line.js';
export { CHANNELS, type Channel, channelSchema } from './schemas/channel.js';
export { type CommunityBudget, communityBudgetSchema } from './schemas/community-budget.js';
export {
  type Compass,
  compassSchema,
  type Goal,
  goalSchema,
  type Objective,
  objectiveSchema,
} from './schemas/compass.js';
export {
  CONTINUATION_DECISIONS,
  type ContinuationDecision,
  type ContinuationDecisions,
  continuationDecisionSchema,
  continuationDecisionsSchema,
} from './schemas/continuation-decision.js';
export { type DateRange, dateRangeSchema } from './schemas/date-range.js';
export {
  type FocusChallenge,
  type FocusChallenges,
  focusChallengeSchema,
  focusChallengesSchema,
} from './schemas/focus-challenges.js';
export {
  type Hackathon,
  type HackathonInput,
  type HackathonSelection,
  type HackathonSelectionInput,
  hackathonSchema,
  hackathonSelectionSchema,
} from './schemas/hackathon.js';
export {
  type HackathonIdea,
  type HackathonIdeaInput,
  hackathonIdeaSchema,
} from './schemas/hackathon-idea.js';
export { type Id, idSchema } from './schemas/id.js';
export { type Indicator, indicatorSchema } from './schemas/indicator.js';
export {
  type InitiativeMeasurement,
  initiativeMeasurementSchema,
  type ObjectiveProgress,
  objectiveProgressSchema,
} from './schemas/initiative-measurement.js';
export {
  type InitiativeSupport,
  type InitiativeSupportInput,
  initiativeSupportSchema,
} from './schemas/initiative-support.js';
export { type IsoDate, isoDateSchema } from './schemas/iso-date.js';
export {
  type LogicModel,
  logicModelSchema,
  type Outcomes,
  outcomesSchema,
} from './schemas/logic-model.js';
export {
  type MeetingDecision,
  type MeetingDecisionInput,
  type MeetingIdea,
  type MeetingRecord,
  type MeetingRecordInput,
  meetingDecisionSchema,
  meetingIdeaSchema,
  meetingRecordSchema,
} from './schemas/meeting-record.js';
export {
  ACTION_KINDS,
  ACTION_ORIGINS,
  type PlanAction,
  planActionSchema,
} from './schemas/plan-action.js';
export { type PlanRevision, planRevisionSchema } from './schemas/plan-revision.js';
export { type FocusArea, focusAreaSchema, type Scope, scopeSchema } from './schemas/scope.js';
export {
  type ChallengeFindings,
  challengeFindingsSchema,
  type DataSource,
  dataSourceSchema,
  type SituationPicture,
  situationPictureSchema,
} from './schemas/situation-picture.js';
export { type StrategicPlan, strategicPlanSchema } from './schemas/strategic-plan.js';
export {
  type DomainHead,
  domainHeadSchema,
  TEAM_MEMBER_CATEGORIES,
  type Team,
  type TeamMember,
  type TeamMemberCategory,
  teamMemberCategorySchema,
  teamMemberSchema,
  teamSchema,
} from './schemas/team.js';
export { type Text, textSchema } from './schemas/text.js';
export { type WorkPlan, workPlanSchema } from './schemas/work-plan.js';
