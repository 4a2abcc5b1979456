import type { KehilaMetiva } from '@maslul/kehila-metiva';
import { useSend } from '@maslul/react';
import { useState } from 'react';
import type { DemoState } from './demo-state.js';
import { eventLabel } from './event-label.js';
import { formatDate, type Lang, MESSAGES } from './i18n.js';
import { roleLabel } from './names.js';
import { advanceDemo } from './source.js';

// The script's next event, and the button that records it: the simulated clock first moves on to
// its day, then the event is sent through the HTTP API with its idempotency key, in the role that
// may record it. The timeline and the initiatives re-read after an accepted send.

/** The next event of the script and its "record" button; nothing to record once it is done. */
export function NextStep({
  demo,
  titles,
  refresh,
  lang,
}: {
  demo: DemoState;
  titles: ReadonlyMap<string, string>;
  refresh: () => Promise<void>;
  lang: Lang;
}) {
  const m = MESSAGES[lang];
  const { send, refusal, error } = useSend<KehilaMetiva>(demo.id);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();
  const { next } = demo;
  if (!next) {
    return (
      <section className="next" aria-labelledby="next-heading">
        <h2 id="next-heading">{m.next}</h2>
        <p>{m.allRecorded}</p>
      </section>
    );
  }
  const label = eventLabel(next.event, lang, titles);
  const record = async () => {
    setBusy(true);
    setFailed(undefined);
    try {
      if (next.date > demo.today) await advanceDemo();
      await send(next.event, { at: next.at, idempotencyKey: next.key });
    } catch (cause) {
      setFailed(cause instanceof Error ? cause.message : String(cause));
    } finally {
      await refresh();
      setBusy(false);
    }
  };
  const problem = refusal ? `${refusal.message} (${refusal.rule})` : (error?.message ?? failed);
  return (
    <section className="next" aria-labelledby="next-heading">
      <div className="next-text">
        <h2 id="next-heading">{m.next}</h2>
        <p id="next-what" className="next-what" data-type={next.event.type}>
          <bdi>{label}</bdi>
        </p>
        <p className="next-meta">
          {m.nextOn} {formatDate(next.date, lang)} · {m.by}{' '}
          <span data-role={next.actor.roles[0]}>{roleLabel(next.actor.roles[0], lang)}</span>
          {next.why && (
            <>
              {' '}
              · {m.offPlan}: <bdi>{next.why}</bdi>
            </>
          )}
        </p>
      </div>
      <button
        type="button"
        className="record"
        disabled={busy}
        onClick={record}
        aria-busy={busy}
        aria-describedby="next-what"
      >
        {busy ? m.recording : m.record}
      </button>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
    </section>
  );
}
