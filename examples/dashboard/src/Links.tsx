import { API_BASE } from './demo-state.js';
import { type Lang, MESSAGES } from './i18n.js';

// The run's calendar feed (for a calendar app to subscribe to) and the plan as CSV (for a
// spreadsheet): the feed is the HTTP API's calendar.ics, the CSV the dashboard server's export.

/** The links to the calendar feed, the calendar file and the CSV export of an instance. */
export function Links({ id, lang }: { id: string; lang: Lang }) {
  const m = MESSAGES[lang];
  const ics = `${API_BASE}/instances/${encodeURIComponent(id)}/calendar.ics?actor=public`;
  const feed = `webcal://${window.location.host}${ics}`;
  return (
    <section aria-labelledby="links-heading" className="panel">
      <h2 id="links-heading">{m.subscribe}</h2>
      <ul className="links">
        <li>
          <a href={feed} data-link="feed">
            {m.calendarFeed}
          </a>
        </li>
        <li>
          <a href={ics} data-link="ics">
            {m.calendarFile}
          </a>
        </li>
        <li>
          <a href={`/export/${encodeURIComponent(id)}.csv`} data-link="csv" download>
            {m.csvExport}
          </a>
        </li>
      </ul>
    </section>
  );
}
