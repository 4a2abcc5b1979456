import type { LogEntry } from '@maslul/core';
import type {
  Compass,
  FocusChallenges,
  HackathonIdea,
  InitiativeMeasurement,
} from '@maslul/kehila-metiva';
import type { PlainDate } from '@maslul/timing';

// One initiative as its page shows it, from the history: the focus challenges (S1) and
// objectives (S4) its idea is tied to, and for each objective the measurements over time: the
// indicator's baseline when the compass was set (S4), each value measured (X3), and its target.

/** A point of a measurement series. */
export interface Point {
  readonly date: PlainDate;
  readonly value: number;
}

/** What is measured of one objective the initiative advances. */
export interface Series {
  readonly objectiveId: string;
  readonly title: string;
  /** The indicator's name and unit, or undefined for a share of progress (0 to 1). */
  readonly indicator: { readonly name: string; readonly unit: string } | undefined;
  /** The baseline (for an indicator) and the values measured, in date order. */
  readonly points: readonly Point[];
  readonly target: number;
}

/** The initiative's ties and measurements. */
export interface InitiativeDetail {
  readonly challenges: readonly { readonly id: string; readonly title: string }[];
  readonly objectives: readonly { readonly id: string; readonly title: string }[];
  readonly series: readonly Series[];
}

/** The detail of initiative `id`, or undefined when the history never set it up. */
export function initiativeDetail(
  entries: readonly LogEntry[],
  id: string,
): InitiativeDetail | undefined {
  const s1 = entries.find((e) => e.type === 'S1');
  const s4 = entries.find((e) => e.type === 'S4');
  const created = entries.find((e) => e.type === 'initiative.create' && e.item === id);
  if (!created) return undefined;
  // As sent: the lists the schema defaults to [] may be absent from the stored payload.
  const idea = created.payload as Partial<HackathonIdea>;
  const ideaObjectives = idea.objectiveIds ?? [];
  const ideaChallenges = idea.challengeIds ?? [];
  const challenges = (s1?.payload as FocusChallenges | undefined) ?? [];
  const compass = s4?.payload as Compass | undefined;
  const measurements = entries
    .filter((e) => e.type === 'initiative.measure' && e.item === id)
    .map((e) => e.payload as InitiativeMeasurement);
  // The objectives it is tied to, and those any measurement speaks of.
  const objectiveIds = [
    ...new Set([
      ...ideaObjectives,
      ...measurements.flatMap((m) => m.progress.map((p) => p.objectiveId)),
    ]),
  ];
  const objectiveOf = (objectiveId: string) =>
    compass?.objectives.find((o) => o.id === objectiveId);
  const series = objectiveIds.flatMap((objectiveId): Series[] => {
    const objective = objectiveOf(objectiveId);
    const progress = measurements.flatMap((m) =>
      m.progress
        .filter((p) => p.objectiveId === objectiveId)
        .map((p) => ({ date: m.measuredOn as PlainDate, progress: p })),
    );
    const indicatorId = progress.find((p) => p.progress.measure === 'indicator')?.progress;
    const indicator =
      indicatorId?.measure === 'indicator'
        ? objective?.indicators.find((i) => i.id === indicatorId.indicatorId)
        : undefined;
    if (indicator) {
      const values = progress.flatMap(({ date, progress: p }) =>
        p.measure === 'indicator' && p.indicatorId === indicator.id
          ? [{ date, value: p.value }]
          : [],
      );
      const start = (s4?.date ?? created.date) as PlainDate;
      return [
        {
          objectiveId,
          title: objective?.title ?? objectiveId,
          indicator: { name: indicator.name, unit: indicator.unit },
          points: [{ date: start, value: indicator.baseline }, ...values],
          target: indicator.target,
        },
      ];
    }
    const shares = progress.flatMap(({ date, progress: p }) =>
      p.measure === 'share' ? [{ date, value: p.share }] : [],
    );
    return [
      {
        objectiveId,
        title: objective?.title ?? objectiveId,
        indicator: undefined,
        // A share of progress starts at nothing when the initiative is set up.
        points: shares.length ? [{ date: created.date as PlainDate, value: 0 }, ...shares] : [],
        target: 1,
      },
    ];
  });
  return {
    challenges: ideaChallenges.map((c) => ({
      id: c,
      title: challenges.find((x) => x.id === c)?.title ?? c,
    })),
    objectives: ideaObjectives.map((o) => ({ id: o, title: objectiveOf(o)?.title ?? o })),
    series,
  };
}
