import type { StateValue } from 'xstate';
import { endedRefusal, endingVerdict } from './ending.js';
import type { EventTarget, MachineEvent } from './events.js';
import { fixedDatesOf } from './fixed-dates.js';
import { type ActorRef, checkItemEvent, NO_ACTOR } from './item-checks.js';
import type { ItemRule } from './item-rule.js';
import { ruleOf } from './payload-rule.js';
import type { Program } from './program.js';
import type { ProgramContext } from './program-context.js';
import { reasonVerdict } from './reason.js';
import { recordedDates, recordedPayloads } from './recorded.js';
import { Refusal, refuse } from './refusal.js';
import { firstFailing } from './rule-run.js';
import { runningState } from './step-states.js';
import type { Rule, StepDefinition } from './types.js';

/** Which part of a step an event records. */
export type Phase = 'record' | 'start' | 'finish';

/**
 * What a guard decided about one event: taken, with the parsed payload and the rules that passed;
 * or refused, with the refusal the runtime reports (code, rule, path, message).
 */
export type Verdict =
  | { readonly ok: true; readonly data: unknown; readonly rules: readonly (Rule | ItemRule)[] }
  | { readonly ok: false; readonly refusal: Refusal };

/** Whether a step's relations to other steps are met: each waits for a finish (or a start). */
export function waitingFor(program: Program, context: ProgramContext, step: string): string[] {
  const definition = (program.steps as Record<string, StepDefinition>)[step];
  if (!definition) return [];
  return definition.after.flatMap((dependency) => {
    const other = typeof dependency === 'string' ? dependency : dependency.step;
    const fromStart = typeof dependency === 'object' && dependency.from === 'start';
    const record = context.steps[other];
    // A skipped step is settled: what waits for its start or its finish goes on.
    const met = fromStart
      ? record?.started !== undefined || record?.skipped !== undefined
      : record?.finished !== undefined;
    return met ? [] : [other];
  });
}

/** Parses the payload a phase takes; undefined output when the step has no schema. */
export function parsePayload(
  definition: StepDefinition,
  phase: Phase,
  payload: unknown,
): { success: true; data: unknown } | { success: false; error: import('zod').ZodError } {
  if (phase === 'start' || !definition.payload) {
    return { success: true, data: undefined };
  }
  return definition.payload.safeParse(payload) as
    | { success: true; data: unknown }
    | { success: false; error: import('zod').ZodError };
}

