// Written by scripts/public-exports/generate.mjs: the public API of @maslul/core, pinned. Do
// not edit by hand; change the index, run `npm run public-exports`, and review this diff.
import { expectTypeOf, test } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: a generic type is named with any arguments.
type Some = any;

// @maslul/core
import type * as entry0 from '../index.js';

test('@maslul/core exports exactly these values', () => {
  expectTypeOf<keyof typeof entry0>().toEqualTypeOf<
    | 'DEFAULT_MAX_WAIT'
    | 'DEFAULT_REFUSAL_LIMIT'
    | 'MAX_TIMER_DELAY'
    | 'MaslulError'
    | 'Refusal'
    | 'TIMER_ACTOR'
    | 'checkId'
    | 'createInstance'
    | 'createManualClock'
    | 'createRuntime'
    | 'deadlineKey'
    | 'defineProgram'
    | 'idIssue'
    | 'itemCreateType'
    | 'itemEventType'
    | 'labelIn'
    | 'replay'
    | 'restoreInstance'
    | 'spanFinishType'
    | 'spanStartType'
    | 'stepSkipType'
    | 'systemClock'
    | 'toEpoch'
  >();
});

test('@maslul/core exports these types', () => {
  type Named = [
    entry0.Actor,
    entry0.AppendBatch,
    entry0.Clock,
    entry0.Deadline,
    entry0.DeadlineAct,
    entry0.DeadlineChanges,
    entry0.EndingKind,
    entry0.EndingOptions<Some>,
    entry0.EventOfEnding<Some>,
    entry0.EventOfItems<Some>,
    entry0.EventOfSteps<Some>,
    entry0.EventWithPayload<Some, Some>,
    entry0.InstanceForecast,
    entry0.InstanceForecastOptions,
    entry0.InstanceListQuery,
    entry0.InstanceOptions,
    entry0.InstancePage,
    entry0.InstanceRef,
    entry0.InstanceSnapshot,
    entry0.InstanceStatus,
    entry0.InstanceStore,
    entry0.InstanceSummary,
    entry0.InstanceView,
    entry0.Instant,
    entry0.ItemBuilder<Some, Some, Some, Some>,
    entry0.ItemCreation<Some, Some, Some>,
    entry0.ItemDefinition,
    entry0.ItemEventOptions<Some, Some, Some, Some>,
    entry0.ItemEventPlan,
    entry0.ItemEventRecord,
    entry0.ItemOptions<Some, Some, Some, Some>,
    entry0.ItemRecord,
    entry0.ItemRule,
    entry0.ItemRuleInput<Some>,
    entry0.ItemShape,
    entry0.ItemView,
    entry0.Label,
    entry0.ListOptions,
    entry0.LogEntry,
    entry0.MachineEvent,
    entry0.ManualClock,
    entry0.Migration,
    entry0.MilestoneOptions<Some, Some, Some>,
    entry0.NewInstance,
    entry0.Optional<Some>,
    entry0.PersistedMachine,
    entry0.Program,
    entry0.ProgramBuilder<Some, Some, Some>,
    entry0.ProgramContext,
    entry0.ProgramEvent<Some>,
    entry0.ProgramInstance,
    entry0.RefusalCode,
    entry0.RefusalRecord,
    entry0.RoleDefinition,
    entry0.RoleOf<Some>,
    entry0.Rule,
    entry0.RuleInput<Some>,
    entry0.RuleTrace,
    entry0.RunEnding,
    entry0.Runtime,
    entry0.RuntimeOptions,
    entry0.Schema,
    entry0.SendOptions,
    entry0.SendResult,
    entry0.SeriesOptions<Some, Some, Some>,
    entry0.SpanOptions<Some, Some, Some>,
    entry0.StepDates,
    entry0.StepDefinition,
    entry0.StepIdOf<Some>,
    entry0.StepKind,
    entry0.StepOptions<Some, Some, Some>,
    entry0.StepRecord,
    entry0.StepShape,
    entry0.StoredInstance,
    entry0.TimerHost,
    entry0.TrackBuilder<Some, Some>,
    entry0.TrackDefinition,
  ];
  expectTypeOf<Named>().not.toBeNever();
});

// @maslul/core/xstate
import type * as entry1 from '../xstate/index.js';

test('@maslul/core/xstate exports exactly these values', () => {
  expectTypeOf<keyof typeof entry1>().toEqualTypeOf<'compile'>();
});

test('@maslul/core/xstate exports these types', () => {
  type Named = [entry1.ProgramMachine];
  expectTypeOf<Named>().not.toBeNever();
});
