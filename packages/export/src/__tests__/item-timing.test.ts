import { createInstance, createManualClock, defineProgram } from '@maslul/core';
import { exactly, type Plan } from '@maslul/timing';
import { describe, expect, it } from 'vitest';
import { toCsv, toICalendar, toMermaidGantt } from '../index.js';

// An application whose appeal is due 14 days after its refusal, and whose six monthly reports
// follow its grant: each item's planned events are steps `<item>.<event>` of the plan.
const program = defineProgram('grants', { version: 1, label: 'Grants' })
  .roles({ board: { label: 'Board' }, applicant: { label: 'Applicant' } })
  .track('call', 'Call', (t) => t.milestone('open', { label: 'Call opens', by: ['board'] }))
  .item(
    'application',
    {
      label: 'Application',
      states: ['submitted', 'refused', 'appealed', 'granted'],
      create: { by: ['applicant'] },
    },
    (item) =>
      item
        .event('refuse', { label: 'Refused', by: ['board'], from: ['submitted'], to: 'refused' })
        .event('appeal', {
          label: 'Appeal',
          by: ['applicant'],
          from: ['refused'],
          to: 'appealed',
          planned: { after: 'refuse', lag: exactly(14, 'days') },
        })
        .event('grant', { label: 'Granted', by: ['board'], from: ['submitted'], to: 'granted' })
        .event('report', {
          label: 'Report',
          by: ['applicant'],
          from: ['granted'],
          to: 'granted',
          planned: {
            after: 'grant',
            lag: exactly(1, 'months'),
            repeat: { every: 'P1M', count: 6 },
          },
        }),
  )
  .build();

function itemsPlan(): Plan {
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const instance = createInstance(program, { start: '2027-01-04', clock });
  const board = { id: 'dana', roles: ['board'] } as const;
  const noa = { id: 'noa', roles: ['applicant'] } as const;
  instance.send({ type: 'open' }, { actor: board });
  for (const item of ['garden', 'library']) {
    instance.send({ type: 'application.create', item }, { actor: noa });
  }
  clock.advanceTo('2027-02-01T09:00:00Z');
  instance.send({ type: 'application.refuse', item: 'garden' }, { actor: board });
  instance.send({ type: 'application.grant', item: 'library' }, { actor: board });
  return instance.schedule().plan as Plan;
}

describe("items' planned events in the exports, per item", () => {
  it('CSV: a row per planned item event, with its date', () => {
    const rows = toCsv(itemsPlan()).split('\r\n');
    expect(rows.find((r) => r.startsWith('garden.appeal,'))).toContain('2027-02-15');
    expect(rows.find((r) => r.startsWith('library.report,'))).toContain('2027-03-01');
  });

  it('Mermaid Gantt: a task per planned item event, grouped by the item kind', () => {
    const gantt = toMermaidGantt(itemsPlan());
    expect(gantt).toContain('section application');
    expect(gantt).toMatch(/Appeal \(garden\).*2027-02-15/);
    expect(gantt).toMatch(/Report \(library\)/);
  });

  it('iCalendar: an event per planned item event and per report occurrence', () => {
    const ics = toICalendar(itemsPlan(), {
      id: 'grants-2027',
      stamp: '2027-01-04T09:00:00Z',
      program,
    });
    expect(ics).toContain('Appeal (garden)');
    expect(ics.match(/SUMMARY:Report \(library\)/g)?.length).toBe(6);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270215');
  });
});
