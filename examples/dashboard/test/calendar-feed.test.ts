import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ID } from '../../authority-run/src/run.js';
import { dashboardFetch, feedUrl } from '../server/dashboard-app.js';
import { startDemoRun } from '../server/demo-run.js';

// The calendar feed the dashboard serves, read as a calendar app reads it: from its address
// alone (no header of the app's own), parsed by ical.js.

let fetchOf: (request: Request) => Promise<Response>;
beforeAll(async () => {
  const run = await startDemoRun({ until: '2027-05-10' });
  fetchOf = dashboardFetch(run, { distDir: '/nonexistent' });
});

const feed = (method = 'GET') =>
  fetchOf(new Request(feedUrl(5174).replace(/^webcal:/, 'http:'), { method }));

describe('the calendar feed', () => {
  it('is a webcal address of the instance, the role in the address', () => {
    expect(feedUrl(5174)).toBe(
      `webcal://127.0.0.1:5174/api/instances/${ID}/calendar.ics?actor=public`,
    );
  });

  it('answers a calendar app with text/calendar in UTF-8, and an hourly refresh', async () => {
    const response = await feed();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="${ID}.ics"`);
    const text = await response.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n');
    const head = await feed('HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  });

  it("holds every one-day step of the program: the five shaping-committee meetings, the conferences, the decisions, each team's appointment and four work meetings (T3)", async () => {
    const calendar = new ICAL.Component(ICAL.parse(await (await feed()).text()));
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    const byStep = new Map(
      events.map((e) => [e.uid.replace(`${ID}/`, '').replace('@maslul', ''), e]),
    );
    expect([...byStep.keys()].sort()).toEqual([
      'C1',
      'Q/1',
      'Q/2',
      'Q/3',
      'Q/4',
      'Q/5',
      'S0',
      'S1',
      'S3',
      'S4',
      'S5',
      'S7',
      'S8',
      'S9',
      'X1',
      'X3',
      'X4',
      'team-economic.appoint',
      'team-economic.meet/1',
      'team-economic.meet/2',
      'team-economic.meet/3',
      'team-economic.meet/4',
      'team-educational.appoint',
      'team-educational.meet/1',
      'team-educational.meet/2',
      'team-educational.meet/3',
      'team-educational.meet/4',
      'team-social.appoint',
      'team-social.meet/1',
      'team-social.meet/2',
      'team-social.meet/3',
      'team-social.meet/4',
      'team-urban.appoint',
      'team-urban.meet/1',
      'team-urban.meet/2',
      'team-urban.meet/3',
      'team-urban.meet/4',
    ]);
    // Meeting 5 (S8) is a meeting at 17:00 Jerusalem time like meetings 1-4, still planned.
    const s8 = byStep.get('S8');
    expect(s8?.summary).toBe('מפגש ועדה מעצבת 5: סגירת התוכנית');
    expect(s8?.startDate.isDate).toBe(false);
    expect(s8?.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    // The launch conference and the hackathon were held: all-day, on their days, confirmed.
    for (const [step, day, title] of [
      ['S4', '2027-01-19', 'כנס השקה רשותי: המצפן'],
      ['X1', '2027-02-21', 'כנס האקתון רשותי'],
    ] as const) {
      const event = byStep.get(step);
      expect(event?.summary).toBe(title);
      expect(event?.startDate.isDate).toBe(true);
      expect(event?.startDate.toString()).toBe(day);
      expect(event?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    }
    expect(byStep.get('S9')?.summary).toBe('הצגה ואישור בוועדת ההיגוי');
  });

  it('is refused without a role, and names the role only for the feed', async () => {
    const url = `http://127.0.0.1:5174/api/instances/${ID}`;
    expect((await fetchOf(new Request(`${url}/calendar.ics`))).status).toBe(401);
    expect((await fetchOf(new Request(`${url}/schedule?actor=public`))).status).toBe(401);
  });
});
