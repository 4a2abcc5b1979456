/**
 * `@maslul/core`: write a long multi-track program once with a typed DSL, compile it to a plain
 * XState v5 machine and a `@maslul/timing` schedule, and run instances of it deterministically:
 * every event validated (zod), role-checked and rule-checked, time taken only from the event and
 * an injected clock, deadlines returned as data.
 *
 * @packageDocumentation
 */

export {
  type Instant,
  itemCreateType,
  itemEventType,
  type Label,
  labelIn,
  MaslulError,
  spanFinishType,
  spanStartType,
  stepSkipType,
  toEpoch,
} from '@maslul/timing';
export {
  type Clock,
  createManualClock,
  DEFAULT_MAX_WAIT,
  MAX_TIMER_DELAY,
  type ManualClock,
  systemClock,
  type TimerHost,
} from './clock.js';
export type { Deadline, DeadlineAct } from './deadlines.js';
export { defineProgram, type ProgramBuilder } from './define-program.js';
export type {
  EndingKind,
  EndingOptions,
  RunEnding,
} from './ending.js';
export type {
  EventOfEnding,
  EventOfItems,
  EventOfSteps,
  EventWithPayload,
  MachineEvent,
  ProgramEvent,
} from './events.js';
export { checkId, idIssue } from './ids.js';
export {
  type Actor,
  createInstance,
  type InstanceOptions,
  type InstanceSnapshot,
  type LogEntry,
  type Migration,
  type PersistedMachine,
  type ProgramInstance,
  type RoleOf,
  type RuleTrace,
  replay,
  restoreInstance,
  type SendOptions,
  type SendResult,
  type StepIdOf,
} from './instance.js';
export type { InstanceForecast, InstanceForecastOptions } from './instance-forecast.js';
export type {
  InstanceListQuery,
  InstancePage,
  InstanceRef,
  InstanceStatus,
  InstanceSummary,
  ListOptions,
} from './instance-list.js';
export type {
  ItemCreation,
  ItemDefinition,
  ItemEventOptions,
  ItemEventPlan,
  ItemOptions,
  ItemShape,
} from './item.js';
export type { ItemBuilder } from './item-builder.js';
export type { ItemRecord } from './item-checks.js';
export type { ItemEventRecord, ItemRule, ItemRuleInput, ItemView } from './item-rule.js';
export type { Program } from './program.js';
export type { ProgramContext, StepRecord } from './program-context.js';
export { Refusal, type RefusalCode } from './refusal.js';
export { DEFAULT_REFUSAL_LIMIT, type RefusalRecord } from './refusal-log.js';
export {
  createRuntime,
  type InstanceView,
  type Runtime,
  type RuntimeOptions,
} from './runtime.js';
export type {
  AppendBatch,
  DeadlineChanges,
  InstanceStore,
  NewInstance,
  StoredInstance,
} from './store-port.js';
export { deadlineKey, TIMER_ACTOR } from './timer-actor.js';
export type { TrackBuilder } from './track-builder.js';
export type {
  MilestoneOptions,
  Optional,
  RoleDefinition,
  Rule,
  RuleInput,
  Schema,
  SeriesOptions,
  SpanOptions,
  StepDates,
  StepDefinition,
  StepKind,
  StepOptions,
  StepShape,
  TrackDefinition,
} from './types.js';
