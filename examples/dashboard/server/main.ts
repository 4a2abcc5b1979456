import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { buildPageIfStale, DIST } from './build-page.js';
import { dashboardFetch, feedUrl } from './dashboard-app.js';
import { startDemoRun } from './demo-run.js';
import { listenError } from './listen-error.js';
import { parseOptions } from './options.js';

// `npm run dashboard`: builds the page if its sources changed, records the authority's run up to
// the chosen simulated day, then serves the page and the maslul HTTP API on 127.0.0.1.

try {
  const options = parseOptions(process.argv.slice(2));
  if (options.build && (await buildPageIfStale())) console.log('Built the page into dist/.');
  const run = await startDemoRun({ until: options.until });
  const { recorded, total, today } = await run.state();
  const server = serve(
    { fetch: dashboardFetch(run, { distDir: DIST }), port: options.port, hostname: '127.0.0.1' },
    (info: AddressInfo) => {
      console.log(
        `Ramat HaTe'enim on ${today}: ${recorded} of ${total} events recorded.\nCalendar feed (subscribe in a calendar app): ${feedUrl(info.port)}\nDashboard: http://127.0.0.1:${info.port}/ (Ctrl-C to stop)`,
      );
    },
  );
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(listenError(error, options.port));
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message ?? error);
  process.exitCode = 1;
}
