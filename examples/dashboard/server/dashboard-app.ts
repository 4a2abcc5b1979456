import { toCsv, toICalendar } from '@maslul/export';
import { createHttpApp } from '@maslul/http';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { ID } from '../../authority-run/src/run.js';
import { API_BASE } from '../src/demo-state.js';
import { demoAuthenticate } from './authenticate.js';
import type { DemoRun } from './demo-run.js';
import { staticFile } from './static-files.js';

// One fetch handler for everything the page needs: the maslul HTTP API under /api, the demo's
// own two routes (the simulated day and the script's next event; moving the clock on), and the
// built page.

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

/** The address a calendar app subscribes to: the instance's feed, the role in the address. */
export const feedUrl = (port: number): string =>
  `webcal://127.0.0.1:${port}${API_BASE}/instances/${ID}/calendar.ics?actor=public`;

/** Where the page links the CSV export of an instance's plan (for a spreadsheet). */
export const csvPath = (id: string): string => `/export/${encodeURIComponent(id)}.csv`;

/** The server's fetch handler over a demo run, serving the page from `distDir`. */
export function dashboardFetch(
  run: DemoRun,
  { distDir }: { readonly distDir: string },
): (request: Request) => Promise<Response> {
  const authenticate = demoAuthenticate(run.personOf);
  const api = createHttpApp({
    runtime: run.runtime,
    authenticate,
    basePath: API_BASE,
    exportCalendar: (plan, { id }) =>
      toICalendar(plan, { id, stamp: run.now(), program: kehilaMetiva, locale: 'he' }),
    onInternalError: (error) => console.error(error),
  });

  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === API_BASE || pathname.startsWith(`${API_BASE}/`)) return api.fetch(request);
    if (pathname === '/demo' && request.method === 'GET') return json(await run.state());
    if (pathname === '/demo/portfolio' && request.method === 'GET') {
      return json(await run.portfolio());
    }
    if (pathname === '/demo/week' && request.method === 'GET') {
      const id = new URL(request.url).searchParams.get('id') ?? ID;
      const week = await run.week(id);
      return week
        ? json(week)
        : json({ error: { code: 'not-found', message: `No authority "${id}".` } }, 404);
    }
    const csv = /^\/export\/([^/]+)\.csv$/.exec(pathname);
    if (csv?.[1] && request.method === 'GET') {
      const id = decodeURIComponent(csv[1]);
      const week = await run.week(id);
      if (!week)
        return json({ error: { code: 'not-found', message: `No authority "${id}".` } }, 404);
      const { plan } = (await run.runtime.open(id)).schedule();
      // With a byte order mark: the file is for a spreadsheet, which reads Hebrew right with it.
      const text = toCsv(plan, { at: run.now(), program: kehilaMetiva, locale: 'he', bom: true });
      return new Response(text, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${id}.csv"`,
          'cache-control': 'no-store',
        },
      });
    }
    if (pathname === '/demo/advance' && request.method === 'POST') {
      // The same header as the API: a page of another origin cannot send it without CORS.
      if (!(await authenticate(request))) {
        return json({ error: { code: 'unauthenticated', message: 'Send X-Demo-Actor.' } }, 401);
      }
      return json(await run.advance());
    }
    return (
      (await staticFile(distDir, request)) ??
      new Response(`Not found: ${pathname}`, {
        status: 404,
        headers: { 'content-type': 'text/plain' },
      })
    );
  };
}
