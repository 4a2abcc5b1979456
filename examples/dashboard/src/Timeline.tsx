import type { PlainDate, Plan, StepStatus } from '@maslul/timing';
import type { CSSProperties } from 'react';
import { formatDate, formatMonth, type Lang, MESSAGES } from './i18n.js';
import {
  type Axis,
  axisOf,
  endOf,
  positionOf,
  type TimelineRow,
  timelineGroups,
} from './timeline-model.js';

// The Gantt: a table of the program's tracks (row groups) and steps (rows), each row a bar on
// the date axis coloured by the step's status, and a line at the simulated today. Positions are
// logical (inset-inline-start), so in Hebrew the time runs from right to left.

const at = (percent: number): CSSProperties => ({ insetInlineStart: `${percent}%` });

/** The forecast of a step: a band from its median (P50) to its 9-in-10 (P90) finish. */
type Forecasts = { readonly [step: string]: { readonly p50: PlainDate; readonly p90: PlainDate } };

function ForecastBand({
  forecast,
  axis,
  lang,
}: {
  forecast: Forecasts[string];
  axis: Axis;
  lang: Lang;
}) {
  const m = MESSAGES[lang];
  const from = positionOf(axis, forecast.p50);
  const to = endOf(axis, forecast.p90);
  const text = m.forecastBand(formatDate(forecast.p50, lang), formatDate(forecast.p90, lang));
  return (
    <span
      className="forecast-band"
      style={{ ...at(from), inlineSize: `${Math.max(to - from, 0.3)}%` }}
      title={text}
    >
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

function Bar({ row, axis, lang }: { row: TimelineRow; axis: Axis; lang: Lang }) {
  const m = MESSAGES[lang];
  const start = positionOf(axis, row.start);
  const end = endOf(axis, row.finish);
  const dates =
    row.start === row.finish
      ? formatDate(row.start, lang)
      : `${formatDate(row.start, lang)} – ${formatDate(row.finish, lang)}`;
  // The dates beside the bar: after it, or before it when it ends near the axis' far end.
  const after = end < 78;
  const caption = (
    <span
      className="bar-caption"
      style={after ? at(end) : { insetInlineEnd: `${100 - start}%` }}
      data-side={after ? 'after' : 'before'}
    >
      {row.occurrences
        ? m.held(row.occurrences.filter((o) => o.recorded).length, row.occurrences.length)
        : dates}
    </span>
  );
  if (row.occurrences) {
    return (
      <>
        <span className="series-line" style={{ ...at(start), inlineSize: `${end - start}%` }} />
        {row.occurrences.map((o) => (
          <span
            key={o.date}
            className="diamond"
            data-status={o.recorded ? 'done' : row.status === 'overdue' ? 'overdue' : 'upcoming'}
            style={at(positionOf(axis, o.date))}
            title={formatDate(o.date, lang)}
          />
        ))}
        {caption}
      </>
    );
  }
  const point = row.start === row.finish;
  return (
    <>
      <span
        className={point ? 'diamond' : 'bar'}
        data-status={row.status}
        style={point ? at(start) : { ...at(start), inlineSize: `${end - start}%` }}
        title={`${row.label}: ${dates}`}
      />
      {caption}
    </>
  );
}

function Badge({ status, lang }: { status: StepStatus; lang: Lang }) {
  return (
    <span className="badge" data-status={status}>
      {MESSAGES[lang].statuses[status]}
    </span>
  );
}

/** The Gantt of every track, with the statuses at the simulated `today`. */
export function Timeline({
  plan,
  status,
  today,
  forecast = {},
  lang,
}: {
  plan: Plan;
  status: { readonly [step: string]: StepStatus };
  today: PlainDate;
  /** Forecast bands to draw, by step (the plan's approval and the decision). */
  forecast?: Forecasts | undefined;
  lang: Lang;
}) {
  const m = MESSAGES[lang];
  const axis = axisOf(plan, today);
  const groups = timelineGroups(plan, status, lang);
  const todayAt = positionOf(axis, today);
  return (
    <>
      {/* The timeline scrolls on its own on a narrow screen; the page around it does not. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the keyboard focus to scroll */}
      <section className="gantt-scroll" aria-label={m.timelineScroll} tabIndex={0}>
        <table className="gantt" aria-labelledby="timeline-heading">
          <colgroup>
            <col className="col-step" />
            <col className="col-status" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{m.step}</th>
              <th scope="col">{m.status}</th>
              <th scope="col">
                <span className="visually-hidden">{m.dates}</span>
                <span className="axis" aria-hidden="true">
                  {axis.months.map((month, i) => (
                    <span key={month} className="month" style={at(positionOf(axis, month))}>
                      {formatMonth(month, lang)}
                      {(i === 0 || month.endsWith('-01-01')) && (
                        <span className="year">{month.slice(0, 4)}</span>
                      )}
                    </span>
                  ))}
                </span>
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.id} aria-label={group.label} data-track={group.id}>
              <tr className="track-row">
                <th scope="rowgroup" colSpan={3}>
                  {group.label}
                </th>
              </tr>
              {group.rows.map((row) => (
                <tr
                  key={row.id}
                  data-step={row.id}
                  data-status={row.status}
                  data-start={row.start}
                  data-finish={row.finish}
                  data-p50={forecast[row.id]?.p50}
                  data-p90={forecast[row.id]?.p90}
                >
                  <th scope="row" className="step-label">
                    <span className="step-id">{row.id}</span> {row.label}
                  </th>
                  <td>
                    <Badge status={row.status} lang={lang} />
                  </td>
                  <td>
                    <span className="lane">
                      {axis.months.map((month) => (
                        <span
                          key={month}
                          className="gridline"
                          style={at(positionOf(axis, month))}
                        />
                      ))}
                      <Bar row={row} axis={axis} lang={lang} />
                      {forecast[row.id] && (
                        <ForecastBand
                          forecast={forecast[row.id] as Forecasts[string]}
                          axis={axis}
                          lang={lang}
                        />
                      )}
                      <span className="today" style={at(todayAt)} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </section>
      <p className="legend">
        {(['done', 'in-progress', 'open', 'overdue', 'upcoming'] as const).map((s) => (
          <span key={s} className="legend-item">
            <span className="swatch" data-status={s} /> {m.statuses[s]}
          </span>
        ))}
        <span className="legend-item">
          <span className="swatch today-swatch" /> {m.todayLine}: {formatDate(today, lang)}
        </span>
        <span className="legend-item">
          <span className="swatch forecast-swatch" /> {m.forecast} (P50–P90)
        </span>
      </p>
    </>
  );
}
