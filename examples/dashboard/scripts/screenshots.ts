import { join } from 'node:path';
import { buildPageIfStale, ROOT } from '../server/build-page.js';
import { launchChromium, startServer } from '../test/harness.js';

// `npm run screenshots -w @maslul/example-dashboard`: the page on its default simulated day, in
// Hebrew and in English, at 1280x800, into the repository's docs/ folder.

const DOCS = join(ROOT, '..', '..', 'docs');

await buildPageIfStale();
const server = await startServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  for (const lang of ['he', 'en'] as const) {
    await page.goto(`${server.url}?lang=${lang}`);
    await page.locator('tr[data-step="C1"]').waitFor();
    await page.locator('.initiative').first().waitFor();
    const path = join(DOCS, `dashboard-${lang}.png`);
    await page.screenshot({ path });
    console.log(`Wrote ${path}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
