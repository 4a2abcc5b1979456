import type { ItemRecord } from '@maslul/core';
import type {
  ContinuationDecision,
  Hackathon,
  HackathonIdea,
  InitiativeMeasurement,
} from '@maslul/kehila-metiva';
import { columns, shekels, wrap } from './format.js';

// The pilot track's initiatives as the program recorded them: the hackathon's ideas (X1, X2),
// then the shaping committee's decision on each, with the measurement behind it (X3, C1, C2).

type Items = { readonly [id: string]: ItemRecord };

const INDENT = ' '.repeat(13);

const initiatives = (items: Items) => Object.values(items).filter((i) => i.kind === 'initiative');

/** The hackathon's ideas: title, what each is tied to, and the money it was given. */
export function hackathonReport(hackathon: Hackathon, supportFrom: string): string[] {
  const lines = [
    `Hackathon (X1, ${hackathon.heldOn}): ${hackathon.ideas.length} ideas, all ${hackathon.selections.length} selected; support (X2) from ${supportFrom}`,
    `  ${columns(['initiative', 'tied to (challenges, objectives)', 'grant'], [46, 36])}`,
  ];
  for (const idea of hackathon.ideas) {
    const support = hackathon.selections.find((s) => s.ideaId === idea.id)?.support;
    const ties = [...idea.challengeIds, ...idea.objectiveIds].join(', ');
    lines.push(`  ${columns([idea.title, ties, shekels(support?.moneyAgorot ?? 0)], [46, 36])}`);
  }
  return lines;
}

/** The decisions: continued first, then stopped, each with its measurement and its reasons. */
export function decisionsReport(items: Items): string[] {
  const decided = initiatives(items).map((item) => {
    const decision = (item.events.continue ?? item.events.stop)?.payload as ContinuationDecision;
    const measured = item.events.measure?.payload as InitiativeMeasurement | undefined;
    return { idea: item.data as HackathonIdea, decision, measured };
  });
  const date = decided[0]?.decision.decidedOn ?? '-';
  const lines = [`Decisions (C1-C2: the shaping committee, ${date}, initiative by initiative)`];
  for (const outcome of ['continue', 'stop'] as const) {
    for (const { idea, decision, measured } of decided) {
      if (decision.decision !== outcome) continue;
      // C2's two tests, then the committee's own reasons.
      const advances = decision.advancesObjectiveIds.length
        ? `advances ${decision.advancesObjectiveIds.join(', ')}`
        : 'advances no objective';
      const fits = decision.fitsPlan ? 'fits the plan' : 'does not fit the plan';
      lines.push(
        `  ${columns([outcome === 'continue' ? 'CONTINUES' : 'STOPS', idea.title], [11])}`,
        ...wrap(
          `measured ${measured?.measuredOn ?? '-'}: ${measured?.notes ?? 'not measured'}`,
          INDENT,
        ),
        ...wrap(`${advances}, ${fits}. ${decision.reasons.join('. ')}.`, `${INDENT}why: `, INDENT),
      );
    }
  }
  return lines;
}
