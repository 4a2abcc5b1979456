import { createManualClock } from '@maslul/core';
import { toICalendar } from '@maslul/export';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { describe, expect, it } from 'vitest';
import type { CalendarExport } from '../index.js';
import { expectError } from './expect-error.js';
import { as, NOW, people, START, scope, setUp } from './fixture.js';

describe('GET /instances/{id}/calendar.ics', () => {
  it("serves the instance's plan as iCalendar through the app's export", async () => {
    const clock = createManualClock(NOW);
    const exportCalendar: CalendarExport = (plan, { id }) =>
      toICalendar(plan, { id, stamp: clock.now(), program: kehilaMetiva });
    const setup = setUp({ clock, app: { exportCalendar } });
    await setup.runtime.create('town', { start: START });
    await setup.runtime.send(
      'town',
      { type: 'S0', payload: scope as never },
      { actor: people.mayor },
    );

    const response = await setup.app.request('/instances/town/calendar.ics', {
      headers: as(people.resident),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="town.ics"');
    const text = await response.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // S1, the shaping committee's first meeting, is planned about two weeks after S0.
    expect(text).toContain('UID:town/S1@maslul');
    expect(text).toContain('Shaping committee meeting 1');
  });

  it('answers 404 for an unknown instance, before the export runs', async () => {
    let calls = 0;
    const { app } = setUp({
      app: {
        exportCalendar: () => {
          calls++;
          return '';
        },
      },
    });
    await expectError(
      app.request('/instances/nowhere/calendar.ics', { headers: as(people.resident) }),
      404,
      'unknown-instance',
    );
    expect(calls).toBe(0);
  });
});
