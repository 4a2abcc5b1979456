import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './axe.js';
import { launchChromium, type RunningServer, startServer } from './harness.js';

// Every view of the dashboard (the overview, an initiative's page, the portfolio of authorities)
// in Hebrew and English, on a phone (390 px) and a desktop (1280 px): no horizontal overflow,
// no axe-core violation (colour contrast included), and what each view is for.

const WIDTHS = [390, 1280] as const;
const LANGS = ['he', 'en'] as const;

let browser: Browser;
let server: RunningServer;
let decided: RunningServer;

beforeAll(async () => {
  // The default day (S8 overdue), and the day the initiatives are decided (measured, decided).
  [server, decided, browser] = await Promise.all([
    startServer(),
    startServer(['--until', '2027-11-21']),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), decided?.stop()]);
});

/** A page at `width`, opened on `query` of a server, once `ready` is shown. */
async function open(on: RunningServer, query: string, ready: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 844 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${on.url}${query}`);
  await page.locator(ready).first().waitFor();
  return page;
}

/** What every view must hold at every width: its language and direction, no page-wide overflow, no axe violation. */
async function checkLayout(page: Page, lang: 'he' | 'en') {
  const html = await page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  expect(html).toEqual({ dir: lang === 'he' ? 'rtl' : 'ltr', lang, overflow: 0 });
  expect(await accessibilityViolations(page)).toEqual([]);
}

const VIEWS = {
  overview: { on: () => server, query: '', ready: '[data-late="S8"]' },
  initiative: {
    on: () => decided,
    query: '&initiative=homework-club',
    ready: 'figure.measurement .ct-line',
  },
  portfolio: { on: () => server, query: '&view=portfolio', ready: 'tr[data-authority]' },
} as const;

describe.each(Object.keys(VIEWS) as (keyof typeof VIEWS)[])('the %s view', (name) => {
  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      it(`in ${lang === 'he' ? 'Hebrew' : 'English'} at ${width} px: no overflow, no axe violation`, async () => {
        const view = VIEWS[name];
        const page = await open(view.on(), `?lang=${lang}${view.query}`, view.ready, width);
        try {
          await checkLayout(page, lang);
          if (name === 'overview') {
            // The timeline scrolls in its own box on a phone; it fits on a desktop.
            const box = await page
              .locator('.gantt-scroll')
              .evaluate((e) => ({ scrolls: e.scrollWidth > e.clientWidth }));
            expect(box.scrolls).toBe(width === 390);
          }
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe('the overview', () => {
  it('lists this week: S8 overdue, with its owner, the role and the person', async () => {
    const page = await open(server, '?lang=en', '[data-week-item]', 1280);
    const week = page.getByRole('region', { name: 'This week' });
    const s8 = week.locator('[data-week-item="S8"]');
    await expect(s8.getAttribute('data-status')).resolves.toBe('overdue');
    await s8.getByText('Owner: Shaping committee (The shaping committee)').waitFor();
    await week.getByText('from 10 May 2027 to 16 May 2027', { exact: false }).waitFor();
    await page.goto(`${server.url}?lang=he`);
    await page
      .getByRole('region', { name: 'השבוע' })
      .getByText('אחראי: הוועדה המעצבת (הוועדה המעצבת)')
      .waitFor();
    await page.close();
  });

  it('says how late S8 is in working days and what waits on it, with explain()', async () => {
    const page = await open(server, '?lang=en', '[data-late="S8"]', 1280);
    const late = page.locator('[data-late="S8"]');
    // Its window closed on Sunday 9 May; Monday 10 May is the first working day past it.
    await expect(late.getAttribute('data-working-days')).resolves.toBe('1');
    await late.getByText('1 working day late · window closed 9 May 2027').waitFor();
    await expect(
      late.locator('[data-moved]').evaluateAll((e) => e.map((x) => x.getAttribute('data-moved'))),
    ).resolves.toEqual(['S9', 'C1']);
    await late.locator('[data-moved="S9"] summary').click();
    await late
      .locator('[data-moved="S9"]')
      .getByText(
        'about 2 weeks after "S8" (Shaping committee meeting 5: the plan closes) finishes',
        {
          exact: false,
        },
      )
      .waitFor();
    await page.close();
  });

  it('draws the forecast P50 to P90 of S9 and C1 on the timeline', async () => {
    const demo = (await (await fetch(`${server.url}demo`)).json()) as {
      forecast: Record<'S9' | 'C1', { p50: string; p90: string }>;
    };
    const page = await open(server, '?lang=en', 'tr[data-step="C1"]', 1280);
    for (const step of ['S9', 'C1'] as const) {
      const row = page.locator(`tr[data-step="${step}"]`);
      await expect(row.getAttribute('data-p50')).resolves.toBe(demo.forecast[step].p50);
      await expect(row.getAttribute('data-p90')).resolves.toBe(demo.forecast[step].p90);
      await expect(row.locator('.forecast-band').count()).resolves.toBe(1);
    }
    await expect(page.locator('.forecast-band').count()).resolves.toBe(2);
    await page.close();
  });

  it('links the calendar feed and the CSV export, and both answer', async () => {
    const page = await open(server, '?lang=en', '[data-link="csv"]', 1280);
    const feed = await page.locator('[data-link="feed"]').getAttribute('href');
    expect(feed).toMatch(
      /^webcal:\/\/127\.0\.0\.1:\d+\/api\/instances\/ramat-hateenim\/calendar\.ics\?actor=public$/,
    );
    const ics = await fetch(
      `${server.url.replace(/\/$/, '')}${await page.locator('[data-link="ics"]').getAttribute('href')}`,
    );
    expect([ics.status, ics.headers.get('content-type')]).toEqual([
      200,
      'text/calendar; charset=utf-8',
    ]);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
    const csv = await fetch(
      `${server.url.replace(/\/$/, '')}${await page.locator('[data-link="csv"]').getAttribute('href')}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await csv.text()).split('\r\n');
    expect(rows.find((r) => r.startsWith('S8,'))).toContain('overdue');
    await page.close();
  });
});

