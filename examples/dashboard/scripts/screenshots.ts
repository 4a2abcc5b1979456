import { join } from 'node:path';
import { buildPageIfStale, ROOT } from '../server/build-page.js';
import { launchChromium, startServer } from '../test/harness.js';

// `npm run screenshots -w @maslul/example-dashboard`: every view of the page (the overview on its
// default simulated day, an initiative's page and the portfolio) in Hebrew and in English, on a
// phone (390x844) and a desktop (1280x800), into the repository's docs/ folder as
// dashboard-<view>-<lang>-<width>.png.

const DOCS = join(ROOT, '..', '..', 'docs');

const VIEWS = [
  { name: 'overview', decided: false, query: '', ready: '[data-late="S8"]' },
  {
    name: 'initiative',
    decided: true,
    query: '&initiative=homework-club',
    ready: 'figure.measurement .ct-line',
  },
  { name: 'portfolio', decided: false, query: '&view=portfolio', ready: 'tr[data-authority]' },
] as const;

await buildPageIfStale();
const [server, decided] = await Promise.all([
  startServer(),
  startServer(['--until', '2027-11-21']),
]);
const browser = await launchChromium();
try {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const view of VIEWS) {
      for (const lang of ['he', 'en'] as const) {
        await page.goto(`${(view.decided ? decided : server).url}?lang=${lang}${view.query}`);
        await page.locator(view.ready).first().waitFor();
        const path = join(DOCS, `dashboard-${view.name}-${lang}-${width}.png`);
        await page.screenshot({ path });
        console.log(`Wrote ${path}`);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  await Promise.all([server.stop(), decided.stop()]);
}
