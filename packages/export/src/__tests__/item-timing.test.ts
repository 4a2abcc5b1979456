import { createInstance, createManualClock } from '@maslul/core';
import type { Plan } from '@maslul/timing';
import { describe, expect, it } from 'vitest';
import { appeals, applicant, boardMember } from '../../../core/test-programs/appeals-program.js';
import { toCsv, toICalendar, toMermaidGantt } from '../index.js';

// Core's appeals program: an application's appeal is due 14 days after its refusal, and six
// monthly reports follow its grant; each item's planned events are steps `<item>.<event>` of the
// plan.
function itemsPlan(): Plan {
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const instance = createInstance(appeals, { start: '2027-01-04', clock });
  instance.send({ type: 'window.start' }, { actor: boardMember });
  for (const item of ['garden', 'library']) {
    instance.send({ type: 'application.create', item }, { actor: applicant });
  }
  clock.advanceTo('2027-02-01T09:00:00Z');
  instance.send({ type: 'application.refuse', item: 'garden' }, { actor: boardMember });
  instance.send({ type: 'application.grant', item: 'library' }, { actor: boardMember });
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
    expect(gantt).toMatch(/Appealed \(garden\).*2027-02-15/);
    expect(gantt).toMatch(/Monthly report \(library\)/);
  });

  it('iCalendar: an event per planned item event and per report occurrence', () => {
    const ics = toICalendar(itemsPlan(), {
      id: 'appeals-2027',
      stamp: '2027-01-04T09:00:00Z',
      program: appeals,
    });
    expect(ics).toContain('Appealed (garden)');
    expect(ics.match(/SUMMARY:Monthly report \(library\)/g)?.length).toBe(6);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270215');
  });
});
