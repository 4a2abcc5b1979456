import type { Label } from '@maslul/core';
import { continuesOnlyWithProgress, kehilaMetiva, stopsAsDecided } from '@maslul/kehila-metiva';
import type { PlainDate } from '@maslul/timing';
import { formatDate, formatShekels, type Lang, labelOf, MESSAGES } from './i18n.js';
import type { Initiative, InitiativeState } from './initiatives-model.js';
import { hrefOf } from './view.js';

// The initiatives: one card each, with its state, its grant, its measurement and the shaping
// committee's decision with the reasons recorded for it and the program's rule on it.

const events = kehilaMetiva.items.initiative.events;

export const stateLabel = (state: InitiativeState, lang: Lang): string => {
  const labels: Record<Exclude<InitiativeState, 'supported'>, Label> = {
    measured: events.measure?.label ?? 'Measured',
    continued: events.continue?.label ?? 'Continues',
    stopped: events.stop?.label ?? 'Stops',
  };
  return state === 'supported' ? MESSAGES[lang].supported : labelOf(labels[state], lang);
};

/** The shaping committee's decision on an initiative: reasons, the C2 tests, the rule traced. */
export function Decision({
  initiative,
  objectives,
  lang,
}: {
  initiative: Initiative;
  objectives: ReadonlyMap<string, string>;
  lang: Lang;
}) {
  const m = MESSAGES[lang];
  const { decision } = initiative;
  if (!decision) return null;
  const rule = decision.decision === 'continue' ? continuesOnlyWithProgress : stopsAsDecided;
  const traced = initiative.decisionRules.find((r) => r.rule === rule.id);
  const advances = decision.advancesObjectiveIds.map((id) => objectives.get(id) ?? id);
  return (
    <div className="decision">
      <h4>
        {m.decision} ({formatDate(decision.decidedOn as PlainDate, lang)})
      </h4>
      <p className="reasons-label">{m.reasons}:</p>
      <ul className="reasons">
        {decision.reasons.map((reason) => (
          <li key={reason}>
            <bdi>{reason}</bdi>
          </li>
        ))}
      </ul>
      <p className="tests">
        {advances.length ? `${m.advances}: ${advances.join('; ')}` : m.advancesNothing} ·{' '}
        {decision.fitsPlan ? m.fitsPlan : m.doesNotFit}
      </p>
      <p className="rule">
        <span className="rule-id">
          {m.rule} {rule.id} {traced?.passed ? '✓' : ''}
        </span>{' '}
        {labelOf(rule.reason, lang)}
      </p>
    </div>
  );
}

/** The pilot's initiatives, and the decisions on them once made. */
export function Initiatives({
  initiatives,
  objectives,
  decisionPlanned,
  lang,
}: {
  initiatives: readonly Initiative[];
  objectives: ReadonlyMap<string, string>;
  /** C1's planned date, for the initiatives not decided yet. */
  decisionPlanned: PlainDate | undefined;
  lang: Lang;
}) {
  const m = MESSAGES[lang];
  if (initiatives.length === 0) return <p>{m.noInitiatives}</p>;
  return (
    <ul className="initiatives">
      {initiatives.map((initiative) => (
        <li key={initiative.id}>
          <article
            className="initiative"
            aria-labelledby={`initiative-${initiative.id}`}
            data-initiative={initiative.id}
            data-state={initiative.state}
          >
            <header>
              <h3 id={`initiative-${initiative.id}`}>
                <bdi>{initiative.title}</bdi>
              </h3>
              <span className="state" data-state={initiative.state}>
                {stateLabel(initiative.state, lang)}
              </span>
            </header>
            <dl>
              {initiative.grantAgorot !== undefined && (
                <>
                  <dt>{m.grant}</dt>
                  <dd>{formatShekels(initiative.grantAgorot, lang)}</dd>
                </>
              )}
              {initiative.measured && (
                <>
                  <dt>
                    {m.measured} ({formatDate(initiative.measured.measuredOn as PlainDate, lang)})
                  </dt>
                  <dd>
                    <bdi>{initiative.measured.notes}</bdi>
                  </dd>
                </>
              )}
            </dl>
            {initiative.decision ? (
              <Decision initiative={initiative} objectives={objectives} lang={lang} />
            ) : (
              decisionPlanned && (
                <p className="pending">{m.notDecided(formatDate(decisionPlanned, lang))}</p>
              )
            )}
            <p className="open-page">
              <a
                href={hrefOf({ kind: 'initiative', id: initiative.id }, lang)}
                aria-describedby={`initiative-${initiative.id}`}
              >
                {m.initiativePage}
              </a>
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
