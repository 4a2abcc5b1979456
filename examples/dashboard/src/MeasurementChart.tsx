import { FixedScaleAxis, LineChart } from 'chartist';
import 'chartist/dist/index.css';
import { useEffect, useRef } from 'react';
import { formatDate, type Lang, MESSAGES } from './i18n.js';
import type { Series } from './initiative-detail.js';

// One objective's measurements over time as a small line chart (chartist: SVG, about 10 KB
// gzipped, no dependencies), with the same numbers in a table beside it for those who do not
// see the chart: the chart is drawn for the eye only (aria-hidden).

const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The chart and its table of one measurement series. */
export function MeasurementChart({ series, lang }: { series: Series; lang: Lang }) {
  const m = MESSAGES[lang];
  const chart = useRef<HTMLDivElement>(null);
  const format = (value: number) => (series.indicator ? `${value}` : `${Math.round(value * 100)}%`);
  useEffect(() => {
    const element = chart.current;
    if (!element || series.points.length === 0) return;
    const values = series.points.map((p) => ({ x: dayOf(p.date), y: p.value }));
    const first = values[0]?.x ?? 0;
    const last = Math.max(values.at(-1)?.x ?? first, first + 30);
    const drawn = new LineChart(
      element,
      {
        series: [
          { name: 'value', data: values },
          {
            name: 'target',
            data: [
              { x: first, y: series.target },
              { x: last, y: series.target },
            ],
          },
        ],
      },
      {
        height: '160px',
        showArea: false,
        fullWidth: true,
        chartPadding: { top: 12, right: 24, bottom: 0, left: 0 },
        axisX: {
          type: FixedScaleAxis,
          divisor: 3,
          labelInterpolationFnc: (value: number | string) =>
            formatDate(dateOf(Number(value)) as never, lang),
        },
        axisY: {
          labelInterpolationFnc: (value: number | string) => format(Number(value)),
        },
      },
    );
    return () => {
      drawn.detach();
    };
  });
  return (
    <figure className="measurement" data-objective={series.objectiveId}>
      <figcaption>
        <bdi>{series.title}</bdi>
        {/* The objective's title names its indicator already: only the unit is added. */}
        {series.indicator ? <bdi> ({series.indicator.unit})</bdi> : <> · {m.share}</>}
      </figcaption>
      {/* The chart runs left to right in both languages, as dates on a chart do in Hebrew too. */}
      <div ref={chart} className="chart" dir="ltr" aria-hidden="true" />
      <table className="measurements">
        <thead>
          <tr>
            <th scope="col">{m.date}</th>
            <th scope="col">{m.value}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((point, index) => (
            <tr key={`${point.date} ${point.value}`} data-value={point.value}>
              <td>
                {formatDate(point.date, lang)}
                {index === 0 && series.indicator ? ` (${m.baseline})` : ''}
              </td>
              <td>{format(point.value)}</td>
            </tr>
          ))}
          <tr data-target={series.target}>
            <td>{m.target}</td>
            <td>{format(series.target)}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
