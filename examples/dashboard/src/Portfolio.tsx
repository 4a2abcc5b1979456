import type { InstancePage } from '@maslul/core';
import { API_BASE, type DemoState, type PortfolioState } from './demo-state.js';
import { formatDate, type Lang, MESSAGES } from './i18n.js';
import { stepLabel } from './names.js';
import { useJson } from './use-json.js';
import { hrefOf } from './view.js';

// Every authority running the program, side by side: the instances as the HTTP API lists them
// (GET /api/instances: where each stands and its overdue steps), beside each one's name and the
// forecast of its plan's approval from the dashboard server (GET /demo/portfolio).

/** The portfolio: one row (a card on a phone) per authority. */
export function Portfolio({ demo, lang }: { demo: DemoState; lang: Lang }) {
  const m = MESSAGES[lang];
  const key = [demo.today, demo.recorded];
  const listed = useJson<InstancePage>(`${API_BASE}/instances?status=running&limit=100`, key);
  const portfolio = useJson<PortfolioState>('/demo/portfolio', key);
  const failed = listed.error ?? portfolio.error;
  return (
    <main>
      <section aria-labelledby="portfolio-heading" className="panel">
        <h2 id="portfolio-heading">{m.authorities}</h2>
        <p className="note">{m.portfolioNote}</p>
        {listed.data && portfolio.data ? (
          <table className="portfolio" aria-labelledby="portfolio-heading">
            <thead>
              <tr>
                <th scope="col">{m.authority}</th>
                <th scope="col">{m.started}</th>
                <th scope="col">{m.currentStep}</th>
                <th scope="col">{m.overdueSteps}</th>
                <th scope="col">{m.approvalForecast}</th>
              </tr>
            </thead>
            <tbody>
              {listed.data.instances.map((instance) => {
                const authority = portfolio.data.authorities.find((a) => a.id === instance.id);
                const step = instance.current.strategy?.step ?? 'done';
                return (
                  <tr
                    key={instance.id}
                    data-authority={instance.id}
                    data-overdue={instance.overdue.length}
                  >
                    <th scope="row" data-label={m.authority}>
                      {instance.id === demo.id ? (
                        <a href={hrefOf({ kind: 'overview' }, lang)}>
                          {authority?.name[lang] ?? instance.id}
                        </a>
                      ) : (
                        (authority?.name[lang] ?? instance.id)
                      )}
                    </th>
                    <td data-label={m.started}>{formatDate(instance.start, lang)}</td>
                    <td data-label={m.currentStep} data-step={step}>
                      <span className="step-id">{step}</span> {stepLabel(step, lang)}
                    </td>
                    <td data-label={m.overdueSteps}>
                      <span
                        className="count"
                        data-status={instance.overdue.length ? 'overdue' : 'done'}
                      >
                        {instance.overdue.length}
                      </span>
                    </td>
                    <td data-label={m.approvalForecast} data-p50={authority?.forecast.p50}>
                      {authority &&
                        m.forecastDates(
                          formatDate(authority.forecast.p50, lang),
                          formatDate(authority.forecast.p90, lang),
                        )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p role={failed ? 'alert' : 'status'}>
            {failed ? `${m.failed}: ${failed.message}` : m.loading}
          </p>
        )}
      </section>
    </main>
  );
}
