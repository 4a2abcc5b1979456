// The rules of docs/program.md that need more than one record: each has the rule's id and its reason
// in Hebrew and English, as the runtime records it for every event it allows or refuses. Each
// family lives in its own file; this one names them all.

export {
  continuesOnlyWithProgress,
  everyInitiativeDecided,
  stopsAsDecided,
  tiedToTheCompass,
} from './initiative-rules.js';
export {
  planHasProgramsBudgetAndGantt,
  planIsComplete,
} from './plan-rules.js';
export {
  everyChannelPlanned,
  logicModelChannels,
  pictureOfTheFiveChallenges,
} from './strategy-rules.js';
export {
  appointedByTheCityCeo,
  atMostFourMeetings,
  byTheTeamsOwnDomainHead,
  headAppointedByTheCityCeo,
  meetingsOnWorkingDays,
  meetingsTwoWeeksApart,
  planAfterFourMeetings,
  teamForAChosenChannel,
} from './team-rules.js';
