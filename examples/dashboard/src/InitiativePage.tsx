import type { RefusalRecord } from '@maslul/core';
import { useHistory } from '@maslul/react';
import { useMemo } from 'react';
import { API_BASE, type DemoState } from './demo-state.js';
import { Decision, stateLabel } from './Initiatives.js';
import { formatDate, type Lang, MESSAGES } from './i18n.js';
import { initiativeDetail } from './initiative-detail.js';
import { initiativesOf } from './initiatives-model.js';
import { MeasurementChart } from './MeasurementChart.js';
import { roleLabel } from './names.js';
import { useJson } from './use-json.js';
import { hrefOf } from './view.js';

// One initiative: the focus challenges and objectives it is tied to, its measurements over time,
// the shaping committee's decision with its reasons (C2), and the attempts on it that the program
// refused, from the instance's refusal log.

function Refusals({ refusals, lang }: { refusals: readonly RefusalRecord[]; lang: Lang }) {
  const m = MESSAGES[lang];
  if (refusals.length === 0) return <p>{m.noRefusals}</p>;
  return (
    <ul className="refusals">
      {refusals.map((r) => (
        <li key={`${r.at} ${r.actor.id} ${r.code}`} data-refusal={r.code} data-rule={r.rule}>
          <p>
            <strong>{formatDate(r.at.slice(0, 10) as never, lang)}</strong> ·{' '}
            {roleLabel(r.actor.roles[0], lang)} (<bdi>{r.actor.id}</bdi>) · <code>{r.type}</code>
          </p>
          <p className="refusal-why">
            {m.rule} <span className="rule-id-plain">{r.rule}</span> (<code>{r.code}</code>):{' '}
            <bdi lang="en">{r.message}</bdi>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The page of initiative `id` of the demo authority. */
export function InitiativePage({ demo, id, lang }: { demo: DemoState; id: string; lang: Lang }) {
  const m = MESSAGES[lang];
  const history = useHistory(demo.id);
  const refusals = useJson<{ refusals: RefusalRecord[] }>(
    `${API_BASE}/instances/${encodeURIComponent(demo.id)}/refusals`,
    [demo.today, demo.recorded],
  );
  const { initiatives, objectives } = useMemo(
    () => initiativesOf(history.data ?? []),
    [history.data],
  );
  const detail = useMemo(() => initiativeDetail(history.data ?? [], id), [history.data, id]);
  const initiative = initiatives.find((i) => i.id === id);
  const back = (
    <p className="back">
      <a href={hrefOf({ kind: 'overview' }, lang)}>{m.backToOverview}</a>
    </p>
  );
  if (!history.data) {
    return (
      <main>
        <p role={history.error ? 'alert' : 'status'}>
          {history.error ? `${m.failed}: ${history.error.message}` : m.loading}
        </p>
      </main>
    );
  }
  if (!initiative || !detail) {
    return (
      <main>
        {back}
        <p role="alert">{m.unknownInitiative}</p>
      </main>
    );
  }
  const mine = (refusals.data?.refusals ?? []).filter((r) => r.item === id);
  return (
    <main>
      {back}
      <article
        className="panel initiative-page"
        aria-labelledby="initiative-heading"
        data-initiative={id}
        data-state={initiative.state}
      >
        <header>
          <h2 id="initiative-heading">
            <bdi>{initiative.title}</bdi>
          </h2>
          <span className="state" data-state={initiative.state}>
            {stateLabel(initiative.state, lang)}
          </span>
        </header>
        <section aria-labelledby="links-to-heading">
          <h3 id="links-to-heading">{m.links}</h3>
          <ul className="ties">
            {detail.challenges.map((c) => (
              <li key={c.id} data-challenge={c.id}>
                {m.challenge}: <bdi>{c.title}</bdi>
              </li>
            ))}
            {detail.objectives.map((o) => (
              <li key={o.id} data-objective={o.id}>
                {m.objective}: <bdi>{o.title}</bdi>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="measurements-heading">
          <h3 id="measurements-heading">{m.measurements}</h3>
          <p className="note">{m.measurementsNote}</p>
          {detail.series.some((s) => s.points.length > 1) ? (
            detail.series.map((s) => (
              <MeasurementChart key={s.objectiveId} series={s} lang={lang} />
            ))
          ) : (
            <p>{m.noMeasurements}</p>
          )}
        </section>
        <section aria-labelledby="decision-heading">
          <h3 id="decision-heading">{m.decision}</h3>
          {initiative.decision ? (
            <Decision initiative={initiative} objectives={objectives} lang={lang} />
          ) : (
            <p className="pending">{m.notDecided(formatDate(demo.forecast.C1.p50, lang))}</p>
          )}
        </section>
        <section aria-labelledby="refused-heading">
          <h3 id="refused-heading">{m.refused}</h3>
          <p className="note">{m.refusedNote}</p>
          {refusals.data ? (
            <Refusals refusals={mine} lang={lang} />
          ) : (
            <p role={refusals.error ? 'alert' : 'status'}>
              {refusals.error ? `${m.failed}: ${refusals.error.message}` : m.loading}
            </p>
          )}
        </section>
      </article>
    </main>
  );
}
