import type { KehilaMetiva } from '@maslul/kehila-metiva';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { useHistory, useSchedule } from '@maslul/react';
import { useEffect, useMemo, useState } from 'react';
import { type DemoState, FORECAST_STEPS } from './demo-state.js';
import { InitiativePage } from './InitiativePage.js';
import { Initiatives } from './Initiatives.js';
import { formatDate, LANG_NAMES, LANGS, type Lang, labelOf, MESSAGES } from './i18n.js';
import { initiativesOf } from './initiatives-model.js';
import { Links } from './Links.js';
import { NextStep } from './NextStep.js';
import { Portfolio } from './Portfolio.js';
import { Timeline } from './Timeline.js';
import { useDemo } from './use-demo.js';
import { hrefOf, type View, viewOfAddress } from './view.js';
import { Week } from './Week.js';

// The page: the authority and the simulated day, a Hebrew / English switch, and one of three
// views: the overview (the next event of the script to record, this week and what is late, the
// Gantt of every track with the forecasts, the pilot's initiatives, the calendar and CSV links),
// one initiative's page, or the portfolio of every authority running the program.

/** The language in the address (`?lang=en`), Hebrew by default. */
const langOfAddress = (): Lang =>
  new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'he';

function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  return (
    <fieldset className="switch">
      <legend className="visually-hidden">{MESSAGES[lang].language}</legend>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === lang}
          onClick={() => onChange(l)}
        >
          {LANG_NAMES[l]}
        </button>
      ))}
    </fieldset>
  );
}

function Navigation({ view, lang }: { view: View; lang: Lang }) {
  const m = MESSAGES[lang];
  const views = [
    { view: { kind: 'overview' } as const, label: m.overview },
    { view: { kind: 'portfolio' } as const, label: m.portfolio },
  ];
  return (
    <nav aria-label={m.nav} className="views">
      {views.map((v) => (
        <a
          key={v.view.kind}
          href={hrefOf(v.view, lang)}
          aria-current={v.view.kind === view.kind ? 'page' : undefined}
        >
          {v.label}
        </a>
      ))}
    </nav>
  );
}

function Dashboard({
  demo,
  refresh,
  lang,
}: {
  demo: DemoState;
  refresh: () => Promise<void>;
  lang: Lang;
}) {
  const m = MESSAGES[lang];
  const schedule = useSchedule<KehilaMetiva>(demo.id);
  const history = useHistory(demo.id);
  const { initiatives, objectives } = useMemo(
    () => initiativesOf(history.data ?? []),
    [history.data],
  );
  const titles = useMemo(() => new Map(initiatives.map((i) => [i.id, i.title])), [initiatives]);
  const plan = schedule.data?.plan;
  return (
    <main>
      <NextStep demo={demo} titles={titles} refresh={refresh} lang={lang} />
      <Week demo={demo} lang={lang} />
      <section aria-labelledby="timeline-heading" className="panel">
        <h2 id="timeline-heading">{m.timeline}</h2>
        <p className="note">{m.timelineNote}</p>
        {schedule.data ? (
          <Timeline
            plan={schedule.data.plan}
            status={schedule.data.status}
            today={demo.today}
            forecast={demo.forecast}
            lang={lang}
          />
        ) : (
          <p role={schedule.error ? 'alert' : 'status'}>
            {schedule.error ? `${m.failed}: ${schedule.error.message}` : m.loading}
          </p>
        )}
      </section>
      <section aria-labelledby="initiatives-heading" className="panel">
        <h2 id="initiatives-heading">{m.initiatives}</h2>
        <p className="note">{m.initiativesNote}</p>
        {history.data ? (
          <Initiatives
            initiatives={initiatives}
            objectives={objectives}
            decisionPlanned={plan?.steps.C1.finish}
            lang={lang}
          />
        ) : (
          <p role={history.error ? 'alert' : 'status'}>
            {history.error ? `${m.failed}: ${history.error.message}` : m.loading}
          </p>
        )}
      </section>
      <Links id={demo.id} lang={lang} />
    </main>
  );
}

/** The forecast finish of the plan's approval and of the decision: median and 9 in 10. */
function Forecast({ forecast, lang }: { forecast: DemoState['forecast']; lang: Lang }) {
  const m = MESSAGES[lang];
  return (
    <dl className="forecast" aria-label={m.forecast}>
      {FORECAST_STEPS.map((id) => (
        <div key={id} data-forecast={id}>
          <dt>{m.forecastOf[id]}</dt>
          <dd>
            {m.forecastDates(
              formatDate(forecast[id].p50, lang),
              formatDate(forecast[id].p90, lang),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The dashboard of the authority's Kehila Metiva run. */
export function App() {
  const [lang, setLang] = useState<Lang>(langOfAddress);
  const demo = useDemo();
  const [view] = useState<View>(() => viewOfAddress(window.location.search));
  const m = MESSAGES[lang];
  const program = labelOf(kehilaMetiva.label, lang);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.dir = lang === 'he' ? 'rtl' : 'ltr';
    document.title = `${demo.data?.authority[lang] ?? program}: ${m.dashboard}`;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    window.history.replaceState(null, '', url);
  }, [lang, demo.data, program, m]);

  return (
    <>
      <header className="top">
        <div className="titles">
          <h1>{demo.data?.authority[lang] ?? program}</h1>
          <p className="program">
            {program} · {m.dashboard}
          </p>
        </div>
        {demo.data && (
          <div className="meta">
            <p>
              {m.today}:{' '}
              <strong data-today={demo.data.today}>{formatDate(demo.data.today, lang)}</strong>
            </p>
            <p>{m.recorded(demo.data.recorded, demo.data.total)}</p>
            <Forecast forecast={demo.data.forecast} lang={lang} />
          </div>
        )}
        <LanguageSwitch lang={lang} onChange={setLang} />
        <Navigation view={view} lang={lang} />
      </header>
      {demo.data ? (
        view.kind === 'portfolio' ? (
          <Portfolio demo={demo.data} lang={lang} />
        ) : view.kind === 'initiative' ? (
          <InitiativePage demo={demo.data} id={view.id} lang={lang} />
        ) : (
          <Dashboard demo={demo.data} refresh={demo.refresh} lang={lang} />
        )
      ) : (
        <main>
          <p role={demo.error ? 'alert' : 'status'}>
            {demo.error ? `${m.failed}: ${demo.error.message}` : m.loading}
          </p>
        </main>
      )}
    </>
  );
}
