import type { Actor, ProgramEvent } from '@maslul/core';
import type { KehilaMetiva, KehilaRole } from '@maslul/kehila-metiva';
import { useEffect } from 'react';
import type { Instant } from '../source.js';
import { useHistory } from '../use-history.js';
import { useInstance } from '../use-instance.js';
import { useSchedule } from '../use-schedule.js';
import { useSend } from '../use-send.js';

// Small components as an app would write them, for the tests to render.

/** The step of each track, one list item per track. */
export function Tracks({ id }: { id: string }) {
  const instance = useInstance<KehilaMetiva>(id);
  if (instance.status === 'pending') return <p>loading</p>;
  if (instance.status === 'error') return <p role="alert">{instance.error.message}</p>;
  return (
    <ul aria-label="tracks">
      {Object.entries(instance.data.current).map(([track, at]) => (
        <li key={track}>{`${track}: ${at.step}`}</li>
      ))}
      <li>{`version ${instance.data.version}`}</li>
    </ul>
  );
}

/** A button that sends `event`, and what came of it. */
export function SendButton(props: {
  id: string;
  label: string;
  event: ProgramEvent<KehilaMetiva>;
  actor?: Actor<KehilaRole>;
  idempotencyKey?: string;
}) {
  const { send, isPending, data: lastResult, refusal, error } = useSend<KehilaMetiva>(props.id);
  return (
    <div>
      <button
        type="button"
        onClick={() =>
          send(props.event, { actor: props.actor, idempotencyKey: props.idempotencyKey })
        }
      >
        {props.label}
      </button>
      {isPending && <p>sending</p>}
      {lastResult?.ok && (
        <p>{`stored #${lastResult.entry.seq}${lastResult.duplicate ? ' (duplicate)' : ''}`}</p>
      )}
      {refusal && (
        <p role="alert">{`refused ${refusal.code} (${refusal.rule}): ${refusal.message}`}</p>
      )}
      {error && <p role="alert">{`failed: ${error.message}`}</p>}
    </div>
  );
}

/** Sends `event` once when it mounts, with an idempotency key, as a "mark as seen" would. */
export function SendOnMount(props: {
  id: string;
  event: ProgramEvent<KehilaMetiva>;
  actor: Actor<KehilaRole>;
  idempotencyKey: string;
}) {
  const { send, data: lastResult } = useSend<KehilaMetiva>(props.id);
  const { id, event, actor, idempotencyKey } = props;
  useEffect(() => {
    void send(event, { actor, idempotencyKey });
  }, [send, event, actor, idempotencyKey]);
  return lastResult?.ok ? (
    <p>{`stored #${lastResult.entry.seq}${lastResult.duplicate ? ' (duplicate)' : ''} on ${id}`}</p>
  ) : null;
}

/** The status of some steps at an instant, and the planned start of each. */
export function Statuses({
  id,
  at,
  steps,
}: {
  id: string;
  at?: Instant;
  steps: readonly ('S0' | 'S1' | 'S2')[];
}) {
  const schedule = useSchedule<KehilaMetiva>(id, { at });
  if (schedule.status !== 'success') return <p>{schedule.status}</p>;
  const { plan, status } = schedule.data;
  return (
    <ul aria-label="statuses">
      {steps.map((step) => (
        <li key={step}>{`${step}: ${status[step]} (planned ${plan.steps[step].start})`}</li>
      ))}
    </ul>
  );
}

/** The stored events, one item each. */
export function Log({ id }: { id: string }) {
  const history = useHistory(id);
  return (
    <ol aria-label="history">
      {(history.data ?? []).map((entry) => (
        <li key={entry.seq}>{`#${entry.seq} ${entry.type} by ${entry.actor.id}`}</li>
      ))}
    </ol>
  );
}