describe('an initiative page', () => {
  it('shows its ties, its measurements over time, the C2 decision and the refused attempts', async () => {
    const page = await open(
      decided,
      '?lang=en&initiative=homework-club',
      'figure.measurement .ct-line',
      1280,
    );
    await page
      .getByRole('heading', { level: 2, name: 'Homework club with university students' })
      .waitFor();
    await page.getByText('Focus challenge: Teenagers dropping out of school').waitFor();
    await page.locator('[data-objective="cut-dropout"]').first().waitFor();
    // The dropout rate: 16 at the launch conference, 13 measured, the target 9.
    const figure = page.locator('figure.measurement[data-objective="cut-dropout"]');
    await expect(
      figure
        .locator('tr[data-value]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-value'))),
    ).resolves.toEqual(['16', '13']);
    await expect(figure.locator('tr[data-target]').getAttribute('data-target')).resolves.toBe('9');
    await expect(figure.locator('.ct-series-a .ct-point').count()).resolves.toBe(2);
    await page.getByText('Continues into year two').first().waitFor();
    await page.getByText('Rule C2 ✓').waitFor();
    await page.getByText('Dropout fell from 16% to 13%').waitFor();
    const refused = page.locator('[data-refusal]');
    await expect(
      refused.evaluateAll((e) => e.map((x) => x.getAttribute('data-rule'))),
    ).resolves.toEqual(['core.roles', 'X3']);
    await page.close();
  });

  it('is reached from the overview, and says so when there is no such initiative', async () => {
    const page = await open(decided, '?lang=he', '.initiative', 1280);
    await page
      .getByRole('article', { name: 'Homework club with university students' })
      .getByRole('link', { name: 'לדף היוזמה' })
      .click();
    await page.locator('figure.measurement').first().waitFor();
    expect(page.url()).toContain('initiative=homework-club');
    await page.getByText('קשורה אל').waitFor();
    await page.goto(`${decided.url}?lang=en&initiative=nothing-here`);
    await page.getByRole('alert').getByText('There is no such initiative in this run.').waitFor();
    await page.close();
  });
});

describe('the portfolio', () => {
  it('lists the three authorities from GET /api/instances, with overdue steps and the S9 forecast', async () => {
    const page = await open(server, '?lang=en&view=portfolio', 'tr[data-authority]', 1280);
    const rows = page.locator('tr[data-authority]');
    await expect(
      rows.evaluateAll((e) => e.map((x) => x.getAttribute('data-authority'))),
    ).resolves.toEqual(['givat-hazeitim', 'kiryat-hagefen', 'ramat-hateenim']);
    const listed = (await (
      await fetch(`${server.url}api/instances`, { headers: { 'X-Demo-Actor': 'public' } })
    ).json()) as { instances: { id: string; overdue: string[] }[] };
    for (const instance of listed.instances) {
      await expect(
        page.locator(`tr[data-authority="${instance.id}"]`).getAttribute('data-overdue'),
      ).resolves.toBe(String(instance.overdue.length));
    }
    const ramat = page.locator('tr[data-authority="ramat-hateenim"]');
    await expect(ramat.getAttribute('data-overdue')).resolves.toBe('1');
    await ramat.getByText('Shaping committee meeting 5: the plan closes').waitFor();
    await ramat.getByText(/^P50 .+ · P90 .+$/).waitFor();
    await expect(
      page.locator('tr[data-authority="givat-hazeitim"]').getAttribute('data-overdue'),
    ).resolves.toBe('0');
    await page.getByRole('link', { name: "Ramat HaTe'enim (a fictional authority)" }).click();
    await page.locator('[data-late="S8"]').waitFor();
    await page.close();
  });
});
