import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance } from '../instance.js';

const reports = defineProgram('reports', { version: 1, label: 'Monthly reports' })
  .roles({ grantee: { label: 'Grantee' } })
  .track('reports', 'Reports', (t) =>
    t.milestone('grant', { label: 'Grant awarded', by: ['grantee'] }).series('report', {
      label: 'Monthly report',
      by: ['grantee'],
      after: 'grant',
      repeat: { every: 'P1M', count: 4 },
    }),
  )
  .build();
const grantee = { id: 'grantee', roles: ['grantee'] } as const;

describe('deadlines of a started series', () => {
  it('are those of its next occurrence, not of its last', () => {
    const clock = createManualClock('2027-01-04T08:00:00Z');
    const instance = createInstance(reports, { start: '2027-01-04', clock });
    instance.send({ type: 'grant' }, { actor: grantee });
    instance.send({ type: 'report' }, { actor: grantee });
    const occurrences = instance.schedule().plan.steps.report.occurrences?.map((o) => o.date);
    expect(occurrences).toEqual(['2027-01-04', '2027-02-04', '2027-03-04', '2027-04-05']);
    const report = instance.deadlines().filter((d) => d.step === 'report');
    expect(report.map((d) => [d.kind, d.date])).toEqual([
      ['due', '2027-02-04'],
      ['overdue', '2027-02-05'],
    ]);
  });

  it('move on to the following occurrence once the next one is recorded', () => {
    const clock = createManualClock('2027-01-04T08:00:00Z');
    const instance = createInstance(reports, { start: '2027-01-04', clock });
    instance.send({ type: 'grant' }, { actor: grantee });
    instance.send({ type: 'report' }, { actor: grantee });
    clock.advanceTo('2027-02-04T08:00:00Z');
    instance.send({ type: 'report' }, { actor: grantee });
    const report = instance.deadlines().filter((d) => d.step === 'report');
    expect(report.map((d) => [d.id, d.date])).toEqual([
      ['report:due', '2027-03-04'],
      ['report:overdue', '2027-03-05'],
    ]);
  });
});
