import { buildPageIfStale } from '../server/build-page.js';

/** Builds the page with Vite when dist/ is missing or older than its sources. */
export default async function setup(): Promise<void> {
  await buildPageIfStale();
}
