import type { DemoState, LateStep, WeekItem, WeekState } from './demo-state.js';
import { formatDate, type Lang, MESSAGES } from './i18n.js';
import { ownerLabel, stepLabel } from './names.js';
import { useJson } from './use-json.js';

// "This week" and "late", as the server works them out from the plan (GET /demo/week): lists
// first, for a phone; each item with its owner, each late step with the steps waiting on it.

function Owners({ item, lang }: { item: Pick<WeekItem, 'owners'>; lang: Lang }) {
  const m = MESSAGES[lang];
  return (
    <p className="owners">
      {m.owner}: {item.owners.map((owner) => ownerLabel(owner, lang)).join('; ')}
    </p>
  );
}

function WeekList({ week, lang }: { week: WeekState; lang: Lang }) {
  const m = MESSAGES[lang];
  if (week.items.length === 0) return <p>{m.nothingThisWeek}</p>;
  return (
    <ul className="week-list">
      {week.items.map((item) => (
        <li key={item.id} data-week-item={item.id} data-status={item.status}>
          <span className="badge" data-status={item.status}>
            {m.statuses[item.status]}
          </span>{' '}
          <span className="step-id">{item.id}</span> <strong>{stepLabel(item.id, lang)}</strong>
          <span className="when"> · {formatDate(item.date, lang)}</span>
          <Owners item={item} lang={lang} />
        </li>
      ))}
    </ul>
  );
}

function LateList({ late, lang }: { late: readonly LateStep[]; lang: Lang }) {
  const m = MESSAGES[lang];
  if (late.length === 0) return <p>{m.nothingLate}</p>;
  return (
    <ul className="late-list">
      {late.map((step) => (
        <li key={step.id} data-late={step.id} data-working-days={step.workingDaysLate}>
          <p>
            <span className="step-id">{step.id}</span> <strong>{stepLabel(step.id, lang)}</strong>
          </p>
          <p className="late-by">
            {m.workingDaysLate(step.workingDaysLate)} ·{' '}
            {m.windowClosed(formatDate(step.windowClosed, lang))}
          </p>
          <Owners item={step} lang={lang} />
          {step.moved.length > 0 && (
            <>
              <p className="waits">{m.waitsOnIt}:</p>
              <ul className="moved">
                {step.moved.map((after) => (
                  <li key={after.id} data-moved={after.id}>
                    <span className="step-id">{after.id}</span> {stepLabel(after.id, lang)} ·{' '}
                    {formatDate(after.start, lang)}
                    <details>
                      <summary>{m.why}</summary>
                      <p lang="en" dir="ltr">
                        {after.explanation}
                      </p>
                    </details>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The week from the simulated today, and what is late, of the demo authority. */
export function Week({ demo, lang }: { demo: DemoState; lang: Lang }) {
  const m = MESSAGES[lang];
  const week = useJson<WeekState>(`/demo/week?id=${encodeURIComponent(demo.id)}`, [
    demo.today,
    demo.recorded,
  ]);
  const loading = (
    <p role={week.error ? 'alert' : 'status'}>
      {week.error ? `${m.failed}: ${week.error.message}` : m.loading}
    </p>
  );
  return (
    <div className="week">
      <section aria-labelledby="week-heading" className="panel">
        <h2 id="week-heading">{m.thisWeek}</h2>
        {week.data ? (
          <>
            <p className="note">
              {m.weekNote(formatDate(week.data.from, lang), formatDate(week.data.to, lang))}
            </p>
            <WeekList week={week.data} lang={lang} />
          </>
        ) : (
          loading
        )}
      </section>
      <section aria-labelledby="late-heading" className="panel">
        <h2 id="late-heading">{m.late}</h2>
        <p className="note">{m.lateNote}</p>
        {week.data ? <LateList late={week.data.late} lang={lang} /> : loading}
      </section>
    </div>
  );
}
