import type { LogEntry } from '@maslul/core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type RunningServer, startServer } from './harness.js';

// The dashboard end to end: the real server (the authority's run recorded up to a simulated day,
// the maslul HTTP API, the built page), Chromium driving the page as a person would.

const ID = 'ramat-hateenim';

/** The server's history of the instance, read through the HTTP API. */
async function history(server: RunningServer): Promise<LogEntry[]> {
  const response = await fetch(`${server.url}api/instances/${ID}/history`, {
    headers: { 'X-Demo-Actor': 'public' },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: LogEntry[] }).entries;
}

/** A step's row on the timeline, found by its label as a person reads it. */
const row = (page: Page, label: string | RegExp): Locator => page.getByRole('row', { name: label });

const html = (page: Page) =>
  page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));

let browser: Browser;
let server: RunningServer;
let decided: RunningServer;
let page: Page;

beforeAll(async () => {
  // The default day (S8 overdue, the next event), and the day the initiatives are decided.
  [server, decided, browser] = await Promise.all([
    startServer(),
    startServer(['--until', '2027-11-21']),
    launchChromium(),
  ]);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30_000);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), decided?.stop()]);
});

describe('the dashboard', () => {
  it('opens in Hebrew, right to left, with both tracks on one timeline', async () => {
    await page.goto(server.url);
    await expect.poll(() => html(page)).toEqual({ dir: 'rtl', lang: 'he' });
    // The program's name until GET /demo answers, then the authority's.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('רמת התאנים (רשות בדיונית)');
    const timeline = page.getByRole('table', { name: 'ציר הזמן' });
    // The program's own Hebrew labels: the strategy track and the pilot track, with their steps.
    const strategy = timeline.getByRole('rowgroup', { name: 'בניית תוכנית אסטרטגית - טווח ארוך' });
    const pilot = timeline.getByRole('rowgroup', { name: 'פיילוט התנסותי' });
    await Promise.all([strategy.waitFor(), pilot.waitFor()]);
    // Its ten steps, and under S6 the four teams' planned work meetings (T3).
    await expect(strategy.locator('[data-step]').count()).resolves.toBe(14);
    await expect(strategy.locator('[data-step="team-social.meet"]').count()).resolves.toBe(1);
    await expect(pilot.locator('[data-step]').count()).resolves.toBe(3);
    await expect(
      row(page, /מפגש ועדה מעצבת 5: סגירת התוכנית/)
        .getByText('באיחור')
        .count(),
    ).resolves.toBe(1);
  });

  it('shows the forecast P50 and P90 of the approval (S9) and of the decision (C1)', async () => {
    for (const step of ['S9', 'C1']) {
      const text = await page.locator(`[data-forecast="${step}"]`).textContent();
      expect(text).toMatch(/P50 .+ · P90 .+/);
    }
  });

  it('switches to English, left to right, and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });
    expect(page.url()).toContain('lang=en');
    const timeline = page.getByRole('table', { name: 'Timeline' });
    await timeline.getByRole('rowgroup', { name: 'Long-term strategy' }).waitFor();
    await timeline.getByRole('rowgroup', { name: 'Experiential pilot' }).waitFor();
    await expect(
      page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');

    await page.getByRole('button', { name: 'עברית' }).click();
    await expect.poll(() => html(page)).toEqual({ dir: 'rtl', lang: 'he' });
    await page.getByRole('heading', { name: 'ציר הזמן' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => html(page)).toEqual({ dir: 'ltr', lang: 'en' });
  });

  it('records the next event through the page, and the timeline changes', async () => {
    const s8 = row(page, /Shaping committee meeting 5: the plan closes/);
    const s9 = row(page, /Steering committee approves the plan/);
    // Where things stand on 10 May 2027: meeting 5 is past its window, approval two weeks after it.
    await expect(s8.getAttribute('data-status')).resolves.toBe('overdue');
    await expect(s8.getByRole('cell').first().textContent()).resolves.toBe('Overdue');
    await expect(s9.getAttribute('data-start')).resolves.toBe('2027-05-18');
    const before = await history(server);
    expect(before).toHaveLength(50);

    const next = page.getByRole('region', { name: 'Next step' });
    await expect(
      next.getByText('Shaping committee meeting 5: the plan closes').count(),
    ).resolves.toBe(1);
    await next.getByRole('button', { name: 'Record it' }).click();

    // S8 is recorded on the 11th: done, and the approval moves to two weeks after it.
    await expect.poll(() => s8.getAttribute('data-status')).toBe('done');
    await expect(s8.getByRole('cell').first().textContent()).resolves.toBe('Done');
    await expect.poll(() => s9.getAttribute('data-start')).toBe('2027-05-25');
    await expect
      .poll(() => page.locator('[data-today]').getAttribute('data-today'))
      .toBe('2027-05-11');
    const after = await history(server);
    expect(after).toHaveLength(51);
    expect(after.at(-1)).toMatchObject({
      seq: 51,
      type: 'S8',
      idempotencyKey: 'ramat-51',
      date: '2027-05-11',
      actor: { id: 'shaping-committee', roles: ['shapingCommittee'] },
    });
    // The next event of the script is offered: the plan's approval, by the steering committee.
    await expect(next.getByText('Steering committee approves the plan').count()).resolves.toBe(1);
    await expect(next.getByRole('alert').count()).resolves.toBe(0);
  });

  it('lists the initiatives with the decisions on them and the reasons', async () => {
    await page.goto(`${decided.url}?lang=en`);
    const initiatives = page.getByRole('region', {
      name: 'Pilot initiatives and the decisions on them',
    });
    // An initiative is named by its title: the authority's data, the same in both languages.
    const club = page.getByRole('article', { name: 'Homework club with university students' });
    await club.waitFor();
    await expect(initiatives.getByRole('article').count()).resolves.toBe(8);
    await expect(club.getAttribute('data-state')).resolves.toBe('continued');
    // Each waitFor fails unless exactly one element matches (playwright's strict mode).
    await club.getByText('Continues into year two').waitFor();
    await club.getByText('Dropout fell from 16% to 13%').waitFor();
    await club.getByText('Rule C2 ✓').waitFor();
    const cableCar = page.getByRole('article', { name: 'A cable car over the wadi' });
    await expect(cableCar.getAttribute('data-state')).resolves.toBe('stopped');
    await cableCar.getByText('Cost far beyond any budget line of the plan').waitFor();
    await cableCar.getByText('Rule C1 ✓').waitFor();
    // C1 itself is on the timeline, done.
    await expect(
      row(page, /Decision on each initiative for year two/).getAttribute('data-status'),
    ).resolves.toBe('done');

    // The same in Hebrew: the program's labels for the decision and for its rule.
    await page.getByRole('button', { name: 'עברית' }).click();
    await club.getByText('ממשיכה לשנה השנייה').waitFor();
    await club.getByText('יוזמה ממשיכה רק בהחלטה להמשיך בה', { exact: false }).waitFor();
  });
});