/** The refusal of a payload that fails a step's schema: one issue per field. */
function invalidPayload(
  definition: StepDefinition,
  type: string,
  error: import('zod').ZodError,
): Refusal {
  const issues = error.issues.map((issue) => ({
    code: 'invalid-payload',
    path: ['payload', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    rule: ruleOf(issue, definition.payload),
    step: definition.id,
    message: `"${type}" payload${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`,
  }));
  const [first, ...rest] = issues;
  return new Refusal('invalid-payload', [
    first ?? {
      code: 'invalid-payload',
      path: ['payload'],
      rule: 'core.payload',
      step: definition.id,
      message: `"${type}" payload is invalid.`,
    },
    ...rest,
  ]);
}

const NO_RULES: readonly Rule[] = [];

/**
 * The guard of a step's event, reached when its track is at the step: the payload parses, the
 * steps it waits for are recorded, and its rules pass (a span's start checks none).
 */
export function stepVerdict(
  program: Program,
  definition: StepDefinition,
  phase: Phase,
  context: ProgramContext,
  event: MachineEvent,
): Verdict {
  const parsed = parsePayload(definition, phase, event.payload);
  if (!parsed.success) {
    return { ok: false, refusal: invalidPayload(definition, event.type, parsed.error) };
  }
  const waiting = waitingRefusal(program, context, definition.id);
  if (waiting) return { ok: false, refusal: waiting };
  if (phase === 'start' || definition.rules.length === 0) {
    return { ok: true, data: parsed.data, rules: NO_RULES };
  }
  const input = {
    payload: parsed.data,
    recorded: recordedPayloads(context),
    date: event.date,
    items: context.items,
    actor: event.actor ?? NO_ACTOR,
    workingDay: event.workingDay ?? true,
    fixed: fixedDatesOf(program),
    dates: recordedDates(context),
  };
  const refusing = firstFailing(definition.rules, input);
  if (refusing) {
    return {
      ok: false,
      refusal: refuse(
        refusing.code,
        refusing.rule,
        ['payload'],
        `"${definition.id}" refused by ${refusing.code === 'rule-failed' ? `rule ${refusing.rule}: ` : ''}${refusing.reason}.`,
        definition.id,
      ),
    };
  }
  return { ok: true, data: parsed.data, rules: definition.rules };
}

/** The refusal of an event whose step waits for steps not recorded yet, or undefined. */
function waitingRefusal(
  program: Program,
  context: ProgramContext,
  step: string,
): Refusal | undefined {
  const waiting = waitingFor(program, context, step);
  if (waiting.length === 0) return undefined;
  return refuse(
    'waiting',
    'core.after',
    ['type'],
    `"${step}" waits for ${waiting.map((w) => `"${w}"`).join(', ')}, not recorded yet.`,
    step,
  );
}

/** The refusal of a skip sent after its step started (a span running, a series begun). */
function startedRefusal(definition: StepDefinition, type: string): Refusal {
  return refuse(
    'not-now',
    'core.skip-before-start',
    ['type'],
    `"${type}" cannot be sent now: "${definition.id}" has started, and only a step not started yet may be skipped.`,
    definition.id,
  );
}

/**
 * The guard of `<id>.skip`, reached when the track is at the optional step and it has not
 * started: a reason is given, and the steps it waits for are recorded (its rules judge what is
 * recorded, not a skip).
 */
export function skipVerdict(
  program: Program,
  definition: StepDefinition,
  context: ProgramContext,
  event: MachineEvent,
): Verdict {
  const given = reasonVerdict(event, 'core.skip-reason', `"${definition.id}" is skipped`);
  if (!given.ok) return given;
  if (context.steps[definition.id]?.started !== undefined) {
    return { ok: false, refusal: startedRefusal(definition, event.type) };
  }
  const waiting = waitingRefusal(program, context, definition.id);
  return waiting ? { ok: false, refusal: waiting } : given;
}

/**
 * The verdict on an event at its target, once its track is there: a run that ended takes
 * nothing; a step's event, a skip, an item event and an ending each have their own checks. The
 * one judge of every event, for the compiled machine's guards and for the instance alike.
 */
export function verdictOn(
  program: Program,
  target: EventTarget,
  context: ProgramContext,
  event: MachineEvent,
): Verdict {
  if ('ending' in target) return endingVerdict(context, event);
  if (context.ended) return { ok: false, refusal: endedRefusal(context.ended, event.type) };
  if ('kind' in target) return itemVerdict(program, context, target.kind, target.event, event);
  const definition = (program.steps as Record<string, StepDefinition>)[
    target.step
  ] as StepDefinition;
  return target.phase === 'skip'
    ? skipVerdict(program, definition, context, event)
    : stepVerdict(program, definition, target.phase, context, event);
}

/** The guard of an item event: the item, its state, the joins, the payload, then the rules. */
export function itemVerdict(
  program: Program,
  context: ProgramContext,
  kind: string,
  name: string,
  event: MachineEvent,
): Verdict {
  const checked = checkItemEvent(
    program,
    context,
    kind,
    name,
    event.item,
    event.payload,
    event.date,
    event.actor ?? NO_ACTOR,
    event.workingDay ?? true,
  );
  if (checked.ok) return { ok: true, data: checked.data, rules: checked.rules };
  const issues = (
    checked.issues ?? [{ path: checked.path, rule: checked.rule, message: checked.message }]
  ).map((issue) => ({
    code: checked.code,
    path: issue.path,
    rule: issue.rule,
    message: issue.message,
  }));
  const [first, ...rest] = issues;
  return {
    ok: false,
    refusal: new Refusal(checked.code, [
      first ?? {
        code: checked.code,
        path: checked.path,
        rule: checked.rule,
        message: checked.message,
      },
      ...rest,
    ]),
  };
}

/**
 * Why a step's event was not taken when no guard judged it: its track is not at the step (a
 * payload that does not parse is named first, as for an event at its step), or, for a skip, the
 * step has started.
 */
export function notAtStep(
  definition: StepDefinition,
  phase: Phase | 'skip',
  event: { readonly type: string; readonly payload?: unknown },
  value: StateValue,
): Refusal {
  const region =
    typeof value === 'object' ? (value as Record<string, string>)[definition.track] : undefined;
  if (phase === 'skip') {
    return region === runningState(definition.id)
      ? startedRefusal(definition, event.type)
      : refuse(
          'not-now',
          'core.track-order',
          ['type'],
          `"${event.type}" cannot be sent now: track "${definition.track}" is at "${region}"; a step is skipped when its track reaches it.`,
          definition.id,
        );
  }
  const parsed = parsePayload(definition, phase, event.payload);
  if (!parsed.success) return invalidPayload(definition, event.type, parsed.error);
  return refuse(
    'not-now',
    'core.track-order',
    ['type'],
    `"${event.type}" cannot be recorded now: track "${definition.track}" is at "${region}".`,
    definition.id,
  );
}

/** Who may send an event, or the refusal of an actor with none of the roles. */
export function rolesRefusal(
  by: readonly string[],
  actor: ActorRef,
  type: string,
  step: string | undefined,
): Refusal | undefined {
  if (by.some((role) => actor.roles.includes(role))) return undefined;
  const roles = by.map((r) => `"${r}"`).join(', ');
  return step === undefined
    ? refuse(
        'forbidden',
        'core.roles',
        ['actor', 'roles'],
        `"${actor.id}" may not send "${type}": it needs one of the roles ${roles}.`,
      )
    : refuse(
        'forbidden',
        'core.roles',
        ['actor', 'roles'],
        `"${actor.id}" may not record "${type}": it needs one of the roles ${roles}.`,
        step,
      );
}
